/**
 * 党员队伍 at a million members: an index that holds every `party_membership` column the roster
 * list filters on before it reaches `person` (org, status, away state), with the person id, so
 * the filtered count and the default order by org read the index alone.
 */
import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index';

export const rosterIndexes: MigrationFactory = () => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('membership_roster_idx')
      .on('party_membership')
      .columns(['org_id', 'status', 'away_kind', 'person_id'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('membership_roster_idx').execute();
  },
});
