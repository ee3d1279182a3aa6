/**
 * 知根知底: pinyin and work-unit columns on `person`, current away state on `party_membership`,
 * and the tables `membership_event`, `cadre_post` (村两委 posts) and `reserve_cadre` (后备干部).
 */
import type { Kysely } from 'kysely';
import { withId } from './0001-initial';
import type { MigrationFactory } from './index';

export const rosterSchema: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('person')
      .addColumn('name_pinyin', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('person')
      .addColumn('name_initials', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('person').addColumn('work_unit', 'text').execute();
    await db.schema.alterTable('person').addColumn('updated_at', 'text').execute();
    await db.schema.createIndex('person_pinyin_idx').on('person').column('name_pinyin').execute();
    await db.schema
      .createIndex('person_initials_idx')
      .on('person')
      .column('name_initials')
      .execute();
    await db.schema.createIndex('person_name_idx').on('person').column('name').execute();

    for (const column of ['away_kind', 'away_since', 'status_since', 'updated_at']) {
      await db.schema.alterTable('party_membership').addColumn(column, 'text').execute();
    }
    await db.schema
      .createIndex('membership_status_idx')
      .on('party_membership')
      .columns(['status', 'org_id'])
      .execute();

    await withId(kind, db.schema.createTable('membership_event'))
      .addColumn('membership_id', 'integer', (c) => c.notNull().references('party_membership.id'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('status_before', 'text')
      .addColumn('status_after', 'text')
      .addColumn('letter_number', 'text')
      .addColumn('place', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('received_on', 'text')
      .addColumn('contact_name', 'text')
      .addColumn('contact_phone', 'text')
      .addColumn('related_event_id', 'integer', (c) => c.references('membership_event.id'))
      .addColumn('note', 'text')
      .addColumn('detail_json', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'integer')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('membership_event_membership_idx')
      .on('membership_event')
      .columns(['membership_id', 'occurred_on'])
      .execute();
    await db.schema
      .createIndex('membership_event_kind_idx')
      .on('membership_event')
      .columns(['kind', 'org_id'])
      .execute();

    await withId(kind, db.schema.createTable('cadre_post'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('term_start', 'text', (c) => c.notNull())
      .addColumn('term_end', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cadre_post_org_idx').on('cadre_post').column('org_id').execute();
    await db.schema
      .createIndex('cadre_post_person_idx')
      .on('cadre_post')
      .column('person_id')
      .execute();

    await withId(kind, db.schema.createTable('reserve_cadre'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('readiness', 'text', (c) => c.notNull())
      .addColumn('target_post', 'text')
      .addColumn('notes', 'text')
      .addColumn('added_on', 'text', (c) => c.notNull())
      .addColumn('removed_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('reserve_cadre_org_idx')
      .on('reserve_cadre')
      .column('org_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['reserve_cadre', 'cadre_post', 'membership_event']) {
      await db.schema.dropTable(table).execute();
    }
    for (const index of [
      'membership_status_idx',
      'person_name_idx',
      'person_initials_idx',
      'person_pinyin_idx',
    ]) {
      await db.schema.dropIndex(index).execute();
    }
    for (const column of ['away_kind', 'away_since', 'status_since', 'updated_at']) {
      await db.schema.alterTable('party_membership').dropColumn(column).execute();
    }
    for (const column of ['name_pinyin', 'name_initials', 'work_unit', 'updated_at']) {
      await db.schema.alterTable('person').dropColumn(column).execute();
    }
  },
});
