/**
 * What every service call receives: the database, a clock (so tests can move time), and the
 * actor on whose behalf it acts.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../domain/access';
import type { Database } from '../db/schema';

export interface ServiceContext {
  db: Kysely<Database>;
  now: () => Date;
}

export interface Actor {
  /** null for the system itself (seeding, command-line maintenance). */
  accountId: number | null;
  name: string;
  role: Role | 'system';
  scopeOrgId: number | null;
  /** Materialized path of the scope root; '/' for the system. */
  scopePath: string;
  areaCode: string;
}

export const SYSTEM_ACTOR: Actor = {
  accountId: null,
  name: '系统',
  role: 'system',
  scopeOrgId: null,
  scopePath: '/',
  areaCode: '000000',
};

export function isoNow(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
