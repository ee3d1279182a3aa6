import type { Kysely } from 'kysely';
import { withId } from './0001-initial';
import type { MigrationFactory } from './index';

export const recruitmentSchema: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withId(kind, db.schema.createTable('recruitment_dossier'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('probation_extensions_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('recruitment_dossier_code_idx')
      .on('recruitment_dossier')
      .columns(['area_code', 'code'])
      .unique()
      .execute();
    await db.schema
      .createIndex('recruitment_dossier_org_idx')
      .on('recruitment_dossier')
      .column('org_id')
      .execute();
    await db.schema
      .createIndex('recruitment_dossier_person_idx')
      .on('recruitment_dossier')
      .column('person_id')
      .execute();

    await withId(kind, db.schema.createTable('recruitment_step'))
      .addColumn('dossier_id', 'integer', (c) =>
        c.notNull().references('recruitment_dossier.id').onDelete('cascade'),
      )
      .addColumn('step_key', 'text', (c) => c.notNull())
      .addColumn('step_date', 'text')
      .addColumn('fields_json', 'text', (c) => c.notNull())
      .addColumn('document_ref', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by_id', 'integer')
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('late_entry', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('late_reason', 'text')
      .addColumn('flag_reason', 'text')
      .addColumn('flag_findings_json', 'text')
      .addColumn('area_code', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('recruitment_step_dossier_idx')
      .on('recruitment_step')
      .columns(['dossier_id', 'step_key'])
      .unique()
      .execute();

    await withId(kind, db.schema.createTable('recruitment_quota'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('quota', 'integer', (c) => c.notNull())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('recruitment_quota_org_year_idx')
      .on('recruitment_quota')
      .columns(['org_id', 'year'])
      .unique()
      .execute();

    await db.schema
      .createTable('recruitment_setting')
      .addColumn('area_code', 'text', (c) => c.primaryKey())
      .addColumn('settings_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'recruitment_setting',
      'recruitment_quota',
      'recruitment_step',
      'recruitment_dossier',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
});
