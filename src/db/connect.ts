/**
 * The one file that names a database dialect. Everything else speaks Kysely.
 * SQLite (better-sqlite3, WAL, foreign keys on) by default; PostgreSQL when a
 * `postgres://` URL is given.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { migrationsFor, type DialectKind } from './migrations/index';

export type { DialectKind };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DialectKind;
  /** Where the data lives, for messages: a file path or the URL without its password. */
  location: string;
  /** The PostgreSQL schema in use when one was named (test runs); the migration tables live there too. */
  schema?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://…` selects PostgreSQL; otherwise `sqliteFile` is used. */
  databaseUrl?: string | undefined;
  /** Path of the SQLite file, or `:memory:`. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (created when missing): keeps test runs apart. */
  pgSchema?: string;
}

// pg returns int8 and numeric as strings; our counts and sums are safe integers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  const url = options.databaseUrl;
  if (url !== undefined && url !== '' && /^postgres(ql)?:\/\//.test(url)) {
    return connectPostgres(url, options.pgSchema);
  }
  return connectSqlite(options.sqliteFile ?? ':memory:');
}

function connectSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: reusingBulkInserts(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, kind: 'sqlite', location: file, close: () => db.destroy() };
}

/** SQL at least this long is a multi-row INSERT worth keeping prepared (the roster import's). */
const BULK_INSERT_SQL_CHARS = 4096;
/** Prepared bulk INSERTs kept, most recently used last. */
const BULK_INSERTS_KEPT = 8;

/**
 * better-sqlite3 prepares every statement Kysely runs. A 1,000-row INSERT has 8,000–14,000
 * parameters and takes about a millisecond to prepare, as long as running it (the roster import
 * runs 300 of them per 100,000 rows, docs/adr/0014): keep the few longest INSERTs prepared. An
 * INSERT is only run (`all`/`run`), never left iterating, so sharing its statement is safe.
 */
function reusingBulkInserts(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      if (sql.length < BULK_INSERT_SQL_CHARS || !/^insert\s/i.test(sql)) {
        return sqlite.prepare(sql);
      }
      let stmt = kept.get(sql);
      if (stmt === undefined) {
        stmt = sqlite.prepare(sql);
        if (kept.size >= BULK_INSERTS_KEPT) {
          const oldest = kept.keys().next().value;
          if (oldest !== undefined) {
            kept.delete(oldest);
          }
        }
      } else {
        kept.delete(sql);
      }
      kept.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * For a bulk load that will more than double a table: on SQLite, drops the secondary indexes of
 * `tables` except those named in `keep`, inside the caller's transaction, and returns a function
 * that builds them again from the SQL SQLite stored for them (nothing here repeats a migration).
 * SQLite builds an index over sorted keys in one pass, much cheaper than updating it row by row;
 * a rollback brings the indexes back with the rows. Other connections keep reading the committed
 * schema and data (WAL). On PostgreSQL it does nothing and returns null: DROP INDEX there locks
 * the table against every reader until the commit.
 */
export async function deferIndexes(
  trx: Kysely<Database>,
  tables: readonly string[],
  keep: readonly string[],
): Promise<(() => Promise<void>) | null> {
  if (!(trx.getExecutor().adapter instanceof SqliteAdapter) || tables.length === 0) {
    return null;
  }
  const indexes = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)})
    order by name`.execute(trx);
  const dropped = indexes.rows.filter((i) => !keep.includes(i.name));
  for (const i of dropped) {
    await sql`drop index ${sql.id(i.name)}`.execute(trx);
  }
  return async () => {
    for (const i of dropped) {
      await sql.raw(i.sql).execute(trx);
    }
  };
}

async function connectPostgres(url: string, schema: string | undefined): Promise<DatabaseHandle> {
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`invalid schema name ${schema}`);
    }
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    await setup.query(`create schema if not exists ${schema}`);
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    kind: 'postgres',
    ...(schema === undefined ? {} : { schema }),
    location: url.replace(/:[^:@/]*@/, ':***@'),
    close: () => db.destroy(),
  };
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const migrations = migrationsFor(handle.kind);
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };
  // Kysely looks for its migration tables in any schema unless told which: name ours, or a
  // second test schema on the same database would find the first one's lock table.
  const migrator = new Migrator({
    db: handle.db,
    provider,
    ...(handle.schema === undefined ? {} : { migrationTableSchema: handle.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`数据库迁移失败（${failed}）：${String(error)}`, { cause: error });
  }
}

/** Drops a PostgreSQL test schema; a no-op on SQLite. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}
