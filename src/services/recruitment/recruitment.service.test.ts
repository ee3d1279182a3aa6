import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import {
  createDossier,
  dossierHistory,
  getDossier,
  previewStep,
  saveStep,
} from './dossier.service';
import { generateDocument } from './documents';
import { getBackdatingReport, getCalendar, getPipeline } from './pipeline.service';
import { searchMembers } from './people.service';
import ExcelJS from 'exceljs';
import { getAnnualPlan, setQuota } from './plan.service';
import { getRecruitmentSettings, updateRecruitmentSettings } from './settings';
import { calendarWorkbook, exportDossiers, importDossiers } from './xlsx.service';

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof AppError) {
      return error.code;
    }
    throw error;
  }
  return 'OK';
}

function documentXml(buffer: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'zugong-docx-'));
  const file = join(dir, 'doc.docx');
  writeFileSync(file, buffer);
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
}

for (const target of testDatabaseTargets()) {
  describe(`发展党员 services on ${target.name}`, () => {
    let w: TestWorld;
    let branchId: number;

    beforeAll(async () => {
      w = await openTestWorld(target);
      branchId = await w.orgIdByName('河口村第一党支部');
    });
    afterAll(async () => {
      await w.close();
    });

    it('seeds about 40 demo dossiers at every stage with the planned flaws', async () => {
      const p = await getPipeline(w.ctx, w.actors['zuzhi']!);
      expect(p.items.length).toBe(40);
      for (const stage of ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const) {
        expect(p.totals[stage]).toBeGreaterThan(0);
      }
      const rules = p.items.flatMap((i) =>
        i.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      );
      expect(rules).toEqual(expect.arrayContaining(['DEV-03', 'DEV-08', 'DEV-09', 'DEV-NOTICE']));
      expect(p.items[0]?.overdue).toBe(true);
      expect(p.items.filter((i) => i.flagged)).toHaveLength(3);
    });

    it('shows a village secretary only his branches', async () => {
      const p = await getPipeline(w.ctx, w.actors['shuji']!);
      expect(p.items.length).toBeGreaterThan(0);
      expect(p.items.every((i) => i.orgName.startsWith('河口村'))).toBe(true);
    });

    it('creates an applicant with a person and a membership, then previews, blocks, flags and clears', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const id = await createDossier(w.ctx, zuzhi, {
        orgId: branchId,
        person: { name: '测试甲', gender: '女', birthDate: '2000-05-04', occupation: '农民' },
      });
      const membership = await w.handle.db
        .selectFrom('partyMembership as m')
        .innerJoin('person as p', 'p.id', 'm.personId')
        .select(['m.status', 'm.orgId'])
        .where('p.name', '=', '测试甲')
        .executeTakeFirstOrThrow();
      expect(membership).toEqual({ status: 'applicant', orgId: branchId });

      await saveStep(w.ctx, zuzhi, id, { stepKey: 'application', record: { date: '2026-11-02' } });
      // A talk six weeks after the application breaks DEV-03: the preview says so and gives the window.
      const late = await previewStep(w.ctx, zuzhi, id, {
        stepKey: 'applicationTalk',
        record: { date: '2026-12-20' },
      });
      expect(late.invalid).toContain('晚于今天');
      const bad = await previewStep(w.ctx, zuzhi, id, {
        stepKey: 'activistSelection',
        record: { date: '2026-11-20', method: '党员推荐', decidedBy: '支部委员会' },
      });
      expect(bad.blocking.map((f) => f.rule)).toContain('DEV-ORDER');
      expect(bad.blocking[0]?.citation).toMatch(/《.+》/);
      expect(
        await codeOf(
          saveStep(w.ctx, zuzhi, id, {
            stepKey: 'activistSelection',
            record: { date: '2026-11-20', method: '党员推荐', decidedBy: '支部委员会' },
          }),
        ),
      ).toBe('ERR_RECRUITMENT_FINDING_UNFLAGGED');
      const flagged = await saveStep(w.ctx, zuzhi, id, {
        stepKey: 'activistSelection',
        record: { date: '2026-11-20', method: '党员推荐', decidedBy: '支部委员会' },
        flagReason: '测试：先录后补',
      });
      const entry = flagged.steps.find((s) => s.step === 'activistSelection')?.entry;
      expect(entry?.flagReason).toBe('测试：先录后补');
      expect(entry?.flagFindings.length).toBeGreaterThan(0);

      // Correct: remove the premature step and enter the talk; the finding clears.
      const ok = await previewStep(w.ctx, zuzhi, id, {
        stepKey: 'applicationTalk',
        record: { date: '2026-11-10' },
      });
      expect(ok.window).toMatchObject({
        earliest: '2026-11-02',
        latest: '2026-12-02',
        rule: 'DEV-03',
      });
      expect(ok.blocking).toEqual([]);
      await saveStep(w.ctx, zuzhi, id, { stepKey: 'activistSelection', record: null });
      const clean = await saveStep(w.ctx, zuzhi, id, {
        stepKey: 'applicationTalk',
        record: { date: '2026-11-10' },
        documentRef: '谈话记录第1号',
      });
      expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(clean.next.map((n) => n.step)).toContain('activistSelection');

      const history = await dossierHistory(w.ctx, zuzhi, id);
      expect(history.map((h) => h.action)).toEqual([
        'recruitment.saveStep',
        'recruitment.deleteStep',
        'recruitment.saveStep',
        'recruitment.saveStep',
        'recruitment.createDossier',
      ]);
      expect(history.some((h) => h.summary.includes('标记问题：测试：先录后补'))).toBe(true);
    });

    it('requires a reason for a step entered more than 30 days after its date (补录)', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const id = await createDossier(w.ctx, zuzhi, {
        orgId: branchId,
        person: { name: '测试乙', gender: '男', birthDate: '1999-01-01' },
      });
      // Today in the test world is 2026-11-27: 2026-10-27 is 31 days ago.
      expect(
        await codeOf(
          saveStep(w.ctx, zuzhi, id, { stepKey: 'application', record: { date: '2026-10-27' } }),
        ),
      ).toBe('ERR_RECRUITMENT_LATE_REASON_REQUIRED');
      const saved = await saveStep(w.ctx, zuzhi, id, {
        stepKey: 'application',
        record: { date: '2026-10-27' },
        lateReason: '纸质档案补录',
      });
      expect(saved.steps[0]?.entry).toMatchObject({ lateEntry: true, lateReason: '纸质档案补录' });
      expect(saved.flags.map((f) => f.kind)).toEqual(['late']);
      // 30 days is not late.
      const id2 = await createDossier(w.ctx, zuzhi, {
        orgId: branchId,
        person: { name: '测试丙', gender: '男', birthDate: '1999-01-01' },
      });
      const onTime = await saveStep(w.ctx, zuzhi, id2, {
        stepKey: 'application',
        record: { date: '2026-10-28' },
      });
      expect(onTime.steps[0]?.entry?.lateEntry).toBe(false);
    });

    it('keeps township steps to township roles and the inspector read-only', async () => {
      const shuji = w.actors['shuji']!;
      const p = await getPipeline(w.ctx, shuji, { stage: 'activist' });
      const own = p.items[0]!;
      expect(
        await codeOf(
          saveStep(w.ctx, shuji, own.id, {
            stepKey: 'activistFiling',
            record: { date: '2026-11-20' },
          }),
        ),
      ).toBe('ERR_RECRUITMENT_TOWNSHIP_STEP');
      expect(
        await codeOf(
          createDossier(w.ctx, w.actors['xuncha']!, {
            orgId: branchId,
            person: { name: '测试丁', gender: '男', birthDate: '1999-01-01' },
          }),
        ),
      ).toBe('ERR_FORBIDDEN_ROLE');
      const outside = (await getPipeline(w.ctx, w.actors['zuzhi']!)).items.find(
        (i) => !i.orgName.startsWith('河口村'),
      )!;
      expect(await codeOf(getDossier(w.ctx, shuji, outside.id))).toBe('ERR_FORBIDDEN_SCOPE');
      expect(
        await codeOf(
          createDossier(w.ctx, w.actors['zuzhi']!, {
            orgId: await w.orgIdByName('河口村党委'),
            person: { name: '测试戊', gender: '男', birthDate: '1999-01-01' },
          }),
        ),
      ).toBe('ERR_RECRUITMENT_ORG_NOT_BRANCH');
    });

    it('takes a sponsor\u2019s 正式党员 date from the roster: a 预备党员 sponsor is DEV-09', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const members = await searchMembers(w.ctx, zuzhi, {});
      const probationer = members.find((m) => m.status === 'probationary');
      expect(probationer?.fullMemberSince).not.toBeNull();
      const p = await getPipeline(w.ctx, zuzhi);
      const flagged = p.items.find((i) => i.findings.some((f) => f.rule === 'DEV-09'))!;
      const d = await getDossier(w.ctx, zuzhi, flagged.id);
      const sponsors = d.steps.find((s) => s.step === 'sponsors')!;
      expect(sponsors.entry?.flagReason).not.toBeNull();
      expect(sponsors.findings.map((f) => f.rule)).toContain('DEV-09');
    });

    it('lists overdue and due steps for the township calendar and the backdating report', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const cal30 = await getCalendar(w.ctx, zuzhi, 30);
      const cal90 = await getCalendar(w.ctx, zuzhi, 90);
      expect(cal30.items[0]?.kind).toBe('overdue');
      expect(cal90.items.length).toBeGreaterThan(cal30.items.length);
      expect(cal30.items.every((i) => i.on <= cal30.until)).toBe(true);
      const report = await getBackdatingReport(w.ctx, zuzhi);
      const kinds = new Set(report.branches.flatMap((b) => b.items.map((i) => i.kind)));
      expect([...kinds]).toEqual(expect.arrayContaining(['late', 'batch', 'flagged']));
    });

    it('writes the 公示 with the name and a working-day end date, and the other documents', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const p = await getPipeline(w.ctx, zuzhi, { stage: 'candidate' });
      const one = p.items[0]!;
      const notice = await generateDocument(w.ctx, zuzhi, one.id, 'notice', {
        start: '2026-09-28',
      });
      const xml = documentXml(notice.buffer);
      expect(xml).toContain(one.name);
      expect(xml).toContain('2026年9月28日至2026年10月9日');
      expect(xml).toContain('仿宋_GB2312');
      for (const kind of ['resolution', 'record', 'checklist'] as const) {
        const doc = await generateDocument(w.ctx, zuzhi, one.id, kind);
        expect(documentXml(doc.buffer)).toContain(one.name);
      }
      const record = documentXml((await generateDocument(w.ctx, zuzhi, one.id, 'record')).buffer);
      expect(record).toContain('材料归档');
    });

    it('exports every dossier in scope and reads the export back as updates, changing nothing', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const file = await exportDossiers(w.ctx, zuzhi);
      const preview = await importDossiers(w.ctx, zuzhi, {
        filename: file.filename,
        content: file.buffer,
        apply: false,
      });
      expect(preview.problems).toEqual([]);
      const total = (await getPipeline(w.ctx, zuzhi)).items.length;
      expect(preview.rows).toHaveLength(total);
      expect(preview.rows.every((r) => r.action === 'update')).toBe(true);
      expect(preview.findings.map((f) => f.rule)).toEqual(
        expect.arrayContaining(['DEV-08', 'DEV-NOTICE']),
      );
      const cal = await calendarWorkbook(w.ctx, zuzhi, 60);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(cal.buffer as unknown as ExcelJS.Buffer);
      expect(book.worksheets[0]?.rowCount).toBe(
        (await getCalendar(w.ctx, zuzhi, 60)).items.length + 1,
      );
    });

    it('imports all or nothing: one bad row writes nothing and names the row', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('发展党员档案');
      sheet.addRow([
        '档案编号',
        '姓名',
        '性别',
        '出生日期',
        '所在党支部',
        '递交入党申请书日期',
        '谈话日期',
      ]);
      sheet.addRow([
        'IMP-001',
        '导入甲',
        '男',
        '1998-02-03',
        '河口村第二党支部',
        '2026-11-10',
        '2026-11-20',
      ]);
      sheet.addRow(['IMP-002', '导入乙', '女', '1999-13-01', '河口村第二党支部', '2026-11-10', '']);
      const content = Buffer.from(await book.xlsx.writeBuffer());
      const before = (await getPipeline(w.ctx, zuzhi)).items.length;
      const preview = await importDossiers(w.ctx, zuzhi, {
        filename: 'a.xlsx',
        content,
        apply: false,
      });
      expect(preview.problems.join('\n')).toMatch(/^第3行 .*1999-13-01/m);
      expect(
        await codeOf(importDossiers(w.ctx, zuzhi, { filename: 'a.xlsx', content, apply: true })),
      ).toBe('ERR_RECRUITMENT_IMPORT_INVALID');
      expect((await getPipeline(w.ctx, zuzhi)).items.length).toBe(before);

      sheet.spliceRows(3, 1);
      const good = Buffer.from(await book.xlsx.writeBuffer());
      const applied = await importDossiers(w.ctx, zuzhi, {
        filename: 'b.xlsx',
        content: good,
        apply: true,
      });
      expect(applied).toMatchObject({ applied: true, problems: [] });
      const after = await getPipeline(w.ctx, zuzhi, { q: 'IMP-001' });
      expect(after.items.map((i) => [i.name, i.orgName, i.stage])).toEqual([
        ['导入甲', '河口村第二党支部', 'applicant'],
      ]);
      const history = await dossierHistory(w.ctx, zuzhi, after.items[0]!.id);
      expect(history.map((h) => h.action)).toEqual(['recruitment.import']);
    });

    it('sets a quota per branch and year and reports progress and the new members’ structure', async () => {
      const zuzhi = w.actors['zuzhi']!;
      await setQuota(w.ctx, zuzhi, { orgId: branchId, year: 2026, quota: 7 });
      expect(
        await codeOf(
          setQuota(w.ctx, w.actors['shuji']!, { orgId: branchId, year: 2026, quota: 9 }),
        ),
      ).toBe('ERR_FORBIDDEN_ROLE');
      const plan = await getAnnualPlan(w.ctx, zuzhi, 2026);
      const branch = plan.branches.find((b) => b.orgId === branchId)!;
      expect(branch.quota).toBe(7);
      expect(plan.admittedTotal).toBe(plan.branches.reduce((s, b) => s + b.admitted, 0));
      expect(plan.admittedTotal).toBeGreaterThan(0);
      expect(plan.structure.total).toBe(plan.admittedTotal);
      expect(Object.values(plan.structure.byOccupation).reduce((a, b) => a + b, 0)).toBe(
        plan.admittedTotal,
      );
      const shujiPlan = await getAnnualPlan(w.ctx, w.actors['shuji']!, 2026);
      expect(shujiPlan.branches.every((b) => b.orgName.startsWith('河口村'))).toBe(true);
    });

    it('lets the county change the 补录 threshold; a 45-day-old step then needs no reason', async () => {
      const xianji = w.actors['xianji']!;
      expect((await getRecruitmentSettings(w.ctx, xianji)).backdating.lateEntryDays).toBe(30);
      expect(
        await codeOf(
          updateRecruitmentSettings(w.ctx, w.actors['zuzhi']!, {
            backdating: { lateEntryDays: 60 },
          }),
        ),
      ).toBe('ERR_FORBIDDEN_ROLE');
      expect(
        await codeOf(updateRecruitmentSettings(w.ctx, xianji, { rules: { noSuchSetting: 1 } })),
      ).toBe('ERR_VALIDATION');
      const updated = await updateRecruitmentSettings(w.ctx, xianji, {
        backdating: { lateEntryDays: 60 },
      });
      expect(updated.backdating.lateEntryDays).toBe(60);
      const id = await createDossier(w.ctx, xianji, {
        orgId: branchId,
        person: { name: '设置甲', gender: '男', birthDate: '1999-01-01' },
      });
      // 2026-10-13 is 45 days before the test world's today (2026-11-27).
      const saved = await saveStep(w.ctx, xianji, id, {
        stepKey: 'application',
        record: { date: '2026-10-13' },
      });
      expect(saved.steps[0]?.entry?.lateEntry).toBe(false);
      expect(saved.lateEntryDays).toBe(60);
    });
  });
}
