/**
 * 党员名册 at a million members (ADR 0015): `party_membership` carries a copy of the person
 * fields the roster filters, searches and orders on (name, its pinyin and initials, gender,
 * birth date, education), kept by the database itself, and four indexes that each give one list
 * order and hold every filter column, so a page stops after its rows and a bounded count reads
 * one index alone.
 *
 * The copy is kept by triggers, in the transaction of whatever statement writes `person` or
 * `party_membership` (the roster, its Excel import, recruitment, demo data, tests, raw SQL): a
 * membership takes its person's fields when it is inserted or moved to another person, and a
 * change to those fields on `person` is copied to the person's memberships. Trigger DDL differs
 * between the dialects, so this migration branches on the dialect as `withId` does.
 */
import { sql, type Kysely } from 'kysely';
import type { MigrationFactory } from './index';

/** person column → its copy on party_membership. */
const COPIED = [
  ['name', 'person_name'],
  ['name_pinyin', 'person_name_pinyin'],
  ['name_initials', 'person_name_initials'],
  ['gender', 'person_gender'],
  ['birth_date', 'person_birth_date'],
  ['education', 'person_education'],
] as const;

/** Every column the roster list filters on, after the order columns of each index. */
const FILTERS = [
  'status',
  'away_kind',
  'person_gender',
  'person_birth_date',
  'person_education',
  'full_member_since',
];

/** Index name → its leading (order) columns. */
const INDEXES: [string, string[]][] = [
  ['membership_list_org_idx', ['org_id', 'id']],
  ['membership_list_initials_idx', ['person_name_initials', 'id', 'org_id']],
  // The pinyin arm of a search leaves out what the initials arm found, so it reads the initials.
  ['membership_list_pinyin_idx', ['person_name_pinyin', 'id', 'org_id', 'person_name_initials']],
  ['membership_list_name_idx', ['person_name', 'id', 'org_id']],
];

const copies = COPIED.map(([, c]) => c).join(', ');
const sources = (prefix: string) => COPIED.map(([p]) => `${prefix}${p}`).join(', ');

export const rosterList: MigrationFactory = (kind) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    for (const [, column] of COPIED) {
      // Prefix searches are ranges (>= 'zs' and < 'zt'); under a database collation such as
      // zh_CN.UTF-8 Chinese names would not sort by code point, so PostgreSQL compares the copies
      // bytewise whatever collation the database was created with.
      await db.schema
        .alterTable('party_membership')
        .addColumn(column, 'text', (col) =>
          kind === 'postgres' ? col.modifyEnd(sql`collate "C"`) : col,
        )
        .execute();
    }
    await sql
      .raw(
        `update party_membership set (${copies}) = ` +
          `(select ${sources('p.')} from person p where p.id = party_membership.person_id)`,
      )
      .execute(db);
    const changed = COPIED.map(([p]) => `old.${p} is distinct from new.${p}`).join(' or ');
    if (kind === 'postgres') {
      await sql
        .raw(
          `create function membership_copy_person() returns trigger language plpgsql as $$
begin
  select ${sources('p.')} into ${COPIED.map(([, c]) => `new.${c}`).join(', ')}
    from person p where p.id = new.person_id;
  return new;
end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger membership_copy_person before insert or update of person_id ` +
            `on party_membership for each row execute function membership_copy_person()`,
        )
        .execute(db);
      await sql
        .raw(
          `create function person_copy_to_membership() returns trigger language plpgsql as $$
begin
  update party_membership set (${copies}) = (${sources('new.')}) where person_id = new.id;
  return null;
end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger person_copy_to_membership after update of ${sources('')} on person ` +
            `for each row when (${changed}) execute function person_copy_to_membership()`,
        )
        .execute(db);
    } else {
      const copyFor = (id: string) =>
        `update party_membership set (${copies}) = ` +
        `(select ${sources('p.')} from person p where p.id = new.person_id) where id = ${id};`;
      await sql
        .raw(
          `create trigger membership_copy_person_insert after insert on party_membership ` +
            `begin ${copyFor('new.id')} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger membership_copy_person_update after update of person_id ` +
            `on party_membership begin ${copyFor('new.id')} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger person_copy_to_membership after update of ${sources('')} on person ` +
            `when ${COPIED.map(([p]) => `old.${p} is not new.${p}`).join(' or ')} ` +
            `begin update party_membership set (${copies}) = (${sources('new.')}) ` +
            `where person_id = new.id; end`,
        )
        .execute(db);
    }
    for (const [name, lead] of INDEXES) {
      await db.schema
        .createIndex(name)
        .on('party_membership')
        .columns([...lead, ...FILTERS.filter((c) => !lead.includes(c))])
        .execute();
    }
    // Superseded: membership_list_org_idx starts with (org_id, id). Without statistics SQLite
    // prefers an index with more equality columns, and these two (status, org_id) and (org_id,
    // status, away_kind, person_id) would win over the list indexes and make it sort.
    for (const name of ['membership_org_idx', 'membership_status_idx', 'membership_roster_idx']) {
      await db.schema.dropIndex(name).execute();
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const [name, columns] of [
      ['membership_org_idx', ['org_id']],
      ['membership_status_idx', ['status', 'org_id']],
      ['membership_roster_idx', ['org_id', 'status', 'away_kind', 'person_id']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('party_membership')
        .columns([...columns])
        .execute();
    }
    for (const [name] of INDEXES) {
      await db.schema.dropIndex(name).execute();
    }
    if (kind === 'postgres') {
      await sql`drop trigger person_copy_to_membership on person`.execute(db);
      await sql`drop trigger membership_copy_person on party_membership`.execute(db);
      await sql`drop function person_copy_to_membership()`.execute(db);
      await sql`drop function membership_copy_person()`.execute(db);
    } else {
      await sql`drop trigger person_copy_to_membership`.execute(db);
      await sql`drop trigger membership_copy_person_update`.execute(db);
      await sql`drop trigger membership_copy_person_insert`.execute(db);
    }
    for (const [, column] of COPIED) {
      await db.schema.alterTable('party_membership').dropColumn(column).execute();
    }
  },
});
