/**
 * 换届选举: `election_term` (任期台账), `election_plan` (换届计划和进度), `election_round` (计票轮次).
 */
import type { Kysely } from 'kysely';
import { withId } from './0001-initial';
import type { MigrationFactory } from './index';

export const electionsSchema: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withId(kind, db.schema.createTable('election_term'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('body_kind', 'text', (c) => c.notNull())
      .addColumn('term_start', 'text', (c) => c.notNull())
      .addColumn('term_end', 'text', (c) => c.notNull())
      .addColumn('body_size', 'integer', (c) => c.notNull())
      .addColumn('election_date', 'text')
      .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('approval_kind', 'text')
      .addColumn('approval_on', 'text')
      .addColumn('approval_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('election_term_org_idx')
      .on('election_term')
      .columns(['org_id', 'body_kind', 'term_start'])
      .execute();
    await db.schema
      .createIndex('election_term_area_idx')
      .on('election_term')
      .columns(['area_code', 'term_end'])
      .execute();

    await withId(kind, db.schema.createTable('election_plan'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('election_date', 'text', (c) => c.notNull())
      .addColumn('body_kinds', 'text', (c) => c.notNull())
      .addColumn('progress_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('election_plan_org_idx')
      .on('election_plan')
      .columns(['org_id', 'election_date'])
      .execute();

    await withId(kind, db.schema.createTable('election_round'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'integer', (c) => c.references('election_plan.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('round_kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('seats', 'integer', (c) => c.notNull())
      .addColumn('expected_voters', 'integer', (c) => c.notNull())
      .addColumn('present_voters', 'integer', (c) => c.notNull())
      .addColumn('ballots_issued', 'integer', (c) => c.notNull())
      .addColumn('ballots_returned', 'integer', (c) => c.notNull())
      .addColumn('candidates_json', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .addColumn('valid', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'integer')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('election_round_org_idx')
      .on('election_round')
      .columns(['org_id', 'date'])
      .execute();
  },
});
