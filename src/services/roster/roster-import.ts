/**
 * Import of the 党员花名册 .xlsx in ONE streaming pass (docs/adr/0014-streaming-roster-import.md):
 * rows go from exceljs's streaming reader straight into validation, matching by 公民身份号码
 * (新增 / 更新 / 无变化) in batches, and — when committing — insert batches inside one
 * transaction that is rolled back if any row has a problem. Nothing but what matching needs is
 * kept per row (the ID numbers seen, for duplicates); the report keeps the first
 * `MAX_REPORTED_PROBLEMS` problems and the total count.
 */
import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../domain/calendar/date';
import { maskIdNumber } from '../../domain/id-number';
import { MEMBERSHIP_STATUS_LABELS } from '../../domain/roster/labels';
import { nameSearchKeys, type NameSearchKeys } from '../../domain/roster/pinyin';
import { deferIndexes } from '../../db/connect';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { canEditRoster, chinaToday, orgIndex } from './member.service';
import { HEADER_OF, type RosterField } from './roster-columns';
// roster-rows loads exceljs: only the in-thread read (small files) needs it here, so it is loaded
// then; a large file is read on the reading thread and this thread never loads exceljs.
import type { CheckedBatch, CheckedRow, ImportProblem, RowScope } from './roster-rows';

import { checkedBatchesInWorker } from './roster-read-thread';
import {
  checkSource,
  IMPORT_BATCH_ROWS,
  openSource,
  READ_IN_WORKER_BYTES,
  type ImportSource,
} from './roster-source';

export type { ImportProblem } from './roster-rows';
export {
  IMPORT_MAX_BYTES,
  READ_IN_WORKER_BYTES,
  tooLarge,
  type ImportSource,
} from './roster-source';

/** Problems returned in a report; the total is always counted. */
export const MAX_REPORTED_PROBLEMS = 1000;
/** Rows of 新增/更新 listed in a preview. */
export const MAX_LISTED_ROWS = 500;
const BATCH_ROWS = IMPORT_BATCH_ROWS;
/** Names whose pinyin is remembered during an import: bounds the memory it takes. */
const MAX_MEMO_NAMES = 20_000;

type Field = RosterField;

export interface ImportRowPlan {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  name: string;
  idNumberMasked: string;
  orgName: string;
  statusLabel: string;
  /** Chinese names of the columns that change, for 更新. */
  changes: string[];
}

export interface ImportReport {
  fileRows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem found; `problems` holds the first MAX_REPORTED_PROBLEMS of them. */
  problemCount: number;
  problems: ImportProblem[];
  /** The first rows of 新增 and 更新. */
  rows: ImportRowPlan[];
  /** True when the rows were written (a commit with no problems). */
  committed: boolean;
}

export type ImportPreview = Omit<ImportReport, 'committed'>;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Called as rows are read (not counting the header), then once at the end. */
export type ImportProgress = (rowsRead: number) => void;

interface Existing {
  personId: number;
  name: string;
  gender: string;
  ethnicity: string | null;
  education: string | null;
  phone: string | null;
  occupation: string | null;
  workUnit: string | null;
  membershipId: number | null;
  orgId: number | null;
  orgPath: string | null;
  status: string | null;
  joinedOn: string | null;
  fullMemberSince: string | null;
}

interface UpdatePlan {
  parsed: CheckedRow;
  personId: number;
  membershipId: number | null;
  changes: string[];
}

/** People already recorded under these ID numbers, with their (latest) membership. */
async function findExisting(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Existing>> {
  const existing = new Map<string, Existing>();
  if (ids.length === 0) {
    return existing;
  }
  const rows = await db
    .selectFrom('person as p')
    .leftJoin('partyMembership as m', 'm.personId', 'p.id')
    .leftJoin('org as o', 'o.id', 'm.orgId')
    .select([
      'p.id as personId',
      'p.idNumber',
      'p.name',
      'p.gender',
      'p.ethnicity',
      'p.education',
      'p.phone',
      'p.occupation',
      'p.workUnit',
      'm.id as membershipId',
      'm.orgId',
      'o.path as orgPath',
      'm.status',
      'm.joinedOn',
      'm.fullMemberSince',
    ])
    .where('p.idNumber', 'in', ids)
    .orderBy('m.id')
    .execute();
  for (const r of rows) {
    if (r.idNumber !== null) {
      existing.set(r.idNumber, r);
    }
  }
  return existing;
}

/** Chinese names of the columns whose value differs from what is recorded. */
function changedColumns(e: Existing, p: CheckedRow): string[] {
  const changes: string[] = [];
  const cmp = (field: Field, a: string | null, b: string | null) => {
    if ((a ?? '') !== (b ?? '')) {
      changes.push(HEADER_OF[field]);
    }
  };
  cmp('name', e.name, p.name);
  cmp('gender', e.gender, p.gender);
  cmp('ethnicity', e.ethnicity, p.ethnicity);
  cmp('education', e.education, p.education);
  cmp('phone', e.phone, p.phone);
  cmp('occupation', e.occupation, p.occupation);
  cmp('workUnit', e.workUnit, p.workUnit);
  if (e.membershipId !== null) {
    cmp('org', String(e.orgId), String(p.org.id));
    cmp('status', e.status, p.status);
    cmp('joinedOn', e.joinedOn, p.joinedOn);
    cmp('fullMemberSince', e.fullMemberSince, p.fullMemberSince);
  } else {
    changes.push(HEADER_OF.status);
  }
  return changes;
}

function requireImportRole(actor: Actor): void {
  if (!canEditRoster(actor)) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '当前角色不能导入党员花名册');
  }
}

/** Thrown inside the transaction to roll it back when the file has problems. */
class RollBack extends Error {}

/**
 * Reads the whole file once: validates every row, matches it by 公民身份号码, and with
 * `commit` writes it in one transaction — rolled back, writing nothing, if any row has a
 * problem. Throws AppError for an unusable file (too large, not .xlsx, missing headers).
 */
export async function runRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  source: ImportSource,
  options: {
    commit: boolean;
    onProgress?: ImportProgress | undefined;
    /** Read and check on a worker thread; by default for files of READ_IN_WORKER_BYTES or more. */
    readInWorker?: boolean | undefined;
  },
): Promise<ImportReport> {
  requireImportRole(actor);
  const size = await checkSource(source);
  const asOf = chinaToday(ctx);
  const at = isoNow(ctx);
  const scopeOrgs = [...(await orgIndex(ctx.db, actor.scopePath)).values()].map((v) => v.org);
  const report: ImportReport = {
    fileRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problemCount: 0,
    problems: [],
    rows: [],
    committed: false,
  };
  const addProblems = (found: ImportProblem[]) => {
    found.sort((a, b) => a.row - b.row);
    report.problemCount += found.length;
    for (const p of found) {
      if (report.problems.length >= MAX_REPORTED_PROBLEMS) {
        break;
      }
      report.problems.push(p);
    }
  };
  const listRow = (p: CheckedRow, action: 'create' | 'update', changes: string[]) => {
    if (report.rows.length < MAX_LISTED_ROWS) {
      report.rows.push({
        row: p.row,
        action,
        name: p.name,
        idNumberMasked: maskIdNumber(p.idNumber),
        orgName: p.org.name,
        statusLabel: MEMBERSHIP_STATUS_LABELS[p.status],
        changes,
      });
    }
  };

  // The pinyin of each name written, worked out here rather than on the reading thread (which
  // is the slower of the two, docs/adr/0014) and only when writing; names repeat, so once each.
  const keysMemo = new Map<string, NameSearchKeys>();
  const keysOf = (name: string): NameSearchKeys => {
    let keys = keysMemo.get(name);
    if (keys === undefined) {
      keys = nameSearchKeys(name);
      if (keysMemo.size >= MAX_MEMO_NAMES) {
        keysMemo.clear();
      }
      keysMemo.set(name, keys);
    }
    return keys;
  };
  let insert: ReturnType<typeof bulkInserts> | null = null;
  /** Matches a batch of checked rows and, when writing and the file is clean so far, writes it. */
  const flush = async (
    db: Kysely<Database>,
    batch: CheckedRow[],
    problems: ImportProblem[],
    write: boolean,
  ) => {
    const existing = await findExisting(
      db,
      batch.map((p) => p.idNumber),
    );
    const creates: CheckedRow[] = [];
    const updates: UpdatePlan[] = [];
    for (const p of batch) {
      const e = existing.get(p.idNumber);
      if (e === undefined) {
        creates.push(p);
        listRow(p, 'create', []);
        continue;
      }
      if (e.orgPath !== null && !e.orgPath.startsWith(actor.scopePath)) {
        problems.push({
          row: p.row,
          column: HEADER_OF.idNumber,
          value: p.idNumber,
          message: '此人已登记在您管辖范围以外的党组织，请由上级组织办理组织关系转接',
        });
        continue;
      }
      const changes = changedColumns(e, p);
      if (changes.length === 0) {
        report.unchanged += 1;
        continue;
      }
      updates.push({ parsed: p, personId: e.personId, membershipId: e.membershipId, changes });
      listRow(p, 'update', changes);
    }
    report.created += creates.length;
    report.updated += updates.length;
    addProblems(problems);
    if (write && report.problemCount === 0) {
      const trx = db as Transaction<Database>;
      insert ??= bulkInserts(trx);
      await insertCreates(trx, insert, actor, creates, at, asOf, keysOf);
      for (const u of updates) {
        await applyUpdate(trx, actor, u, at, asOf, keysOf);
      }
    }
  };

  const batches =
    (options.readInWorker ?? size >= READ_IN_WORKER_BYTES)
      ? checkedBatchesInWorker(source, { scopeOrgs, asOf }, BATCH_ROWS)
      : readInThisThread(source, { scopeOrgs, asOf });
  const pass = async (db: Kysely<Database>, write: boolean) => {
    for await (const b of batches) {
      report.fileRows = b.fileRows;
      await flush(db, b.rows, b.problems, write);
      options.onProgress?.(report.fileRows);
    }
    if (report.fileRows === 0 && report.problemCount === 0) {
      addProblems([{ row: 0, column: '', value: '', message: '工作表中没有数据行' }]);
    }
  };

  if (!options.commit) {
    await pass(ctx.db, false);
    return report;
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const rebuildIndexes = await deferIndexesForLargeImport(trx, size);
      await pass(trx, true);
      if (report.problemCount > 0) {
        throw new RollBack();
      }
      await rebuildIndexes?.();
      await appendAudit(trx, actor, at, {
        action: 'roster.import',
        entityType: 'org',
        entityId: actor.scopeOrgId ?? 0,
        areaCode: actor.areaCode,
        orgPath: actor.scopePath,
        after: { created: report.created, updated: report.updated, unchanged: report.unchanged },
      });
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof RollBack)) {
      throw e;
    }
  }
  return report;
}

/**
 * Bytes per data row of the template's .xlsx (100,000 rows: 9.2 MB). The national system's
 * export has more columns, hence more bytes per row, so an estimate from it errs low.
 */
const TEMPLATE_BYTES_PER_ROW = 92;
/** Imports estimated below this many rows keep every index up to date row by row. */
const DEFER_INDEXES_FROM_ROWS = 10_000;
/** Indexes the import itself reads while it writes: matching by 公民身份号码, then the membership. */
const INDEXES_THE_IMPORT_READS = ['person_id_number_idx', 'membership_person_idx'];

/**
 * A file that will at least double the roster (a county's first import into a new database) is
 * written with the search and list indexes dropped and built once at the end, inside the same
 * transaction (SQLite only; deferIndexes). Updating them row by row took about half the writing
 * time at 100,000 rows (docs/benchmarks.md); building them over a much larger existing roster
 * would cost more than it saves, hence the comparison with the rows already there.
 */
async function deferIndexesForLargeImport(
  trx: Kysely<Database>,
  size: number,
): Promise<(() => Promise<void>) | null> {
  const estimatedRows = Math.floor(size / TEMPLATE_BYTES_PER_ROW);
  if (estimatedRows < DEFER_INDEXES_FROM_ROWS) {
    return null;
  }
  const existing = await trx
    .selectFrom('partyMembership')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  if (estimatedRows < Number(existing.n)) {
    return null;
  }
  return deferIndexes(
    trx,
    ['person', 'party_membership', 'membership_event'],
    INDEXES_THE_IMPORT_READS,
  );
}

async function* readInThisThread(
  source: ImportSource,
  scope: RowScope,
): AsyncGenerator<CheckedBatch> {
  const { checkedBatches } = await import('./roster-rows');
  yield* checkedBatches(openSource(source), scope, BATCH_ROWS);
}

/** Checks the whole file and lists 新增 / 更新 / 无变化 and every problem; writes nothing. */
export async function previewRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  source: ImportSource,
  onProgress?: ImportProgress,
): Promise<ImportPreview> {
  const r = await runRosterImport(ctx, actor, source, { commit: false, onProgress });
  return {
    fileRows: r.fileRows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    problemCount: r.problemCount,
    problems: r.problems,
    rows: r.rows,
  };
}

/** One line for the first few problems of a report, as in an error message. */
export function problemSummary(report: Pick<ImportReport, 'problems' | 'problemCount'>): string {
  const first = report.problems
    .slice(0, 5)
    .map((p) =>
      p.row === 0 ? p.message : `第${p.row}行 ${p.column} ${p.value || '（空）'}：${p.message}`,
    )
    .join('；');
  return `花名册有 ${report.problemCount} 处错误，未导入任何人员。${first}`;
}

/** Writes the whole file in one transaction, or nothing (ERR_ROSTER_IMPORT_INVALID). */
export async function commitRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  source: ImportSource,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const report = await runRosterImport(ctx, actor, source, { commit: true, onProgress });
  if (!report.committed) {
    throw new AppError('ERR_ROSTER_IMPORT_INVALID', problemSummary(report), 'file');
  }
  return { created: report.created, updated: report.updated, unchanged: report.unchanged };
}

/**
 * Runs multi-row INSERTs compiled once per table and row count. Kysely builds and compiles a
 * 14,000-parameter query in milliseconds; over 100,000 rows that was a third of the insert time.
 * The first query of each shape is compiled by Kysely as usual; later ones reuse its SQL with
 * their own parameters, taken from the rows in the same column order (checked on the first).
 */
function bulkInserts(trx: Kysely<Database>) {
  const compiled = new Map<string, CompiledQuery | null>();
  return async <R>(
    key: string,
    rows: readonly Record<string, unknown>[],
    build: () => { compile(): CompiledQuery<R> },
  ): Promise<R[]> => {
    const first = rows[0];
    if (first === undefined) {
      return [];
    }
    const columns = Object.keys(first);
    const params = (): unknown[] => {
      const out: unknown[] = new Array(rows.length * columns.length);
      let i = 0;
      for (const r of rows) {
        for (const c of columns) {
          out[i++] = r[c];
        }
      }
      return out;
    };
    const shape = `${key}:${rows.length}:${columns.join(',')}`;
    const cached = compiled.get(shape);
    if (cached !== undefined && cached !== null) {
      const query = { ...cached, parameters: params() } as CompiledQuery<R>;
      return (await trx.executeQuery(query)).rows;
    }
    const query = build().compile();
    if (cached === undefined) {
      const p = params();
      const same =
        p.length === query.parameters.length && p.every((v, k) => v === query.parameters[k]);
      compiled.set(shape, same ? query : null);
    }
    return (await trx.executeQuery(query)).rows;
  };
}

async function insertCreates(
  trx: Transaction<Database>,
  insert: ReturnType<typeof bulkInserts>,
  actor: Actor,
  batch: readonly CheckedRow[],
  at: string,
  asOf: IsoDate,
  keysOf: (name: string) => NameSearchKeys,
): Promise<void> {
  if (batch.length === 0) {
    return;
  }
  const personRows = batch.map((p) => ({
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birthDate: p.birthDate,
    idNumber: p.idNumber,
    education: p.education,
    phone: p.phone,
    occupation: p.occupation,
    workUnit: p.workUnit,
    areaCode: p.org.areaCode,
    createdAt: at,
    updatedAt: at,
    ...keysOf(p.name),
  }));
  const people = await insert('person', personRows, () =>
    trx.insertInto('person').values(personRows).returning('id'),
  );
  const membershipRows = batch.map((p, k) => ({
    personId: people[k]?.id ?? 0,
    orgId: p.org.id,
    status: p.status,
    joinedOn: p.joinedOn,
    fullMemberSince: p.fullMemberSince,
    areaCode: p.org.areaCode,
    statusSince: p.fullMemberSince ?? p.joinedOn,
    updatedAt: at,
  }));
  const memberships = await insert('partyMembership', membershipRows, () =>
    trx.insertInto('partyMembership').values(membershipRows).returning('id'),
  );
  const eventRows = batch.map((p, k) => ({
    membershipId: memberships[k]?.id ?? 0,
    personId: people[k]?.id ?? 0,
    orgId: p.org.id,
    areaCode: p.org.areaCode,
    kind: 'recorded' as const,
    occurredOn: asOf,
    statusBefore: null,
    statusAfter: p.status,
    note: `花名册导入（第${p.row}行）`,
    recordedAt: at,
    recordedById: actor.accountId,
    recordedByName: actor.name,
  }));
  await insert('membershipEvent', eventRows, () =>
    trx.insertInto('membershipEvent').values(eventRows),
  );
}

async function applyUpdate(
  trx: Transaction<Database>,
  actor: Actor,
  plan: UpdatePlan,
  at: string,
  asOf: IsoDate,
  keysOf: (name: string) => NameSearchKeys,
): Promise<void> {
  const p = plan.parsed;
  const personId = plan.personId;
  await trx
    .updateTable('person')
    .set({
      name: p.name,
      gender: p.gender,
      ethnicity: p.ethnicity,
      education: p.education,
      phone: p.phone,
      occupation: p.occupation,
      workUnit: p.workUnit,
      updatedAt: at,
      ...keysOf(p.name),
    })
    .where('id', '=', personId)
    .execute();
  if (plan.membershipId === null) {
    const m = await trx
      .insertInto('partyMembership')
      .values({
        personId,
        orgId: p.org.id,
        status: p.status,
        joinedOn: p.joinedOn,
        fullMemberSince: p.fullMemberSince,
        areaCode: p.org.areaCode,
        statusSince: p.fullMemberSince ?? p.joinedOn,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('membershipEvent')
      .values({
        membershipId: m.id,
        personId,
        orgId: p.org.id,
        areaCode: p.org.areaCode,
        kind: 'recorded',
        occurredOn: asOf,
        statusBefore: null,
        statusAfter: p.status,
        note: `花名册导入（第${p.row}行）`,
        recordedAt: at,
        recordedById: actor.accountId,
        recordedByName: actor.name,
      })
      .execute();
    return;
  }
  const before = await trx
    .selectFrom('partyMembership')
    .selectAll()
    .where('id', '=', plan.membershipId)
    .executeTakeFirstOrThrow();
  const membershipChanged =
    before.orgId !== p.org.id ||
    before.status !== p.status ||
    before.joinedOn !== p.joinedOn ||
    before.fullMemberSince !== p.fullMemberSince;
  if (!membershipChanged) {
    return;
  }
  // Status, dates and branch change only through an event: a 更正 that keeps before and after.
  await trx
    .insertInto('membershipEvent')
    .values({
      membershipId: before.id,
      personId,
      orgId: p.org.id,
      areaCode: p.org.areaCode,
      kind: 'corrected',
      occurredOn: asOf,
      statusBefore: before.status,
      statusAfter: p.status,
      note: `花名册导入更正（第${p.row}行）：${plan.changes.join('、')}`,
      detailJson: JSON.stringify({
        before: {
          orgId: before.orgId,
          status: before.status,
          joinedOn: before.joinedOn,
          fullMemberSince: before.fullMemberSince,
        },
        after: {
          orgId: p.org.id,
          status: p.status,
          joinedOn: p.joinedOn,
          fullMemberSince: p.fullMemberSince,
        },
      }),
      recordedAt: at,
      recordedById: actor.accountId,
      recordedByName: actor.name,
    })
    .execute();
  await trx
    .updateTable('partyMembership')
    .set({
      orgId: p.org.id,
      status: p.status,
      joinedOn: p.joinedOn,
      fullMemberSince: p.fullMemberSince,
      statusSince: before.status === p.status ? before.statusSince : asOf,
      updatedAt: at,
    })
    .where('id', '=', before.id)
    .execute();
}
