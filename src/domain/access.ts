/**
 * Roles (角色) and what each may do. Every account is scoped to one org subtree; the scope
 * check itself compares materialized paths (see org.ts).
 */

export type Role = 'countyAdmin' | 'townshipOrganizer' | 'branchSecretary' | 'inspector';

export const ROLES: readonly Role[] = [
  'countyAdmin',
  'townshipOrganizer',
  'branchSecretary',
  'inspector',
];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  countyAdmin: '县级管理员',
  townshipOrganizer: '乡镇组织委员',
  branchSecretary: '村（社区）党组织书记',
  inspector: '只读（巡察/督查）',
};

/** Roles that administer the organization tree and accounts within their scope. */
export const ADMIN_ROLES: readonly Role[] = ['countyAdmin', 'townshipOrganizer'];

/** Every role; for read-only routes. */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Rank for granting: an account may grant roles up to its own rank, never above. */
const ROLE_RANK: Readonly<Record<Role, number>> = {
  countyAdmin: 3,
  townshipOrganizer: 2,
  branchSecretary: 1,
  inspector: 1,
};

export function canGrantRole(granter: Role, role: Role): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[granter];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A password good enough for an office system: 8+ characters with letters and digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) {
    return '密码至少 8 位';
  }
  if (password.length > 128) {
    return '密码不能超过 128 位';
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return '密码须同时包含字母和数字';
  }
  return null;
}
