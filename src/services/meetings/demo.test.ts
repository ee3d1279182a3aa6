import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { complianceReport, type ComplianceReport } from './compliance.service';
import { listClasses } from './training.service';

for (const target of testDatabaseTargets()) {
  describe(`组织生活 demo on ${target.name}`, () => {
    let w: TestWorld;
    let report: ComplianceReport;
    beforeAll(async () => {
      w = await openTestWorld(target);
      report = await complianceReport(w.ctx, w.actors['zuzhi']!, {
        year: 2026,
        asOf: '2026-11-27',
      });
    });
    afterAll(async () => {
      await w.close();
    });

    it('has a realistic year: most due cells met, a few missing', () => {
      const due = report.branches.flatMap((b) =>
        b.cells.filter((c) => c.state === 'met' || c.state === 'missing'),
      );
      const missing = due.filter((c) => c.state === 'missing').length;
      expect(report.branches.length).toBeGreaterThanOrEqual(15);
      expect(missing).toBeGreaterThan(5);
      expect(missing / due.length).toBeLessThan(0.2);
    });

    it('shows the planted flaws: a branch without committee, a late committee, lapsed members', () => {
      const byName = (name: string) => report.branches.find((b) => b.name === name)!;
      expect(byName('青山社区第二党支部').findings.some((f) => f.rule === 'BR-04')).toBe(true);
      const late = byName('河口村第三党支部').cells.filter((c) => c.rule === 'BR-07');
      expect(late.find((c) => c.period === '2026-04')?.state).toBe('notRequired');
      expect(late.find((c) => c.period === '2026-06')?.state).not.toBe('notRequired');
      const review = report.branches.flatMap((b) => b.findings.filter((f) => f.rule === 'EDU-11'));
      expect(review.length).toBeGreaterThan(0);
      expect(review.every((f) => f.review === true)).toBe(true);
      const exempt = report.branches.flatMap((b) => b.study.filter((s) => s.state === 'exempt'));
      expect(exempt.length).toBeGreaterThan(0);
      expect(report.rollups.map((r) => r.name)).toEqual(['青山镇党委']);
    });

    it('has the two training classes with attendance', async () => {
      const classes = await listClasses(w.ctx, w.actors['zuzhi']!, 2026);
      expect(classes.map((c) => c.name)).toContain('2026年村（社区）党组织书记和党员骨干轮训班');
      expect(classes.length).toBe(2);
    });
  });
}
