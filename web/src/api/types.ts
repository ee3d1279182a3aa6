import type { paths } from './schema';

// Types are derived from the paths (not from named component schemas) so that they keep working
// whether or not the server's OpenAPI document names its schemas.
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';
type Ok<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer Rs;
}
  ? Rs extends { 200: infer R }
    ? JsonOf<R>
    : Rs extends { 201: infer R }
      ? JsonOf<R>
      : never
  : never;
type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonOf<NonNullable<B>>
  : never;

export type SessionInfo = Ok<'/api/auth/login', 'post'>;
export type Me = SessionInfo['account'];
export type Role = Me['role'];
export type Org = Ok<'/api/orgs', 'get'>['items'][number];
export type OrgKind = Org['kind'];
export type OrgKindInfo = Ok<'/api/orgs/kinds', 'get'>['items'][number];
export type Account = Ok<'/api/accounts', 'get'>['items'][number];
export type RoleInfo = Ok<'/api/roles', 'get'>['items'][number];
export type AuditPage = Ok<'/api/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type CreateOrgBody = Body<'/api/orgs', 'post'>;
export type CreateAccountBody = Body<'/api/accounts', 'post'>;
export type UpdateAccountBody = Body<'/api/accounts/{id}', 'patch'>;

/** Roles that may change organizations and accounts (within their scope). */
export const MANAGER_ROLES: readonly Role[] = ['countyAdmin', 'townshipOrganizer'];

export function canManage(role: Role): boolean {
  return MANAGER_ROLES.includes(role);
}

/**
 * Who may open which admin page, mirroring the server's route table (the server still decides:
 * a hidden link is a courtesy, not a control).
 */
export const PAGE_ROLES = {
  accounts: MANAGER_ROLES,
  audit: [...MANAGER_ROLES, 'inspector'],
} as const satisfies Record<string, readonly Role[]>;

export function canOpen(page: keyof typeof PAGE_ROLES, role: Role): boolean {
  const allowed: readonly Role[] = PAGE_ROLES[page];
  return allowed.includes(role);
}
