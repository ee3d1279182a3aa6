/**
 * 发展党员 in Excel: the township calendar as .xlsx, every dossier in scope in the template of
 * the rule engine (writeDossierWorkbook), and the all-or-nothing import from that template with
 * a row-level Chinese error report and a preview of what would be created or changed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { IsoDate } from '../../domain/calendar/date';
import { readDossier } from '../../domain/dossier/read-dossier';
import { STEP_KEYS, STEP_TITLES, type Dossier, type StepKey } from '../../domain/dossier/types';
import { isLateEntry } from '../../domain/recruitment/backdating';
import { isTownshipStep, stageOf, stepDateOf } from '../../domain/recruitment/stage';
import { evaluate } from '../../domain/rules/catalogue';
import type { Finding } from '../../domain/rules/engine';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { DossierXlsxError, readDossierWorkbook, writeDossierWorkbook } from '../dossier-xlsx';
import { AppError } from '../errors';
import { loadDossiers, loadRosterFacts, referencedPeople, toRawDossier } from './load';
import { insertPersonWithMembership } from '../roster/member.service';
import { requireWriter, syncMembership, todayOf } from './dossier.service';
import { getCalendar, DUE_KIND_LABELS } from './pipeline.service';
import { loadRecruitmentSettings, workdayCalendar } from './settings';

async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'zugong-recruitment-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The township calendar (overdue and due within `days`) as a workbook. */
export async function calendarWorkbook(
  ctx: ServiceContext,
  actor: Actor,
  days: number,
): Promise<{ filename: string; buffer: Buffer }> {
  const cal = await getCalendar(ctx, actor, days);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '组工通';
  const sheet = workbook.addWorksheet('发展党员日程');
  sheet.columns = [
    { header: '状态', key: 'kind', width: 10 },
    { header: '日期', key: 'on', width: 12 },
    { header: '步骤', key: 'title', width: 26 },
    { header: '档案编号', key: 'code', width: 14 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '阶段', key: 'stage', width: 10 },
    { header: '所在党支部', key: 'org', width: 22 },
    { header: '最早', key: 'earliest', width: 12 },
    { header: '最迟', key: 'latest', width: 12 },
    { header: '规则', key: 'rule', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const i of cal.items) {
    sheet.addRow({
      kind: DUE_KIND_LABELS[i.kind],
      on: i.on,
      title: i.title,
      code: i.code,
      name: i.name,
      stage: i.stageLabel,
      org: i.orgName,
      earliest: i.earliest ?? '',
      latest: i.latest ?? '',
      rule: i.rule ?? '',
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `发展党员日程-${cal.asOf}-${days}天.xlsx`, buffer };
}

/** Every dossier in scope, in the interchange template (zugong check reads it back). */
export async function exportDossiers(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ filename: string; buffer: Buffer }> {
  const loaded = await loadDossiers(ctx, { scopePath: actor.scopePath });
  const roster = await loadRosterFacts(
    ctx,
    referencedPeople(loaded.flatMap((d) => d.entries.map((e) => e.fields))),
  );
  const raws = loaded.map((d) => toRawDossier(d, roster));
  const buffer = await withTempDir(async (dir) => {
    const file = join(dir, 'dossiers.xlsx');
    await writeDossierWorkbook(file, raws);
    return readFile(file);
  });
  return { filename: `发展党员档案-${todayOf(ctx)}.xlsx`, buffer };
}

export interface ImportRow {
  row: number;
  code: string;
  name: string;
  branch: string;
  action: 'create' | 'update';
  steps: number;
  errors: number;
  warnings: number;
}

export interface ImportResult {
  applied: boolean;
  /** Row-level problems (第N行 字段 值); when any, nothing was written. */
  problems: string[];
  rows: ImportRow[];
  /** Error-level findings of the rule engine: importing them needs a 标记问题 reason. */
  findings: { row: number; code: string; rule: string; message: string; citation: string }[];
}

interface Planned {
  row: number;
  dossier: Dossier;
  orgId: number;
  orgPath: string;
  areaCode: string;
  existingId: number | null;
  existingPersonId: number | null;
  errors: Finding[];
}

/**
 * Reads a workbook in the dossier template. With `apply`, writes every row in one transaction,
 * or nothing at all when any row has a problem.
 */
export async function importDossiers(
  ctx: ServiceContext,
  actor: Actor,
  input: { filename: string; content: Buffer; apply: boolean; flagReason?: string | undefined },
): Promise<ImportResult> {
  requireWriter(actor);
  const raws: { row: number; raw: unknown }[] = [];
  try {
    await withTempDir(async (dir) => {
      const file = join(dir, 'import.xlsx');
      await writeFile(file, input.content);
      for await (const item of readDossierWorkbook(file)) {
        raws.push(item);
      }
    });
  } catch (error) {
    if (error instanceof DossierXlsxError) {
      throw new AppError(
        'ERR_RECRUITMENT_IMPORT_INVALID',
        error.message.replace(/工作簿 \S+ /, `工作簿 ${input.filename} `),
        'file',
      );
    }
    throw error;
  }
  const problems: string[] = [];
  if (raws.length === 0) {
    problems.push('工作簿中没有档案行');
  }
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'path', 'areaCode'])
    .where('path', 'like', `${actor.scopePath}%`)
    .where('kind', '=', 'branch')
    .execute();
  const members = await ctx.db
    .selectFrom('partyMembership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['p.id', 'p.name', 'm.orgId'])
    .where('o.path', 'like', `${actor.scopePath}%`)
    .where('m.status', 'in', ['full', 'probationary'])
    .execute();
  const settings = await loadRecruitmentSettings(ctx, actor.areaCode);
  const asOf = todayOf(ctx);
  const planned: Planned[] = [];
  const seen = new Set<string>();
  for (const { row, raw } of raws) {
    const read = readDossier(raw, row);
    if (!read.ok) {
      problems.push(read.error.message);
      continue;
    }
    const d = read.dossier;
    if (seen.has(d.id)) {
      problems.push(`第${row}行 档案编号 ${d.id} 在文件中重复`);
      continue;
    }
    seen.add(d.id);
    const org = branches.find((b) => b.name === d.branch);
    if (org === undefined) {
      problems.push(`第${row}行 所在党支部 “${d.branch}” 不是您管辖范围内的党支部`);
      continue;
    }
    for (const key of STEP_KEYS) {
      const step = d.steps[key];
      if (step === undefined) {
        continue;
      }
      const date = stepDateOf(step);
      if (date !== null && date > asOf) {
        problems.push(`第${row}行 ${STEP_TITLES[key]} 日期 ${date} 晚于今天（${asOf}）`);
      }
      if (isTownshipStep(key) && actor.role === 'branchSecretary') {
        problems.push(
          `第${row}行 ${STEP_TITLES[key]} 由乡镇党委录入，村书记导入的文件不能包含此步骤`,
        );
      }
    }
    const existing = await ctx.db
      .selectFrom('recruitmentDossier as r')
      .innerJoin('person as p', 'p.id', 'r.personId')
      .innerJoin('org as o', 'o.id', 'r.orgId')
      .select(['r.id', 'r.personId', 'p.name', 'o.path'])
      .where('r.areaCode', '=', org.areaCode)
      .where('r.code', '=', d.id)
      .executeTakeFirst();
    if (existing !== undefined && !existing.path.startsWith(actor.scopePath)) {
      problems.push(`第${row}行 档案编号 ${d.id} 已被管辖范围外的档案使用`);
      continue;
    }
    if (existing !== undefined && existing.name !== d.name) {
      problems.push(
        `第${row}行 姓名 “${d.name}” 与已有档案 ${d.id} 的姓名 “${existing.name}” 不符`,
      );
      continue;
    }
    // Mentors and sponsors: the roster member of that name in the branch, when exactly one.
    for (const key of ['mentors', 'sponsors'] as const) {
      for (const person of d.steps[key]?.people ?? []) {
        const matches = members.filter((m) => m.name === person.name && m.orgId === org.id);
        if (matches.length === 1 && matches[0] !== undefined) {
          (person as { personId?: number }).personId = matches[0].id;
        }
      }
    }
    const roster = await loadRosterFacts(
      ctx,
      referencedPeople(Object.values(d.steps) as Record<string, unknown>[]),
    );
    const checked = readDossier(
      toRawDossier(
        {
          id: 0,
          code: d.id,
          personId: 0,
          name: d.name,
          gender: d.gender ?? '男',
          birthDate: d.birthDate ?? null,
          idNumber: d.idNumber ?? null,
          education: null,
          occupation: null,
          orgId: org.id,
          orgName: org.name,
          orgPath: org.path,
          areaCode: org.areaCode,
          stage: 'applicant',
          createdAt: '',
          updatedAt: '',
          entries: STEP_KEYS.filter((k) => d.steps[k] !== undefined).map((k) => ({
            step: k,
            date: stepDateOf(d.steps[k]),
            fields: d.steps[k] as unknown as Record<string, unknown>,
            documentRef: null,
            recordedAt: '',
            recordedById: null,
            recordedByName: '',
            lateEntry: false,
            lateReason: null,
            flagReason: null,
            flagFindings: [],
          })),
          probationExtensions: d.probationExtensions ?? [],
        },
        roster,
      ),
      row,
    );
    const evaluation = checked.ok
      ? evaluate(checked.dossier, { asOf, settings: settings.rules, calendar: workdayCalendar() })
      : { findings: [], next: [] };
    planned.push({
      row,
      dossier: d,
      orgId: org.id,
      orgPath: org.path,
      areaCode: org.areaCode,
      existingId: existing?.id ?? null,
      existingPersonId: existing?.personId ?? null,
      errors: evaluation.findings.filter((f) => f.severity === 'error'),
    });
  }
  const rows: ImportRow[] = planned.map((p) => ({
    row: p.row,
    code: p.dossier.id,
    name: p.dossier.name,
    branch: p.dossier.branch,
    action: p.existingId === null ? 'create' : 'update',
    steps: STEP_KEYS.filter((k) => p.dossier.steps[k] !== undefined).length,
    errors: p.errors.length,
    warnings: 0,
  }));
  const findings = planned.flatMap((p) =>
    p.errors.map((f) => ({
      row: p.row,
      code: p.dossier.id,
      rule: f.rule,
      message: f.message,
      citation: f.citation,
    })),
  );
  const result: ImportResult = { applied: false, problems, rows, findings };
  if (!input.apply) {
    return result;
  }
  if (problems.length > 0) {
    throw new AppError(
      'ERR_RECRUITMENT_IMPORT_INVALID',
      `导入文件有 ${problems.length} 处错误，未导入任何档案：${problems.slice(0, 10).join('；')}`,
      'file',
    );
  }
  const flagReason = input.flagReason?.trim() ?? '';
  if (findings.length > 0 && flagReason === '') {
    throw new AppError(
      'ERR_RECRUITMENT_FINDING_UNFLAGGED',
      `导入的档案中有 ${findings.length} 个错误级问题（如第${findings[0]?.row ?? 0}行 ${findings[0]?.rule ?? ''}）。如确需导入，请选择“导入并标记问题”并说明原因`,
      'flagReason',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    for (const p of planned) {
      const d = p.dossier;
      let dossierId = p.existingId;
      let personId = p.existingPersonId;
      if (dossierId === null || personId === null) {
        personId = (
          await insertPersonWithMembership(
            trx,
            at,
            {
              name: d.name,
              gender: d.gender ?? '男',
              ethnicity: null,
              birthDate: d.birthDate ?? null,
              idNumber: d.idNumber ?? null,
              education: null,
              phone: null,
              occupation: null,
              workUnit: null,
            },
            {
              orgId: p.orgId,
              areaCode: p.areaCode,
              status: 'applicant',
              joinedOn: null,
              fullMemberSince: null,
              statusSince: null,
            },
            {
              actor,
              orgPath: p.orgPath,
              occurredOn: todayOf(ctx),
              note: `导入发展党员档案（${input.filename}）`,
            },
          )
        ).personId;
        const created = await trx
          .insertInto('recruitmentDossier')
          .values({
            code: d.id,
            personId,
            orgId: p.orgId,
            areaCode: p.areaCode,
            stage: 'applicant',
            probationExtensionsJson: null,
            createdAt: at,
            updatedAt: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        dossierId = created.id;
      } else {
        await trx.deleteFrom('recruitmentStep').where('dossierId', '=', dossierId).execute();
      }
      const flaggedSteps = new Set(p.errors.map((f) => f.step).filter((s) => s !== null));
      for (const key of STEP_KEYS) {
        const step = d.steps[key];
        if (step === undefined) {
          continue;
        }
        const date: IsoDate | null = stepDateOf(step);
        const late = isLateEntry(date, at, settings.backdating);
        const flagged = flaggedSteps.has(key);
        await trx
          .insertInto('recruitmentStep')
          .values({
            dossierId,
            stepKey: key,
            stepDate: date,
            fieldsJson: JSON.stringify(step),
            documentRef: null,
            recordedAt: at,
            recordedById: actor.accountId,
            recordedByName: actor.name,
            lateEntry: late ? 1 : 0,
            lateReason: late ? `从 Excel 导入（${input.filename}）` : null,
            flagReason: flagged ? flagReason : null,
            flagFindingsJson: flagged
              ? JSON.stringify(p.errors.filter((f) => f.step === (key as StepKey)))
              : null,
            areaCode: p.areaCode,
          })
          .execute();
      }
      const stage = stageOf(d.steps);
      await trx
        .updateTable('recruitmentDossier')
        .set({
          stage,
          updatedAt: at,
          probationExtensionsJson:
            d.probationExtensions === undefined ? null : JSON.stringify(d.probationExtensions),
        })
        .where('id', '=', dossierId)
        .execute();
      await syncMembership(
        trx,
        actor,
        at,
        {
          id: dossierId,
          code: d.id,
          personId,
          name: d.name,
          gender: d.gender ?? '男',
          birthDate: d.birthDate ?? null,
          idNumber: null,
          education: null,
          occupation: null,
          orgId: p.orgId,
          orgName: d.branch,
          orgPath: p.orgPath,
          areaCode: p.areaCode,
          stage,
          createdAt: at,
          updatedAt: at,
          entries: [],
          probationExtensions: [],
        },
        stage,
        d,
      );
      await appendAudit(trx, actor, at, {
        action: 'recruitment.import',
        entityType: 'recruitmentDossier',
        entityId: dossierId,
        areaCode: p.areaCode,
        orgPath: p.orgPath,
        after: {
          code: d.id,
          name: d.name,
          file: input.filename,
          row: p.row,
          action: p.existingId === null ? 'create' : 'update',
          steps: STEP_KEYS.filter((k) => d.steps[k] !== undefined),
          flagReason: flaggedSteps.size > 0 ? flagReason : null,
        },
      });
    }
  });
  return { ...result, applied: true };
}
