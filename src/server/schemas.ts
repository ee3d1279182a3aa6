/** Response schemas shared by several routes. A response schema on every route stops leaks. */
import { z } from 'zod';
import { ROLES, type Role } from '../domain/access';
import { ORG_KINDS, type OrgKind } from '../domain/org';

export const okSchema = z.object({ ok: z.literal(true) });
export const roleSchema = z.enum(ROLES as [Role, ...Role[]]);
export const orgKindSchema = z.enum(ORG_KINDS as [OrgKind, ...OrgKind[]]);

export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  scopeOrgId: z.number().int(),
  scopeOrgName: z.string(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});

export const meSchema = accountSchema;

export const orgSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  kind: orgKindSchema,
  kindLabel: z.string(),
  areaCode: z.string(),
  path: z.string(),
  depth: z.number().int(),
  childCount: z.number().int(),
  memberCount: z.number().int(),
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });
