import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../../domain/calendar/workdays';
import { readDossier } from '../../domain/dossier/read-dossier';
import { readIdNumber } from '../../domain/id-number';
import { evaluate } from '../../domain/rules/catalogue';
import { DEFAULT_SETTINGS } from '../../domain/rules/settings';
import {
  DEFAULT_GEN_AS_OF,
  INJECTABLE_FLAWS,
  generateDossier,
  generateDossiers,
  writeDossierLines,
  type GeneratedDossier,
} from './dossiers';

/** A flaw the engine may report under a second id as well (dossier-format.md §5). */
const ALSO_ACCEPTED: Record<string, string[]> = { 'DEV-14': ['DEV-ORDER'] };

describe('generateDossiers', () => {
  it('gives the same dossiers for the same seed and different ones for another seed', () => {
    const a = [...generateDossiers({ count: 200, seed: 'x' })];
    const b = [...generateDossiers({ count: 200, seed: 'x' })];
    const c = [...generateDossiers({ count: 200, seed: 'y' })];

    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('makes dossier i independent of the count', () => {
    const few = [...generateDossiers({ count: 5, seed: 3 })];

    expect(generateDossier(3, 4)).toEqual(few[4]);
  });

  it('gives unique ids, fictional 99 area codes and valid ID numbers on clean dossiers', () => {
    const dossiers = [...generateDossiers({ count: 2000, seed: 11 })];

    expect(new Set(dossiers.map((d) => d.id)).size).toBe(2000);
    for (const d of dossiers.filter((x) => x.injectedFlaw === undefined)) {
      if (d.idNumber !== undefined) {
        const read = readIdNumber(d.idNumber);
        expect(read.ok, d.idNumber).toBe(true);
        expect(d.idNumber.startsWith('99')).toBe(true);
        if (read.ok && d.birthDate !== undefined) {
          expect(read.info.birthDate).toBe(d.birthDate);
        }
        if (read.ok && d.gender !== undefined) {
          expect(read.info.gender).toBe(d.gender);
        }
      }
      expect(d.branch).toMatch(/党支部$/);
    }
  });

  it('covers every stage, about 15% flawed, and every injectable flaw', () => {
    const dossiers = [...generateDossiers({ count: 5000, seed: 'mix' })];
    const stepCounts = new Set(dossiers.map((d) => Object.keys(d.steps).length));
    const flawed = dossiers.filter((d) => d.injectedFlaw !== undefined);

    for (const n of [1, 2, 6, 15, 21, 25]) {
      expect(stepCounts.has(n), `${n} steps`).toBe(true);
    }
    expect(flawed.length / dossiers.length).toBeGreaterThan(0.12);
    expect(flawed.length / dossiers.length).toBeLessThan(0.18);
    expect(new Set(flawed.map((d) => d.injectedFlaw))).toEqual(new Set(INJECTABLE_FLAWS));
  });

  it('dates nothing after asOf', () => {
    for (const d of generateDossiers({ count: 1000, seed: 5, asOf: '2025-03-31' })) {
      const dates = JSON.stringify(d.steps).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      const recorded = dates.filter(
        (x) => !JSON.stringify(d.steps).includes(`"fullMemberSince":"${x}"`),
      );
      for (const date of recorded) {
        expect(date <= '2025-03-31', `${d.id} ${date}`).toBe(true);
      }
    }
  });

  it('produces no flawed dossiers with flawShare 0', () => {
    const dossiers = [...generateDossiers({ count: 500, seed: 1, flawShare: 0 })];

    expect(dossiers.every((d) => d.injectedFlaw === undefined)).toBe(true);
  });
});

describe('writeDossierLines', () => {
  it('writes one JSON object per line and waits for the reader (backpressure)', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    const done = writeDossierLines({ count: 3000, seed: 2 }, out);
    // Read slowly: the writer must pause rather than buffer everything.
    let maxBuffered = 0;
    out.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      maxBuffered = Math.max(maxBuffered, out.writableLength);
    });

    await done;
    out.end();
    await new Promise((resolve) => out.on('end', resolve));

    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect((JSON.parse(lines[0] ?? '') as GeneratedDossier).id).toBe(generateDossier(2, 0).id);
    expect(maxBuffered).toBeLessThan(256 * 1024);
  });

  it('stops quietly when the reader goes away', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    out.once('data', () => out.destroy());

    await expect(writeDossierLines({ count: 100_000, seed: 2 }, out)).resolves.toBe(false);
  });
});

describe('generated dossiers under the rule engine', () => {
  const calendar = createWorkdayCalendar();
  const dossiers = [...generateDossiers({ count: 2000, seed: 'engine' })];

  function evaluateRaw(raw: GeneratedDossier, line: number) {
    const read = readDossier(JSON.parse(JSON.stringify(raw)) as unknown, line);
    if (!read.ok) {
      return { error: read.error, findings: [] };
    }
    return {
      error: null,
      findings: evaluate(read.dossier, {
        asOf: DEFAULT_GEN_AS_OF,
        settings: DEFAULT_SETTINGS,
        calendar,
      }).findings,
    };
  }

  it('reads every generated dossier, clean or flawed', () => {
    const unreadable = dossiers
      .map((d, i) => ({ d, r: evaluateRaw(d, i + 1) }))
      .filter((x) => x.r.error !== null)
      .map((x) => `${x.d.id}: ${x.r.error?.message ?? ''}`);

    expect(unreadable).toEqual([]);
  });

  it('finds no error-level finding in clean dossiers', () => {
    const problems: string[] = [];
    dossiers.forEach((d, i) => {
      if (d.injectedFlaw !== undefined) {
        return;
      }
      for (const f of evaluateRaw(d, i + 1).findings) {
        if (f.severity === 'error') {
          problems.push(`${d.id} ${f.rule}: ${f.message}`);
        }
      }
    });

    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('finds the labelled rule at error or warning level in each flawed dossier', () => {
    const missed: string[] = [];
    dossiers.forEach((d, i) => {
      const flaw = d.injectedFlaw;
      if (flaw === undefined) {
        return;
      }
      const accepted = [flaw, ...(ALSO_ACCEPTED[flaw] ?? [])];
      const findings = evaluateRaw(d, i + 1).findings;
      const hit = findings.some(
        (f) => accepted.includes(f.rule) && (f.severity === 'error' || f.severity === 'warning'),
      );
      if (!hit) {
        missed.push(`${d.id} ${flaw}: ${findings.map((f) => f.rule).join(',') || '无发现'}`);
      }
    });

    expect(missed.slice(0, 20)).toEqual([]);
  });

  it('gives each flawed dossier findings of its labelled rule only', () => {
    const extra: string[] = [];
    dossiers.forEach((d, i) => {
      const flaw = d.injectedFlaw;
      if (flaw === undefined) {
        return;
      }
      const accepted = [flaw, ...(ALSO_ACCEPTED[flaw] ?? [])];
      for (const f of evaluateRaw(d, i + 1).findings) {
        if (!accepted.includes(f.rule)) {
          extra.push(`${d.id} ${flaw}: ${f.rule} ${f.message}`);
        }
      }
    });

    expect(extra.slice(0, 20)).toEqual([]);
  });

  it('gives clean dossiers no finding at all, not even a warning', () => {
    const warnings = new Map<string, number>();
    dossiers.forEach((d, i) => {
      if (d.injectedFlaw === undefined) {
        for (const f of evaluateRaw(d, i + 1).findings) {
          warnings.set(f.rule, (warnings.get(f.rule) ?? 0) + 1);
        }
      }
    });

    expect(Object.fromEntries(warnings)).toEqual({});
  });
});
