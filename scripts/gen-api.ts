/**
 * `npm run gen:api`: writes the server's OpenAPI document and the web app's types generated
 * from it (web/src/api/schema.d.ts). CI regenerates and fails when the committed file differs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, migrateToLatest } from '../src/db/connect';
import { buildServer } from '../src/server/build-server';

const handle = await connectDatabase({ sqliteFile: ':memory:' });
await migrateToLatest(handle);
const { app } = await buildServer({ ctx: { db: handle.db, now: () => new Date() } });
const document = app.swagger();
const dir = mkdtempSync(join(tmpdir(), 'zugong-api-'));
const input = join(dir, 'openapi.json');
writeFileSync(input, JSON.stringify(document, null, 2));
const output = join('web', 'src', 'api', 'schema.d.ts');
execFileSync(
  process.execPath,
  ['node_modules/openapi-typescript/bin/cli.js', input, '-o', output],
  { stdio: 'inherit' },
);
execFileSync(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--write', output], {
  stdio: 'inherit',
});
await app.close();
await handle.close();
