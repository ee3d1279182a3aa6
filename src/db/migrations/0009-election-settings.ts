/**
 * 换届选举 settings and records: `election_negative_item` (the county's 负面清单, one row per item;
 * a county without rows uses the defaults from code until its first change), and
 * `election_candidate_check` (a 资格联审 result kept with a snapshot of the list it used); the
 * post a stored round elects (`election_round.post`, `candidate_posts_json`).
 */
import type { Kysely } from 'kysely';
import { withId } from './0001-initial';
import type { MigrationFactory } from './index';

export const electionSettingsSchema: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withId(kind, db.schema.createTable('election_negative_item'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('applies_to', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('election_negative_item_key_idx')
      .on('election_negative_item')
      .columns(['area_code', 'key'])
      .unique()
      .execute();

    await withId(kind, db.schema.createTable('election_candidate_check'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('body_kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('seats', 'integer', (c) => c.notNull())
      .addColumn('candidates_json', 'text', (c) => c.notNull())
      .addColumn('slate_json', 'text', (c) => c.notNull())
      .addColumn('negative_list_json', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'integer')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('election_candidate_check_org_idx')
      .on('election_candidate_check')
      .columns(['org_id', 'date'])
      .execute();

    await db.schema.alterTable('election_round').addColumn('post', 'text').execute();
    await db.schema
      .alterTable('election_round')
      .addColumn('candidate_posts_json', 'text')
      .execute();
  },
});
