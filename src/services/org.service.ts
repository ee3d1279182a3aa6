/**
 * 组织架构: create, rename, move and dissolve organizations, each in one transaction with its
 * audit entry. Scope: an actor sees and changes only the subtree of its scope org.
 */
import { sql, type Transaction } from 'kysely';
import { ADMIN_ROLES } from '../domain/access';
import {
  ALLOWED_CHILDREN,
  canContain,
  isWithinPath,
  ORG_KIND_LABELS,
  ORG_NAME_MAX_LENGTH,
  type OrgKind,
} from '../domain/org';
import type { Database, OrgRow } from '../db/schema';
import { appendAudit } from './audit.service';
import { isoNow, type Actor, type ServiceContext } from './context';
import { AppError } from './errors';

export interface OrgView {
  id: number;
  parentId: number | null;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  areaCode: string;
  path: string;
  depth: number;
  childCount: number;
  /** 党员 (预备 and 正式) in the org and everything below it. */
  memberCount: number;
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'system' && !ADMIN_ROLES.includes(actor.role)) {
    throw new AppError('ERR_FORBIDDEN_ROLE');
  }
}

export function requireInScope(actor: Actor, path: string): void {
  if (!isWithinPath(path, actor.scopePath)) {
    throw new AppError('ERR_FORBIDDEN_SCOPE');
  }
}

async function loadOrg(
  trx: Transaction<Database> | ServiceContext['db'],
  id: number,
): Promise<OrgRow> {
  const org = await trx.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
  if (org === undefined) {
    throw new AppError('ERR_NOT_FOUND', `组织不存在：编号 ${id}`, 'id');
  }
  return org;
}

/** Loads an org the actor may see; a missing one and one out of scope answer alike. */
export async function getOrgInScope(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<OrgRow> {
  const org = await loadOrg(ctx.db, id);
  requireInScope(actor, org.path);
  return org;
}

/**
 * Where a report starts: the org `id` (in scope), or the actor's own scope org. `path` is the
 * scope path even when no org row has it (the system actor).
 */
export async function reportRoot(
  ctx: ServiceContext,
  actor: Actor,
  id?: number,
): Promise<{ path: string; name: string }> {
  const root =
    id === undefined
      ? await ctx.db
          .selectFrom('org')
          .selectAll()
          .where('path', '=', actor.scopePath)
          .executeTakeFirst()
      : await getOrgInScope(ctx, actor, id);
  return { path: root?.path ?? actor.scopePath, name: root?.name ?? '' };
}

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0) {
    throw new AppError('ERR_ORG_NAME_INVALID', '组织名称不能为空', 'name');
  }
  if (name.length > ORG_NAME_MAX_LENGTH) {
    throw new AppError(
      'ERR_ORG_NAME_INVALID',
      `组织名称不能超过 ${ORG_NAME_MAX_LENGTH} 个字：${name}`,
      'name',
    );
  }
  return name;
}

async function assertNameFree(
  trx: Transaction<Database>,
  parentId: number,
  name: string,
  exceptId?: number,
): Promise<void> {
  let query = trx
    .selectFrom('org')
    .select('id')
    .where('parentId', '=', parentId)
    .where('name', '=', name);
  if (exceptId !== undefined) {
    query = query.where('id', '<>', exceptId);
  }
  if ((await query.executeTakeFirst()) !== undefined) {
    throw new AppError('ERR_ORG_NAME_TAKEN', `同一上级组织下已有名为“${name}”的组织`, 'name');
  }
}

function assertKindAllowed(parent: OrgRow, kind: OrgKind): void {
  if (!canContain(parent.kind, kind)) {
    const allowed = ALLOWED_CHILDREN[parent.kind].map((k) => ORG_KIND_LABELS[k]).join('、') || '无';
    throw new AppError(
      'ERR_ORG_KIND_NOT_ALLOWED',
      `${ORG_KIND_LABELS[parent.kind]}“${parent.name}”下不能设${ORG_KIND_LABELS[kind]}（可设：${allowed}）`,
      'kind',
    );
  }
}

function snapshot(org: OrgRow): Record<string, unknown> {
  return {
    name: org.name,
    kind: org.kind,
    parentId: org.parentId,
    path: org.path,
    areaCode: org.areaCode,
  };
}

/** Tree order: parents before children, siblings by id (paths compared segment by segment). */
export function comparePaths(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 1; i < Math.min(sa.length, sb.length); i++) {
    const d = Number(sa[i] || -1) - Number(sb[i] || -1);
    if (d !== 0) {
      return d;
    }
  }
  return sa.length - sb.length;
}

/** The actor's whole scope, flat and ordered by path, with child and member counts. */
export async function listOrgs(ctx: ServiceContext, actor: Actor): Promise<OrgView[]> {
  const rows = await ctx.db
    .selectFrom('org')
    .selectAll()
    .where('path', 'like', `${actor.scopePath}%`)
    .execute();
  rows.sort((a, b) => comparePaths(a.path, b.path));
  const ids = rows.map((r) => r.id);
  const direct = new Map<number, number>();
  if (ids.length > 0) {
    const counts = await ctx.db
      .selectFrom('partyMembership')
      .innerJoin('org', 'org.id', 'partyMembership.orgId')
      .select(['partyMembership.orgId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org.path', 'like', `${actor.scopePath}%`)
      .where('partyMembership.status', 'in', ['probationary', 'full'])
      .groupBy('partyMembership.orgId')
      .execute();
    for (const c of counts) {
      direct.set(c.orgId, Number(c.n));
    }
  }
  const byId = new Map<number, OrgView>();
  const views = rows.map((r) => {
    const view: OrgView = {
      id: r.id,
      parentId: r.parentId,
      name: r.name,
      kind: r.kind,
      kindLabel: ORG_KIND_LABELS[r.kind],
      areaCode: r.areaCode,
      path: r.path,
      depth: r.depth,
      childCount: 0,
      memberCount: direct.get(r.id) ?? 0,
    };
    byId.set(r.id, view);
    return view;
  });
  // Deepest first, so each org's total is complete before it is added to its parent.
  for (const view of [...views].sort((a, b) => b.depth - a.depth)) {
    const parent = view.parentId === null ? undefined : byId.get(view.parentId);
    if (parent !== undefined) {
      parent.childCount += 1;
      parent.memberCount += view.memberCount;
    }
  }
  return views;
}

export interface CreateOrgInput {
  parentId: number | null;
  name: string;
  kind: OrgKind;
  /** Only for a root (a county department): its 行政区划代码. */
  areaCode?: string;
}

export async function createOrg(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateOrgInput,
): Promise<OrgRow> {
  requireAdmin(actor);
  const name = cleanName(input.name);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    let parent: OrgRow | null = null;
    let areaCode: string;
    if (input.parentId === null) {
      // Only the system creates a county root (zugong init / demo seeding).
      if (
        actor.role !== 'system' ||
        input.kind !== 'countyDepartment' ||
        input.areaCode === undefined
      ) {
        throw new AppError('ERR_VALIDATION', '请指定上级组织', 'parentId');
      }
      areaCode = input.areaCode;
    } else {
      parent = await loadOrg(trx, input.parentId);
      requireInScope(actor, parent.path);
      assertKindAllowed(parent, input.kind);
      await assertNameFree(trx, parent.id, name);
      areaCode = parent.areaCode;
    }
    const inserted = await trx
      .insertInto('org')
      .values({
        parentId: parent?.id ?? null,
        name,
        kind: input.kind,
        areaCode,
        path: '',
        depth: parent === null ? 0 : parent.depth + 1,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${inserted.id}/`;
    await trx.updateTable('org').set({ path }).where('id', '=', inserted.id).execute();
    const org = await loadOrg(trx, inserted.id);
    await appendAudit(trx, actor, at, {
      action: 'org.create',
      entityType: 'org',
      entityId: org.id,
      areaCode: org.areaCode,
      orgPath: org.path,
      after: snapshot(org),
    });
    return org;
  });
}

export async function renameOrg(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  rawName: string,
): Promise<OrgRow> {
  requireAdmin(actor);
  const name = cleanName(rawName);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const before = await loadOrg(trx, id);
    requireInScope(actor, before.path);
    if (before.parentId !== null) {
      await assertNameFree(trx, before.parentId, name, id);
    }
    await trx.updateTable('org').set({ name, updatedAt: at }).where('id', '=', id).execute();
    const after = await loadOrg(trx, id);
    await appendAudit(trx, actor, at, {
      action: 'org.rename',
      entityType: 'org',
      entityId: id,
      areaCode: after.areaCode,
      orgPath: after.path,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function moveOrg(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  newParentId: number,
): Promise<OrgRow> {
  requireAdmin(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const org = await loadOrg(trx, id);
    requireInScope(actor, org.path);
    if (org.id === actor.scopeOrgId || org.parentId === null) {
      throw new AppError('ERR_ORG_ROOT_LOCKED');
    }
    const parent = await loadOrg(trx, newParentId);
    requireInScope(actor, parent.path);
    if (isWithinPath(parent.path, org.path)) {
      throw new AppError(
        'ERR_ORG_MOVE_INTO_SUBTREE',
        `不能把“${org.name}”移到它自己或它的下级组织“${parent.name}”之下`,
        'parentId',
      );
    }
    if (parent.areaCode !== org.areaCode) {
      throw new AppError('ERR_ORG_MOVE_ACROSS_COUNTY', undefined, 'parentId');
    }
    assertKindAllowed(parent, org.kind);
    await assertNameFree(trx, parent.id, org.name, org.id);
    const newPath = `${parent.path}${org.id}/`;
    const depthDelta = parent.depth + 1 - org.depth;
    await trx
      .updateTable('org')
      .set({
        path: sql<string>`${newPath} || substr(path, ${org.path.length + 1})`,
        depth: sql<number>`depth + ${depthDelta}`,
        updatedAt: at,
      })
      .where('path', 'like', `${org.path}%`)
      .execute();
    await trx.updateTable('org').set({ parentId: parent.id }).where('id', '=', org.id).execute();
    const after = await loadOrg(trx, id);
    await appendAudit(trx, actor, at, {
      action: 'org.move',
      entityType: 'org',
      entityId: id,
      areaCode: after.areaCode,
      orgPath: after.path,
      before: snapshot(org),
      after: snapshot(after),
    });
    return after;
  });
}

export async function dissolveOrg(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const org = await loadOrg(trx, id);
    requireInScope(actor, org.path);
    if (org.id === actor.scopeOrgId || org.parentId === null) {
      throw new AppError('ERR_ORG_ROOT_LOCKED');
    }
    const children = await trx
      .selectFrom('org')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .executeTakeFirstOrThrow();
    const members = await trx
      .selectFrom('partyMembership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', id)
      .executeTakeFirstOrThrow();
    const accounts = await trx
      .selectFrom('account')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('scopeOrgId', '=', id)
      .executeTakeFirstOrThrow();
    const reasons: string[] = [];
    if (Number(children.n) > 0) {
      reasons.push(`${children.n} 个下级组织`);
    }
    if (Number(members.n) > 0) {
      reasons.push(`${members.n} 名党员或入党申请人`);
    }
    if (Number(accounts.n) > 0) {
      reasons.push(`${accounts.n} 个账号`);
    }
    if (reasons.length > 0) {
      throw new AppError(
        'ERR_ORG_NOT_EMPTY',
        `“${org.name}”还有${reasons.join('、')}，请先转移后再撤销`,
      );
    }
    await trx.deleteFrom('org').where('id', '=', id).execute();
    await appendAudit(trx, actor, at, {
      action: 'org.dissolve',
      entityType: 'org',
      entityId: id,
      areaCode: org.areaCode,
      orgPath: org.path,
      before: snapshot(org),
    });
  });
}
