/**
 * 审计日志: an append-only hash chain. Each entry's hash covers its content and the previous
 * hash, so editing, deleting or reordering any row breaks verification from that row on.
 * Entries are written in the same transaction as the change they describe.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntryRow, Database } from '../db/schema';
import type { Actor } from './context';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  areaCode: string;
  orgPath: string;
  before?: unknown;
  after?: unknown;
}

type HashedFields = Omit<AuditEntryRow, 'hash'>;

export function computeAuditHash(entry: HashedFields): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.areaCode,
    entry.orgPath,
    entry.beforeJson,
    entry.afterJson,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry; call inside the transaction that makes the change. */
export async function appendAudit(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  input: AuditInput,
): Promise<number> {
  // Updating the single head row takes a row lock on PostgreSQL and the write lock on SQLite,
  // so concurrent appends queue instead of forking the chain.
  await trx
    .updateTable('auditHead')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  const head = await trx
    .selectFrom('auditHead')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: head.seq,
    at,
    actorId: actor.accountId,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    areaCode: input.areaCode,
    orgPath: input.orgPath,
    beforeJson: input.before === undefined ? null : JSON.stringify(input.before),
    afterJson: input.after === undefined ? null : JSON.stringify(input.after),
    prevHash: head.hash,
  };
  const hash = computeAuditHash(fields);
  await trx
    .insertInto('auditEntry')
    .values({ ...fields, hash })
    .execute();
  await trx.updateTable('auditHead').set({ hash }).where('id', '=', 1).execute();
  return head.seq;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry that does not verify, and why (Chinese). */
  broken?: { seq: number; reason: string };
}

/** Recomputes the whole chain in sequence order, a page at a time. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  pageSize = 2000,
): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditEntry')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          broken: {
            seq: expectedSeq,
            reason: `缺少第 ${expectedSeq} 条记录（下一条为第 ${row.seq} 条）`,
          },
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          broken: { seq: row.seq, reason: '前一条记录的哈希值与本条所记不符' },
        };
      }
      if (computeAuditHash(row) !== row.hash) {
        return {
          ok: false,
          checked,
          broken: { seq: row.seq, reason: '记录内容与其哈希值不符（可能被改动）' },
        };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) {
      break;
    }
  }
  const head = await db
    .selectFrom('auditHead')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head !== undefined && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      broken: {
        seq: expectedSeq,
        reason: `链尾应为第 ${head.seq} 条，实际只有 ${expectedSeq - 1} 条（记录被删除）`,
      },
    };
  }
  return { ok: true, checked };
}

export interface AuditPage {
  items: AuditEntryRow[];
  total: number;
}

/** Entries about the actor's scope, newest first. */
export async function listAuditEntries(
  db: Kysely<Database>,
  scopePath: string,
  page: number,
  pageSize: number,
): Promise<AuditPage> {
  const base = db.selectFrom('auditEntry').where('orgPath', 'like', `${scopePath}%`);
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
