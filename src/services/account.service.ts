/**
 * 账号与登录: accounts scoped to an org subtree, login with lockout after repeated failures,
 * server-side sessions, password changes. Every change is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { canGrantRole, passwordProblem, ROLE_LABELS, type Role } from '../domain/access';
import type { AccountRow, Database } from '../db/schema';
import { appendAudit } from './audit.service';
import { isoNow, type Actor, type ServiceContext } from './context';
import { AppError } from './errors';
import { getOrgInScope, requireAdmin, requireInScope } from './org.service';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  scopeOrgId: number;
  scopeOrgName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

interface AccountWithScope extends AccountRow {
  scopeOrgName: string;
  scopePath: string;
}

function toView(row: AccountWithScope): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    roleLabel: ROLE_LABELS[row.role],
    scopeOrgId: row.scopeOrgId,
    scopeOrgName: row.scopeOrgName,
    disabled: row.disabled === 1,
    mustChangePassword: row.mustChangePassword === 1,
    lastLoginAt: row.lastLoginAt,
  };
}

function accountQuery(db: ServiceContext['db'] | Transaction<Database>) {
  return db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scopeOrgId')
    .selectAll('account')
    .select(['org.name as scopeOrgName', 'org.path as scopePath']);
}

export function actorFor(account: AccountWithScope): Actor {
  return {
    accountId: account.id,
    name: account.displayName,
    role: account.role,
    scopeOrgId: account.scopeOrgId,
    scopePath: account.scopePath,
    areaCode: account.areaCode,
  };
}

function snapshot(row: AccountRow): Record<string, unknown> {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeOrgId: row.scopeOrgId,
    disabled: row.disabled === 1,
  };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function cleanUsername(raw: string): string {
  const username = raw.trim();
  if (!/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/.test(username)) {
    throw new AppError(
      'ERR_ACCOUNT_USERNAME_INVALID',
      `用户名须以字母开头，由 3–32 位字母、数字、下划线、点或连字符组成：${raw}`,
      'username',
    );
  }
  return username;
}

function checkPassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem !== null) {
    throw new AppError('ERR_PASSWORD_WEAK', problem, field);
  }
}

export async function listAccounts(ctx: ServiceContext, actor: Actor): Promise<AccountView[]> {
  const rows = await accountQuery(ctx.db)
    .where('org.path', 'like', `${actor.scopePath}%`)
    .orderBy('org.path')
    .orderBy('account.username')
    .execute();
  return rows.map(toView);
}

async function loadAccountInScope(
  trx: Transaction<Database>,
  actor: Actor,
  id: number,
): Promise<AccountWithScope> {
  const row = await accountQuery(trx).where('account.id', '=', id).executeTakeFirst();
  if (row === undefined) {
    throw new AppError('ERR_NOT_FOUND', `账号不存在：编号 ${id}`, 'id');
  }
  requireInScope(actor, row.scopePath);
  return row;
}

function assertGrantable(actor: Actor, role: Role): void {
  if (actor.role !== 'system' && !canGrantRole(actor.role, role)) {
    throw new AppError(
      'ERR_ACCOUNT_ROLE_NOT_ALLOWED',
      `不能授予高于自身的角色：${ROLE_LABELS[role]}`,
      'role',
    );
  }
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number;
  password: string;
  mustChangePassword?: boolean;
}

export async function createAccount(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateAccountInput,
): Promise<AccountView> {
  requireAdmin(actor);
  const username = cleanUsername(input.username);
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > 30) {
    throw new AppError('ERR_VALIDATION', `姓名须为 1–30 个字：${input.displayName}`, 'displayName');
  }
  checkPassword(input.password, 'password');
  assertGrantable(actor, input.role);
  const scope = await getOrgInScope(ctx, actor, input.scopeOrgId);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const taken = await trx
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw new AppError('ERR_ACCOUNT_USERNAME_TAKEN', `用户名已被使用：${username}`, 'username');
    }
    const { id } = await trx
      .insertInto('account')
      .values({
        username,
        displayName,
        passwordHash,
        role: input.role,
        scopeOrgId: scope.id,
        areaCode: scope.areaCode,
        disabled: 0,
        mustChangePassword: input.mustChangePassword === false ? 0 : 1,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await loadAccountInScope(trx, actor, id);
    await appendAudit(trx, actor, at, {
      action: 'account.create',
      entityType: 'account',
      entityId: id,
      areaCode: row.areaCode,
      orgPath: row.scopePath,
      after: snapshot(row),
    });
    return toView(row);
  });
}

export interface UpdateAccountInput {
  displayName?: string | undefined;
  role?: Role | undefined;
  scopeOrgId?: number | undefined;
  disabled?: boolean | undefined;
}

export async function updateAccount(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: UpdateAccountInput,
): Promise<AccountView> {
  requireAdmin(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const before = await loadAccountInScope(trx, actor, id);
    if (
      id === actor.accountId &&
      (input.disabled === true || (input.role !== undefined && input.role !== before.role))
    ) {
      throw new AppError('ERR_ACCOUNT_SELF_CHANGE');
    }
    const changes: Partial<AccountRow> = {};
    if (input.displayName !== undefined) {
      const name = input.displayName.trim();
      if (name.length === 0 || name.length > 30) {
        throw new AppError(
          'ERR_VALIDATION',
          `姓名须为 1–30 个字：${input.displayName}`,
          'displayName',
        );
      }
      changes.displayName = name;
    }
    if (input.role !== undefined) {
      assertGrantable(actor, input.role);
      changes.role = input.role;
    }
    if (input.scopeOrgId !== undefined) {
      const scope = await getOrgInScope({ ...ctx, db: trx }, actor, input.scopeOrgId);
      changes.scopeOrgId = scope.id;
      changes.areaCode = scope.areaCode;
    }
    if (input.disabled !== undefined) {
      changes.disabled = input.disabled ? 1 : 0;
    }
    if (Object.keys(changes).length > 0) {
      await trx.updateTable('account').set(changes).where('id', '=', id).execute();
      if (input.disabled === true || input.scopeOrgId !== undefined || input.role !== undefined) {
        await trx.deleteFrom('session').where('accountId', '=', id).execute();
      }
    }
    const after = await loadAccountInScope(trx, actor, id);
    await appendAudit(trx, actor, at, {
      action: 'account.update',
      entityType: 'account',
      entityId: id,
      areaCode: after.areaCode,
      orgPath: after.scopePath,
      before: snapshot(before),
      after: snapshot(after),
    });
    return toView(after);
  });
}

export async function resetPassword(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  password: string,
): Promise<void> {
  requireAdmin(actor);
  checkPassword(password, 'password');
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const row = await loadAccountInScope(trx, actor, id);
    await trx
      .updateTable('account')
      .set({ passwordHash, mustChangePassword: 1, failedLogins: 0, lockedUntil: null })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('session').where('accountId', '=', id).execute();
    await appendAudit(trx, actor, at, {
      action: 'account.resetPassword',
      entityType: 'account',
      entityId: id,
      areaCode: row.areaCode,
      orgPath: row.scopePath,
    });
  });
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: string;
  account: AccountView;
}

export interface AuthenticatedSession {
  account: AccountView;
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

/** Verifies a login. Wrong passwords count; the fifth in a row locks the account for a while. */
export async function login(
  ctx: ServiceContext,
  username: string,
  password: string,
): Promise<SessionInfo> {
  const row = await accountQuery(ctx.db)
    .where('account.username', '=', username.trim())
    .executeTakeFirst();
  if (row === undefined) {
    await verifyPassword(password, DUMMY_HASH);
    throw new AppError('ERR_AUTH_INVALID');
  }
  const now = ctx.now();
  if (row.lockedUntil !== null && row.lockedUntil > now.toISOString()) {
    throw new AppError(
      'ERR_AUTH_LOCKED',
      `密码连续错误 ${MAX_FAILED_LOGINS} 次，账号已锁定至 ${localTime(row.lockedUntil)}，请稍后再试`,
    );
  }
  const ok = await verifyPassword(password, row.passwordHash);
  const actor = actorFor(row);
  const at = isoNow(ctx);
  if (!ok) {
    const failures = row.failedLogins + 1;
    const locks = failures >= MAX_FAILED_LOGINS;
    const lockedUntil = locks
      ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()
      : null;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('account')
        .set({ failedLogins: locks ? 0 : failures, lockedUntil })
        .where('id', '=', row.id)
        .execute();
      await appendAudit(trx, actor, at, {
        action: locks ? 'auth.locked' : 'auth.loginFailed',
        entityType: 'account',
        entityId: row.id,
        areaCode: row.areaCode,
        orgPath: row.scopePath,
        after: locks ? { failures, lockedUntil } : { failures },
      });
    });
    if (locks && lockedUntil !== null) {
      throw new AppError(
        'ERR_AUTH_LOCKED',
        `密码连续错误 ${MAX_FAILED_LOGINS} 次，账号已锁定至 ${localTime(lockedUntil)}，请稍后再试`,
      );
    }
    throw new AppError(
      'ERR_AUTH_INVALID',
      `用户名或密码错误（再错 ${MAX_FAILED_LOGINS - failures} 次将锁定 ${LOCK_MINUTES} 分钟）`,
    );
  }
  if (row.disabled === 1) {
    throw new AppError('ERR_AUTH_DISABLED');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('session')
      .values({
        tokenHash: hashToken(token),
        accountId: row.id,
        csrfToken,
        createdAt: at,
        expiresAt,
        lastSeenAt: at,
      })
      .execute();
    await trx.deleteFrom('session').where('expiresAt', '<', at).execute();
    await appendAudit(trx, actor, at, {
      action: 'auth.login',
      entityType: 'account',
      entityId: row.id,
      areaCode: row.areaCode,
      orgPath: row.scopePath,
    });
  });
  return { token, csrfToken, expiresAt, account: toView({ ...row, lastLoginAt: at }) };
}

/** China Standard Time clock time of an ISO instant, for messages. */
function localTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

/** Resolves a session cookie token; null when unknown, expired or the account is disabled. */
export async function authenticate(
  ctx: ServiceContext,
  token: string,
): Promise<AuthenticatedSession | null> {
  const tokenHash = hashToken(token);
  const session = await ctx.db
    .selectFrom('session')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  const nowIso = isoNow(ctx);
  if (session === undefined || session.expiresAt <= nowIso) {
    return null;
  }
  const row = await accountQuery(ctx.db)
    .where('account.id', '=', session.accountId)
    .executeTakeFirst();
  if (row === undefined || row.disabled === 1) {
    return null;
  }
  // Touch at most once a minute: a write per request would serialize reads on SQLite.
  if (Date.parse(nowIso) - Date.parse(session.lastSeenAt) > 60_000) {
    await ctx.db
      .updateTable('session')
      .set({ lastSeenAt: nowIso })
      .where('tokenHash', '=', tokenHash)
      .execute();
  }
  return { account: toView(row), actor: actorFor(row), csrfToken: session.csrfToken, tokenHash };
}

export async function logout(ctx: ServiceContext, session: AuthenticatedSession): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('tokenHash', '=', session.tokenHash).execute();
    await appendAudit(trx, session.actor, isoNow(ctx), {
      action: 'auth.logout',
      entityType: 'account',
      entityId: session.account.id,
      areaCode: session.actor.areaCode,
      orgPath: session.actor.scopePath,
    });
  });
}

export async function changeOwnPassword(
  ctx: ServiceContext,
  session: AuthenticatedSession,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const row = await ctx.db
    .selectFrom('account')
    .selectAll()
    .where('id', '=', session.account.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    throw new AppError('ERR_AUTH_WRONG_PASSWORD', undefined, 'currentPassword');
  }
  checkPassword(newPassword, 'newPassword');
  if (newPassword === currentPassword) {
    throw new AppError('ERR_PASSWORD_WEAK', '新密码不能与原密码相同', 'newPassword');
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ passwordHash, mustChangePassword: 0 })
      .where('id', '=', row.id)
      .execute();
    // Other sessions of this account end; the current one stays.
    await trx
      .deleteFrom('session')
      .where('accountId', '=', row.id)
      .where('tokenHash', '<>', session.tokenHash)
      .execute();
    await appendAudit(trx, session.actor, isoNow(ctx), {
      action: 'account.changePassword',
      entityType: 'account',
      entityId: row.id,
      areaCode: row.areaCode,
      orgPath: session.actor.scopePath,
    });
  });
}
