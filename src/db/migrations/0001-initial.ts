import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectKind, MigrationFactory } from './index';

/** An auto-numbered integer primary key in either dialect. */
export function withId<T extends string>(
  kind: DialectKind,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return kind === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const initialSchema: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await withId(kind, db.schema.createTable('org'))
      .addColumn('parent_id', 'integer', (c) => c.references('org.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('org_path_idx').on('org').column('path').execute();
    await db.schema
      .createIndex('org_parent_idx')
      .on('org')
      .columns(['parent_id', 'name'])
      .execute();

    await withId(kind, db.schema.createTable('account'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('scope_org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('session')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'integer', (c) =>
        c.notNull().references('account.id').onDelete('cascade'),
      )
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_entry')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('org_path', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_entity_idx')
      .on('audit_entry')
      .columns(['entity_type', 'entity_id'])
      .execute();

    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

    await withId(kind, db.schema.createTable('person'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('ethnicity', 'text')
      .addColumn('birth_date', 'text')
      .addColumn('id_number', 'text')
      .addColumn('education', 'text')
      .addColumn('phone', 'text')
      .addColumn('occupation', 'text')
      .addColumn('area_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('person_id_number_idx').on('person').column('id_number').execute();

    await withId(kind, db.schema.createTable('party_membership'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('joined_on', 'text')
      .addColumn('full_member_since', 'text')
      .addColumn('area_code', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('membership_org_idx')
      .on('party_membership')
      .column('org_id')
      .execute();
    await db.schema
      .createIndex('membership_person_idx')
      .on('party_membership')
      .column('person_id')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'party_membership',
      'person',
      'audit_head',
      'audit_entry',
      'session',
      'account',
      'org',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
});
