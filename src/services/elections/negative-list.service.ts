/**
 * The county's 负面清单 (settings of 换届选举): the items the 资格联审 compares candidates with,
 * each with its source, a verified flag, the body it applies to, active and order. A county with
 * no stored items uses the defaults from code; its first change stores the defaults first, so the
 * keys of the defaults stay the same. Only the 县级管理员 changes the list (ADR 0016): the list
 * follows the province's document and the county 组织部 runs the 联审 with 纪检、公安、法院 etc.;
 * township and village roles read it. An item a stored check used cannot be deleted, only disabled.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  DEFAULT_NEGATIVE_LIST,
  type NegativeListItem,
  type NegativeListScope,
} from '../../domain/elections/candidates';
import type { Role } from '../../domain/access';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';

/** Who changes the 负面清单: the county (see the file comment). */
export const NEGATIVE_LIST_WRITE_ROLES: readonly Role[] = ['countyAdmin'];

export interface NegativeItemView extends NegativeListItem {
  active: boolean;
  sortOrder: number;
  /** Used by a stored candidate check: may be disabled, not deleted. */
  used: boolean;
}

export interface NegativeItemInput {
  label: string;
  source: string;
  verified: boolean;
  appliesTo: NegativeListScope;
}

type Db = ServiceContext['db'] | Transaction<Database>;

function defaults(): NegativeItemView[] {
  return DEFAULT_NEGATIVE_LIST.map((item, i) => ({
    ...item,
    active: true,
    sortOrder: i + 1,
    used: false,
  }));
}

/** Every item of the county's list (active and disabled), in order; the defaults if none stored. */
export async function loadNegativeItems(db: Db, areaCode: string): Promise<NegativeItemView[]> {
  const rows = await db
    .selectFrom('electionNegativeItem')
    .selectAll()
    .where('areaCode', '=', areaCode)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  if (rows.length === 0) {
    return defaults();
  }
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    source: r.source,
    verified: r.verified === 1,
    appliesTo: r.appliesTo,
    active: r.active === 1,
    sortOrder: r.sortOrder,
    used: r.used === 1,
  }));
}

/** The active items, as the candidate check uses them. */
export async function activeNegativeList(db: Db, areaCode: string): Promise<NegativeListItem[]> {
  return (await loadNegativeItems(db, areaCode))
    .filter((i) => i.active)
    .map(({ key, label, source, verified, appliesTo }) => ({
      key,
      label,
      source,
      verified,
      appliesTo,
    }));
}

/** Stores the default items for a county that has none yet (inside the caller's transaction). */
export async function storeDefaultsIfNone(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
): Promise<void> {
  const any = await trx
    .selectFrom('electionNegativeItem')
    .select('id')
    .where('areaCode', '=', areaCode)
    .limit(1)
    .executeTakeFirst();
  if (any !== undefined) {
    return;
  }
  await trx
    .insertInto('electionNegativeItem')
    .values(
      defaults().map((d) => ({
        areaCode,
        key: d.key,
        label: d.label,
        source: d.source,
        verified: d.verified ? 1 : 0,
        appliesTo: d.appliesTo,
        active: 1,
        sortOrder: d.sortOrder,
        used: 0,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .execute();
}

/** Marks items as used by a stored check (they can then no longer be deleted). */
export async function markNegativeItemsUsed(
  trx: Transaction<Database>,
  areaCode: string,
  keys: readonly string[],
  at: string,
): Promise<void> {
  if (keys.length === 0) {
    return;
  }
  await storeDefaultsIfNone(trx, areaCode, at);
  await trx
    .updateTable('electionNegativeItem')
    .set({ used: 1 })
    .where('areaCode', '=', areaCode)
    .where('key', 'in', [...keys])
    .where('used', '=', 0)
    .execute();
}

function requireListWriter(actor: Actor): void {
  if (actor.role !== 'system' && !NEGATIVE_LIST_WRITE_ROLES.includes(actor.role)) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '负面清单由县级管理员按本省文件维护');
  }
}

function validate(input: Partial<NegativeItemInput>, others: readonly NegativeItemView[]): void {
  if (input.label !== undefined) {
    const label = input.label.trim();
    if (label.length < 2 || label.length > 60) {
      throw new AppError(
        'ERR_ELECTION_NEGATIVE_ITEM_INVALID',
        `事项应为 2 至 60 个字：“${input.label}”`,
        'label',
      );
    }
    if (others.some((o) => o.label === label)) {
      throw new AppError('ERR_ELECTION_NEGATIVE_ITEM_INVALID', `负面清单中已有“${label}”`, 'label');
    }
  }
  if (input.source !== undefined) {
    const source = input.source.trim();
    if (source.length < 2 || source.length > 200) {
      throw new AppError(
        'ERR_ELECTION_NEGATIVE_ITEM_INVALID',
        `出处应写明文件名称和条款（2 至 200 个字）：“${input.source}”`,
        'source',
      );
    }
  }
}

async function itemRow(trx: Transaction<Database>, areaCode: string, key: string) {
  const row = await trx
    .selectFrom('electionNegativeItem')
    .selectAll()
    .where('areaCode', '=', areaCode)
    .where('key', '=', key)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `负面清单中没有这一项：${key}`, 'key');
  }
  return row;
}

function auditView(row: {
  key: string;
  label: string;
  source: string;
  verified: number;
  appliesTo: string;
  active: number;
  sortOrder: number;
}) {
  return {
    key: row.key,
    label: row.label,
    source: row.source,
    verified: row.verified === 1,
    appliesTo: row.appliesTo,
    active: row.active === 1,
    sortOrder: row.sortOrder,
  };
}

/** The county's list for the settings page (every role reads it). */
export async function listNegativeItems(
  ctx: ServiceContext,
  actor: Actor,
): Promise<NegativeItemView[]> {
  return loadNegativeItems(ctx.db, actor.areaCode);
}

/** Adds an item at the end of the county's list. */
export async function createNegativeItem(
  ctx: ServiceContext,
  actor: Actor,
  input: NegativeItemInput,
): Promise<NegativeItemView[]> {
  requireListWriter(actor);
  validate(input, await loadNegativeItems(ctx.db, actor.areaCode));
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await storeDefaultsIfNone(trx, actor.areaCode, at);
    const last = await trx
      .selectFrom('electionNegativeItem')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where('areaCode', '=', actor.areaCode)
      .executeTakeFirst();
    const values = {
      areaCode: actor.areaCode,
      key: `tmp-${randomUUID()}`,
      label: input.label.trim(),
      source: input.source.trim(),
      verified: input.verified ? 1 : 0,
      appliesTo: input.appliesTo,
      active: 1,
      sortOrder: Number(last?.max ?? 0) + 1,
      used: 0,
      createdAt: at,
      updatedAt: at,
    };
    const { id } = await trx
      .insertInto('electionNegativeItem')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    const key = `c${id}`;
    await trx.updateTable('electionNegativeItem').set({ key }).where('id', '=', id).execute();
    await appendAudit(trx, actor, at, {
      action: 'elections.negativeItem.create',
      entityType: 'electionNegativeItem',
      entityId: id,
      areaCode: actor.areaCode,
      orgPath: actor.scopePath,
      after: auditView({ ...values, key }),
    });
  });
  return loadNegativeItems(ctx.db, actor.areaCode);
}

/** Edits, disables or re-enables an item, or moves it; stored checks keep their snapshot. */
export async function updateNegativeItem(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
  patch: Partial<NegativeItemInput> & { active?: boolean; sortOrder?: number },
): Promise<NegativeItemView[]> {
  requireListWriter(actor);
  const current = await loadNegativeItems(ctx.db, actor.areaCode);
  if (!current.some((i) => i.key === key)) {
    throw new AppError('ERR_NOT_FOUND', `负面清单中没有这一项：${key}`, 'key');
  }
  validate(
    patch,
    current.filter((i) => i.key !== key),
  );
  if (patch.sortOrder !== undefined && (patch.sortOrder < 1 || patch.sortOrder > 999)) {
    throw new AppError(
      'ERR_ELECTION_NEGATIVE_ITEM_INVALID',
      `顺序应在 1 至 999 之间：${patch.sortOrder}`,
      'sortOrder',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await storeDefaultsIfNone(trx, actor.areaCode, at);
    const before = await itemRow(trx, actor.areaCode, key);
    const set = {
      ...(patch.label === undefined ? {} : { label: patch.label.trim() }),
      ...(patch.source === undefined ? {} : { source: patch.source.trim() }),
      ...(patch.verified === undefined ? {} : { verified: patch.verified ? 1 : 0 }),
      ...(patch.appliesTo === undefined ? {} : { appliesTo: patch.appliesTo }),
      ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
      ...(patch.sortOrder === undefined ? {} : { sortOrder: patch.sortOrder }),
    };
    await trx
      .updateTable('electionNegativeItem')
      .set({ ...set, updatedAt: at })
      .where('id', '=', before.id)
      .execute();
    await appendAudit(trx, actor, at, {
      action: 'elections.negativeItem.update',
      entityType: 'electionNegativeItem',
      entityId: before.id,
      areaCode: actor.areaCode,
      orgPath: actor.scopePath,
      before: auditView(before),
      after: auditView({ ...before, ...set }),
    });
  });
  return loadNegativeItems(ctx.db, actor.areaCode);
}

/** Deletes an item no stored check used (a typo, say); a used item can only be disabled. */
export async function deleteNegativeItem(
  ctx: ServiceContext,
  actor: Actor,
  key: string,
): Promise<NegativeItemView[]> {
  requireListWriter(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    await storeDefaultsIfNone(trx, actor.areaCode, at);
    const row = await itemRow(trx, actor.areaCode, key);
    if (row.used === 1) {
      throw new AppError(
        'ERR_ELECTION_NEGATIVE_ITEM_IN_USE',
        `“${row.label}”已被保存的资格检查引用，只能停用，不能删除`,
        'key',
      );
    }
    await trx.deleteFrom('electionNegativeItem').where('id', '=', row.id).execute();
    await appendAudit(trx, actor, at, {
      action: 'elections.negativeItem.delete',
      entityType: 'electionNegativeItem',
      entityId: row.id,
      areaCode: actor.areaCode,
      orgPath: actor.scopePath,
      before: auditView(row),
    });
  });
  return loadNegativeItems(ctx.db, actor.areaCode);
}
