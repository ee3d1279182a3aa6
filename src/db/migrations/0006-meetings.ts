/**
 * 组织生活 and 学习培训: `meeting`, `meeting_attendance`, `study_exemption`, `training_class`,
 * `training_session`, `training_trainee`, `training_attendance`.
 */
import type { Kysely } from 'kysely';
import { withId } from './0001-initial';
import type { MigrationFactory } from './index';

export const meetingsSchema: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withId(kind, db.schema.createTable('meeting'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('group_org_id', 'integer', (c) => c.references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('presenter_person_id', 'integer', (c) => c.references('person.id'))
      .addColumn('presenter_name', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('minutes', 'text', (c) => c.notNull())
      .addColumn('decisions', 'text', (c) => c.notNull())
      .addColumn('study_minutes', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('meeting_org_date_idx')
      .on('meeting')
      .columns(['org_id', 'date'])
      .execute();
    await db.schema
      .createIndex('meeting_area_idx')
      .on('meeting')
      .columns(['area_code', 'date'])
      .execute();

    await withId(kind, db.schema.createTable('meeting_attendance'))
      .addColumn('meeting_id', 'integer', (c) =>
        c.notNull().references('meeting.id').onDelete('cascade'),
      )
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('absence_reason', 'text')
      .addColumn('study_minutes', 'integer', (c) => c.notNull())
      .addUniqueConstraint('meeting_attendance_once', ['meeting_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('meeting_attendance_person_idx')
      .on('meeting_attendance')
      .column('person_id')
      .execute();

    await withId(kind, db.schema.createTable('study_exemption'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('study_exemption_person_idx')
      .on('study_exemption')
      .column('person_id')
      .execute();

    await withId(kind, db.schema.createTable('training_class'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('organizer', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('centralized', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await withId(kind, db.schema.createTable('training_session'))
      .addColumn('class_id', 'integer', (c) =>
        c.notNull().references('training_class.id').onDelete('cascade'),
      )
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('study_minutes', 'integer', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('teacher', 'text', (c) => c.notNull())
      .execute();

    await withId(kind, db.schema.createTable('training_trainee'))
      .addColumn('class_id', 'integer', (c) =>
        c.notNull().references('training_class.id').onDelete('cascade'),
      )
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addUniqueConstraint('training_trainee_once', ['class_id', 'person_id'])
      .execute();

    await withId(kind, db.schema.createTable('training_attendance'))
      .addColumn('session_id', 'integer', (c) =>
        c.notNull().references('training_session.id').onDelete('cascade'),
      )
      .addColumn('class_id', 'integer', (c) => c.notNull().references('training_class.id'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('study_minutes', 'integer', (c) => c.notNull())
      .addUniqueConstraint('training_attendance_once', ['session_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('training_attendance_person_idx')
      .on('training_attendance')
      .column('person_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'training_attendance',
      'training_trainee',
      'training_session',
      'training_class',
      'study_exemption',
      'meeting_attendance',
      'meeting',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
});
