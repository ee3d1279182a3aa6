/**
 * Uploaded rosters kept on disk between the preview and the commit, so the server holds no
 * parsed workbook between requests (docs/adr/0014-streaming-roster-import.md). Each file lives
 * in the data directory's temp folder under the uploading account's id and a token (the upload
 * time, from the service clock, then 128 random bits); the commit streams it again. Files expire
 * after `UPLOAD_TTL_MS` and are swept on every upload.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../context';
import { AppError } from '../errors';

/** How long a previewed file waits for its commit. */
export const UPLOAD_TTL_MS = 30 * 60 * 1000;

const TOKEN = /^([0-9a-f]{12})[0-9a-f]{32}$/;
const PREFIX = 'roster-import-';

function fileName(actor: Actor, token: string): string {
  return `${PREFIX}${actor.accountId ?? 'system'}-${token}.xlsx`;
}

/** When the token's upload was kept (ms since the epoch), or null for a malformed token. */
function keptAt(token: string): number | null {
  const m = TOKEN.exec(token);
  return m === null ? null : parseInt(m[1] ?? '', 16);
}

/** Deletes the kept uploads older than the time limit. */
export async function sweepUploads(dir: string, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(PREFIX)) {
      continue;
    }
    const at = keptAt(name.slice(name.lastIndexOf('-') + 1, -'.xlsx'.length));
    if (at === null || now.getTime() - at > UPLOAD_TTL_MS) {
      await rm(join(dir, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Keeps an upload for its commit; returns the token that names it. */
export async function keepUpload(
  dir: string,
  actor: Actor,
  bytes: Buffer,
  now: Date,
): Promise<{ token: string; path: string }> {
  await mkdir(dir, { recursive: true });
  await sweepUploads(dir, now);
  const token = now.getTime().toString(16).padStart(12, '0') + randomBytes(16).toString('hex');
  const path = join(dir, fileName(actor, token));
  await writeFile(path, bytes, { mode: 0o600 });
  return { token, path };
}

/** The kept file for this actor and token; ERR_ROSTER_IMPORT_EXPIRED when gone or too old. */
export async function keptUploadPath(
  dir: string,
  actor: Actor,
  token: string,
  now: Date,
): Promise<string> {
  const gone = () =>
    new AppError(
      'ERR_ROSTER_IMPORT_EXPIRED',
      `预览的文件已过期或不存在（保留 ${UPLOAD_TTL_MS / 60_000} 分钟），请重新选择文件`,
      'token',
    );
  const at = keptAt(token);
  if (at === null) {
    throw gone();
  }
  const path = join(dir, fileName(actor, token));
  if (now.getTime() - at > UPLOAD_TTL_MS) {
    await rm(path, { force: true });
    throw gone();
  }
  try {
    await stat(path);
  } catch {
    throw gone();
  }
  return path;
}

export async function discardUpload(path: string): Promise<void> {
  await rm(path, { force: true });
}
