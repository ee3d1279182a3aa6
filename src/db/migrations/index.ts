/**
 * The one migration set for both databases. A migration receives the dialect kind only to
 * choose an identity column; everything else is portable SQL built by Kysely.
 */
import type { Kysely, Migration } from 'kysely';
import { initialSchema } from './0001-initial';
import { rosterSchema } from './0002-roster';
import { recruitmentSchema } from './0003-recruitment';
import { electionsSchema } from './0004-elections';
import { meetingsSchema } from './0006-meetings';
import { rosterIndexes } from './0007-roster-indexes';
import { rosterList } from './0008-roster-list';
import { electionSettingsSchema } from './0009-election-settings';

export type DialectKind = 'sqlite' | 'postgres';

export type MigrationFactory = (kind: DialectKind) => Migration;

export const MIGRATIONS: Record<string, MigrationFactory> = {
  '0001-initial': initialSchema,
  '0002-roster': rosterSchema,
  '0003-recruitment': recruitmentSchema,
  '0004-elections': electionsSchema,
  '0006-meetings': meetingsSchema,
  '0007-roster-indexes': rosterIndexes,
  '0008-roster-list': rosterList,
  '0009-election-settings': electionSettingsSchema,
};

export function migrationsFor(kind: DialectKind): Record<string, Migration> {
  return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(kind)]));
}

// Re-exported so migrations can type their `db` argument without importing Kysely values.
export type AnyDb = Kysely<unknown>;
