import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { orgCheckReport, orgCheckReportXlsx } from './org-checks.service';
import { getVillageProfile } from './village.service';

for (const target of testDatabaseTargets()) {
  describe(`组织设置检查 on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('lists the township’s findings of all four checks with facts and citations', async () => {
      const r = await orgCheckReport(w.ctx, w.actors['zuzhi']!);
      expect(r.scopeName).toBe('青山镇党委');
      const br04 = r.findings.filter((f) => f.ruleId === 'BR-04');
      // The demo leaves 青山社区第二党支部 (51 正式党员) with only a 书记.
      expect(br04.map((f) => f.orgName)).toEqual(['青山社区第二党支部']);
      expect(br04[0]).toMatchObject({
        check: 'branchCommittee',
        checkLabel: '支部委员会设置',
        level: 'error',
        facts: { committeeSize: null },
      });
      expect(r.findings.some((f) => f.check === 'branchSize')).toBe(true);
      expect(r.findings.some((f) => f.check === 'awayNotTransferred')).toBe(true);
      expect(r.summary.map((s) => s.label)).toEqual([
        '支部委员会设置',
        '党支部党员人数',
        '村正式党员人数',
        '外出未转组织关系',
      ]);
      expect(r.summary.reduce((n, s) => n + s.count, 0)).toBe(r.findings.length);
    });

    it('sees committees from the 村党组织 posts: 2 委员 more make it a committee of 3', async () => {
      const org = await w.orgIdByName('青山社区第二党支部');
      const people = await w.handle.db
        .selectFrom('partyMembership')
        .select('personId')
        .where('orgId', '=', org)
        .where('status', '=', 'full')
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      const post = (personId: number) => ({
        personId,
        orgId: org,
        areaCode: '990101',
        body: 'partyOrg' as const,
        title: 'member' as const,
        termStart: '2026-11-01',
        termEnd: null,
        endedOn: null,
        endReason: null,
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
      });
      await w.handle.db.insertInto('cadrePost').values(post(people[0]!.personId)).execute();
      let r = await orgCheckReport(w.ctx, w.actors['zuzhi']!);
      expect(
        r.findings.find((f) => f.ruleId === 'BR-04' && f.orgName === '青山社区第二党支部')?.message,
      ).toContain('支部委员会 2 人，应为 3 至 7 人');
      await w.handle.db.insertInto('cadrePost').values(post(people[1]!.personId)).execute();
      r = await orgCheckReport(w.ctx, w.actors['zuzhi']!);
      expect(r.findings.filter((f) => f.ruleId === 'BR-04')).toEqual([]);
    });

    it('shows the village secretary only his village, on the report and the profile', async () => {
      const shuji = w.actors['shuji']!;
      const r = await orgCheckReport(w.ctx, shuji);
      expect(r.scopeName).toBe('河口村党委');
      expect(r.findings.length).toBeGreaterThan(0);
      expect(r.findings.every((f) => f.orgName.startsWith('河口村'))).toBe(true);
      const profile = await getVillageProfile(w.ctx, shuji, await w.orgIdByName('河口村党委'));
      expect(profile.findings.map((f) => f.message)).toEqual(r.findings.map((f) => f.message));
      await expect(
        orgCheckReport(w.ctx, shuji, await w.orgIdByName('石桥村党支部')),
      ).rejects.toSatisfy(
        (e: unknown) => e instanceof AppError && e.code === 'ERR_FORBIDDEN_SCOPE',
      );
    });

    it('exports the report as a workbook, one row per finding', async () => {
      const r = await orgCheckReport(w.ctx, w.actors['zuzhi']!);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await orgCheckReportXlsx(r)) as unknown as ExcelJS.Buffer);
      const sheet = book.getWorksheet('组织设置检查')!;
      expect(String(sheet.getCell('A1').value)).toContain('青山镇党委组织设置检查');
      expect(sheet.getRow(2).values).toEqual([
        undefined,
        '序号',
        '党组织',
        '检查项',
        '规则',
        '事实',
        '问题',
        '依据',
      ]);
      expect(sheet.rowCount).toBe(2 + r.findings.length);
      const br04 = r.findings.findIndex((f) => f.ruleId === 'BR-04');
      expect(sheet.getCell(3 + br04, 5).value).toBe('正式党员 51；党员 53；支委会人数 未设');
    });
  });
}
