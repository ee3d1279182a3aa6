/**
 * 发展党员档案: create a dossier for an applicant, enter or change its steps (with the rule engine's
 * verdict before saving), and read one dossier with its findings, windows, flags and history.
 */
import type { Transaction } from 'kysely';
import { ADMIN_ROLES, type Role } from '../../domain/access';
import { diffDays, parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import {
  GENDERS,
  STEP_KEYS,
  STEP_TITLES,
  type Dossier,
  type StepKey,
} from '../../domain/dossier/types';
import { maskIdNumber, readIdNumber } from '../../domain/id-number';
import {
  backdatingFlags,
  chinaDateOf,
  isLateEntry,
  type BackdatingFlag,
} from '../../domain/recruitment/backdating';
import { isTownshipStep, stageOf, stepDateOf, type Stage } from '../../domain/recruitment/stage';
import { evaluate } from '../../domain/rules/catalogue';
import type { Evaluation, Finding } from '../../domain/rules/engine';
import { stepWindow, type StepWindow } from '../../domain/rules/timeline';
import type { Database, MembershipStatus } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { getOrgInScope, requireInScope } from '../org.service';
import { followRecruitmentIn, insertPersonWithMembership } from '../roster/member.service';
import {
  loadDossiers,
  loadRosterFacts,
  referencedPeople,
  toDossier,
  toRawDossier,
  type LoadedDossier,
  type RosterFacts,
  type StepEntry,
} from './load';
import { loadRecruitmentSettings, workdayCalendar, type RecruitmentSettings } from './settings';

/** Roles that enter steps (a branch secretary only for his branch and not township steps). */
export const RECRUITMENT_WRITE_ROLES: readonly Role[] = [
  'countyAdmin',
  'townshipOrganizer',
  'branchSecretary',
];

export function requireWriter(actor: Actor): void {
  if (actor.role !== 'system' && !RECRUITMENT_WRITE_ROLES.includes(actor.role)) {
    throw new AppError('ERR_FORBIDDEN_ROLE');
  }
}

export function requireStepRole(actor: Actor, step: StepKey): void {
  requireWriter(actor);
  if (isTownshipStep(step) && actor.role !== 'system' && !ADMIN_ROLES.includes(actor.role)) {
    throw new AppError(
      'ERR_RECRUITMENT_TOWNSHIP_STEP',
      `“${STEP_TITLES[step]}”由乡镇党委（组织委员）或县委组织部录入，村（社区）党组织书记不能录入`,
      'stepKey',
    );
  }
}

/** Today in China: the rule engine's `asOf`. */
export function todayOf(ctx: ServiceContext): IsoDate {
  return chinaDateOf(isoNow(ctx));
}

export const MEMBERSHIP_OF_STAGE: Record<Stage, MembershipStatus | null> = {
  applicant: 'applicant',
  activist: 'activist',
  candidate: 'candidate',
  probationary: 'probationary',
  full: 'full',
  stopped: null,
};

// ---------------------------------------------------------------- create

export interface NewApplicant {
  name: string;
  gender: '男' | '女';
  birthDate?: IsoDate | undefined;
  idNumber?: string | undefined;
  education?: string | undefined;
  occupation?: string | undefined;
}

export interface CreateDossierInput {
  orgId: number;
  /** 档案编号; generated when absent. */
  code?: string | undefined;
  /** An existing person (from the roster) or a new applicant. */
  personId?: number | undefined;
  person?: NewApplicant | undefined;
}

function cleanText(value: string | undefined, field: string, label: string, max = 50): string {
  const text = (value ?? '').trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > max) {
    throw new AppError(
      'ERR_VALIDATION',
      `${label}不能为空且不超过 ${max} 个字：${value ?? ''}`,
      field,
    );
  }
  return text;
}

async function nextCode(
  trx: Transaction<Database>,
  areaCode: string,
  year: string,
): Promise<string> {
  const prefix = `FZ-${year}-`;
  const rows = await trx
    .selectFrom('recruitmentDossier')
    .select('code')
    .where('areaCode', '=', areaCode)
    .where('code', 'like', `${prefix}%`)
    .execute();
  let max = 0;
  for (const r of rows) {
    const n = Number(r.code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) {
      max = n;
    }
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

export async function createDossier(
  ctx: ServiceContext,
  actor: Actor,
  input: CreateDossierInput,
): Promise<number> {
  requireWriter(actor);
  const org = await getOrgInScope(ctx, actor, input.orgId);
  if (org.kind !== 'branch') {
    throw new AppError(
      'ERR_RECRUITMENT_ORG_NOT_BRANCH',
      `发展党员档案应建在党支部：“${org.name}”不是党支部`,
      'orgId',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    let personId: number;
    let personName: string;
    if (input.personId !== undefined) {
      const person = await trx
        .selectFrom('person')
        .select(['id', 'name', 'areaCode'])
        .where('id', '=', input.personId)
        .executeTakeFirst();
      const membership = await trx
        .selectFrom('partyMembership as m')
        .innerJoin('org as o', 'o.id', 'm.orgId')
        .select('o.path')
        .where('m.personId', '=', input.personId)
        .executeTakeFirst();
      if (
        person === undefined ||
        (membership !== undefined && !membership.path.startsWith(actor.scopePath))
      ) {
        throw new AppError('ERR_NOT_FOUND', `人员不存在：编号 ${input.personId}`, 'personId');
      }
      const open = await trx
        .selectFrom('recruitmentDossier')
        .select('code')
        .where('personId', '=', person.id)
        .where('stage', 'not in', ['full', 'stopped'])
        .executeTakeFirst();
      if (open !== undefined) {
        throw new AppError(
          'ERR_RECRUITMENT_PERSON_BUSY',
          `${person.name}已有未办结的发展党员档案 ${open.code}`,
          'personId',
        );
      }
      personId = person.id;
      personName = person.name;
    } else {
      const p = input.person;
      if (p === undefined) {
        throw new AppError('ERR_VALIDATION', '请填写申请人信息或选择已有人员', 'person');
      }
      const name = cleanText(p.name, 'person.name', '姓名', 20);
      if (!GENDERS.includes(p.gender)) {
        throw new AppError(
          'ERR_VALIDATION',
          `性别应为男或女：${String(p.gender)}`,
          'person.gender',
        );
      }
      let birthDate = p.birthDate === undefined ? null : parseIsoDate(p.birthDate);
      if (p.birthDate !== undefined && birthDate === null) {
        throw new AppError(
          'ERR_VALIDATION',
          `出生日期不是有效日期：${p.birthDate}`,
          'person.birthDate',
        );
      }
      let idNumber: string | null = null;
      if (p.idNumber !== undefined && p.idNumber.trim() !== '') {
        const read = readIdNumber(p.idNumber);
        if (!read.ok) {
          const why = { format: '应为18位', birthDate: '出生日期无效', checkDigit: '校验位不符' };
          throw new AppError(
            'ERR_VALIDATION',
            `公民身份号码有误（${why[read.problem]}）：${p.idNumber}`,
            'person.idNumber',
          );
        }
        idNumber = p.idNumber.trim().toUpperCase();
        if (birthDate !== null && birthDate !== read.info.birthDate) {
          throw new AppError(
            'ERR_VALIDATION',
            `出生日期 ${birthDate} 与公民身份号码中的 ${read.info.birthDate} 不一致`,
            'person.birthDate',
          );
        }
        birthDate = read.info.birthDate;
      }
      if (birthDate === null) {
        throw new AppError('ERR_VALIDATION', '请填写出生日期或公民身份号码', 'person.birthDate');
      }
      const inserted = await insertPersonWithMembership(
        trx,
        at,
        {
          name,
          gender: p.gender,
          ethnicity: null,
          birthDate,
          idNumber,
          education: p.education?.trim() || null,
          phone: null,
          occupation: p.occupation?.trim() || null,
          workUnit: null,
        },
        {
          orgId: org.id,
          areaCode: org.areaCode,
          status: 'applicant',
          joinedOn: null,
          fullMemberSince: null,
          statusSince: null,
        },
        {
          actor,
          orgPath: org.path,
          occurredOn: chinaDateOf(at),
          note: '建立发展党员档案（入党申请人）',
        },
      );
      personId = inserted.personId;
      personName = name;
    }
    let code: string;
    if (input.code !== undefined && input.code.trim() !== '') {
      code = cleanText(input.code, 'code', '档案编号', 40);
      const taken = await trx
        .selectFrom('recruitmentDossier')
        .select('id')
        .where('areaCode', '=', org.areaCode)
        .where('code', '=', code)
        .executeTakeFirst();
      if (taken !== undefined) {
        throw new AppError('ERR_RECRUITMENT_CODE_TAKEN', `档案编号 ${code} 已被使用`, 'code');
      }
    } else {
      code = await nextCode(trx, org.areaCode, chinaDateOf(at).slice(0, 4));
    }
    const { id } = await trx
      .insertInto('recruitmentDossier')
      .values({
        code,
        personId,
        orgId: org.id,
        areaCode: org.areaCode,
        stage: 'applicant',
        probationExtensionsJson: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, at, {
      action: 'recruitment.createDossier',
      entityType: 'recruitmentDossier',
      entityId: id,
      areaCode: org.areaCode,
      orgPath: org.path,
      after: { code, name: personName, personId, branch: org.name },
    });
    return id;
  });
}

// ---------------------------------------------------------------- evaluation

export interface EvaluatedDossier {
  loaded: LoadedDossier;
  dossier: Dossier | null;
  /** The reader's message when the stored data is not a readable dossier. */
  unreadable: string | null;
  evaluation: Evaluation;
  flags: BackdatingFlag[];
  stage: Stage;
}

export function evaluateLoaded(
  loaded: LoadedDossier,
  roster: Map<number, RosterFacts>,
  settings: RecruitmentSettings,
  asOf: IsoDate,
): EvaluatedDossier {
  const built = toDossier(toRawDossier(loaded, roster));
  if (!built.ok) {
    return {
      loaded,
      dossier: null,
      unreadable: built.message,
      evaluation: { findings: [], next: [] },
      flags: [],
      stage: loaded.stage as Stage,
    };
  }
  const calendar = workdayCalendar();
  const evaluation = evaluate(built.dossier, { asOf, settings: settings.rules, calendar });
  const flags = backdatingFlags(
    built.dossier.steps,
    loaded.entries.map((e) => ({
      step: e.step,
      date: e.date,
      recordedAt: e.recordedAt,
      recordedBy: e.recordedByName,
    })),
    settings.backdating,
    calendar,
  );
  return {
    loaded,
    dossier: built.dossier,
    unreadable: null,
    evaluation,
    flags,
    stage: stageOf(built.dossier.steps),
  };
}

/** Loads and evaluates every dossier matching the filter. */
export async function evaluateInScope(
  ctx: ServiceContext,
  actor: Actor,
  filter: { dossierId?: number; orgId?: number } = {},
): Promise<EvaluatedDossier[]> {
  const loaded = await loadDossiers(ctx, { scopePath: actor.scopePath, ...filter });
  const roster = await loadRosterFacts(
    ctx,
    referencedPeople(loaded.flatMap((d) => d.entries.map((e) => e.fields))),
  );
  const settingsByArea = new Map<string, RecruitmentSettings>();
  const asOf = todayOf(ctx);
  const result: EvaluatedDossier[] = [];
  for (const d of loaded) {
    let settings = settingsByArea.get(d.areaCode);
    if (settings === undefined) {
      settings = await loadRecruitmentSettings(ctx, d.areaCode);
      settingsByArea.set(d.areaCode, settings);
    }
    result.push(evaluateLoaded(d, roster, settings, asOf));
  }
  return result;
}

async function loadOne(ctx: ServiceContext, actor: Actor, id: number): Promise<EvaluatedDossier> {
  const [found] = await evaluateInScope(ctx, actor, { dossierId: id });
  if (found === undefined) {
    // A dossier outside the scope answers like a missing one, unless it exists: then 403.
    const exists = await ctx.db
      .selectFrom('recruitmentDossier as d')
      .innerJoin('org as o', 'o.id', 'd.orgId')
      .select('o.path')
      .where('d.id', '=', id)
      .executeTakeFirst();
    if (exists !== undefined) {
      requireInScope(actor, exists.path);
    }
    throw new AppError('ERR_NOT_FOUND', `发展党员档案不存在：编号 ${id}`, 'id');
  }
  return found;
}

// ---------------------------------------------------------------- detail

export interface StepView {
  step: StepKey;
  index: number;
  title: string;
  township: boolean;
  entry: StepEntry | null;
  /** The lawful window for this step given the others (null: a prerequisite is missing). */
  window: StepWindow | null;
  findings: Finding[];
}

export interface DossierDetail {
  id: number;
  code: string;
  personId: number;
  name: string;
  gender: string;
  birthDate: IsoDate | null;
  idNumberMasked: string | null;
  education: string | null;
  occupation: string | null;
  orgId: number;
  orgName: string;
  stage: Stage;
  asOf: IsoDate;
  unreadable: string | null;
  steps: StepView[];
  findings: Finding[];
  next: Evaluation['next'];
  flags: BackdatingFlag[];
  lateEntryDays: number;
}

function windowsFor(
  e: EvaluatedDossier,
  rules: RecruitmentSettings['rules'],
): Map<StepKey, StepWindow | null> {
  const map = new Map<StepKey, StepWindow | null>();
  if (e.dossier === null) {
    return map;
  }
  const steps = e.dossier.steps;
  const months = (e.dossier.probationExtensions ?? []).reduce((sum, x) => sum + x.months, 0);
  for (const key of STEP_KEYS) {
    // The window of a present step is judged against the other steps, as if it were missing.
    const others = { ...steps };
    delete others[key];
    map.set(
      key,
      stepWindow(key, {
        steps: others,
        settings: rules,
        calendar: workdayCalendar(),
        birthDate: e.dossier.birthDate ?? null,
        extensionMonths: months,
      }),
    );
  }
  return map;
}

export async function getDossier(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<DossierDetail> {
  const e = await loadOne(ctx, actor, id);
  const settings = await loadRecruitmentSettings(ctx, e.loaded.areaCode);
  return detailOf(e, settings, todayOf(ctx));
}

function detailOf(
  e: EvaluatedDossier,
  settings: RecruitmentSettings,
  asOf: IsoDate,
): DossierDetail {
  const windows = windowsFor(e, settings.rules);
  const entries = new Map(e.loaded.entries.map((x) => [x.step, x]));
  const d = e.loaded;
  return {
    id: d.id,
    code: d.code,
    personId: d.personId,
    name: d.name,
    gender: d.gender,
    birthDate: d.birthDate,
    idNumberMasked: d.idNumber === null ? null : maskIdNumber(d.idNumber),
    education: d.education,
    occupation: d.occupation,
    orgId: d.orgId,
    orgName: d.orgName,
    stage: e.stage,
    asOf,
    unreadable: e.unreadable,
    steps: STEP_KEYS.map((key, index) => ({
      step: key,
      index: index + 1,
      title: STEP_TITLES[key],
      township: isTownshipStep(key),
      entry: entries.get(key) ?? null,
      window: windows.get(key) ?? null,
      findings: e.evaluation.findings.filter((f) => f.step === key),
    })),
    findings: e.evaluation.findings,
    next: e.evaluation.next,
    flags: e.flags,
    lateEntryDays: settings.backdating.lateEntryDays,
  };
}

// ---------------------------------------------------------------- preview and save

export interface StepChange {
  stepKey: StepKey;
  /** The step record of the interchange format; null removes the step. */
  record: Record<string, unknown> | null;
}

export interface StepPreview {
  /** The record cannot be read (the reader's Chinese message), or the date is in the future. */
  invalid: string | null;
  stepDate: IsoDate | null;
  window: StepWindow | null;
  /** Every finding of the dossier after the change. */
  findings: Finding[];
  /** Findings the change adds and removes. */
  introduced: Finding[];
  resolved: Finding[];
  /** Error-level findings that make saving need 保存并标记问题 with a reason. */
  blocking: Finding[];
  /** Days between the step date and today; late when over the setting. */
  lateDays: number | null;
  lateEntryDays: number;
  requiresLateReason: boolean;
}

function findingKey(f: Finding): string {
  return `${f.rule}|${f.step ?? ''}|${f.message}`;
}

function cleanRecord(step: StepKey, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined || v === null || v === '') {
      continue;
    }
    if (k === 'people' && Array.isArray(v)) {
      out[k] = v.map((p) => {
        const person = p as Record<string, unknown>;
        const kept: Record<string, unknown> = {};
        if (typeof person['personId'] === 'number') {
          kept['personId'] = person['personId'];
        }
        if (typeof person['name'] === 'string') {
          kept['name'] = person['name'].trim();
        }
        if (person['disciplinaryProbation'] === true) {
          kept['disciplinaryProbation'] = true;
        }
        if (typeof person['fullMemberSince'] === 'string' && kept['personId'] === undefined) {
          kept['fullMemberSince'] = person['fullMemberSince'];
        }
        return kept;
      });
      continue;
    }
    out[k] = v;
  }
  void step;
  return out;
}

async function previewOn(
  ctx: ServiceContext,
  e: EvaluatedDossier,
  change: StepChange,
): Promise<StepPreview & { dossier: Dossier | null; record: Record<string, unknown> | null }> {
  const settings = await loadRecruitmentSettings(ctx, e.loaded.areaCode);
  const asOf = todayOf(ctx);
  const record = change.record === null ? null : cleanRecord(change.stepKey, change.record);
  const roster = await loadRosterFacts(
    ctx,
    referencedPeople([
      ...e.loaded.entries.map((x) => x.fields),
      ...(record === null ? [] : [record]),
    ]),
  );
  const raw = toRawDossier(e.loaded, roster, { step: change.stepKey, fields: record });
  const built = toDossier(raw);
  const stepDate = record === null ? null : stepDateOf(record);
  const base = {
    stepDate,
    lateEntryDays: settings.backdating.lateEntryDays,
    lateDays: stepDate === null ? null : diffDays(stepDate, asOf),
    requiresLateReason:
      stepDate !== null && isLateEntry(stepDate, isoNow(ctx), settings.backdating),
  };
  const window = windowsFor(e, settings.rules).get(change.stepKey) ?? null;
  if (!built.ok) {
    return {
      ...base,
      invalid: built.message,
      window,
      findings: [],
      introduced: [],
      resolved: [],
      blocking: [],
      dossier: null,
      record,
    };
  }
  const datesInRecord = collectDates(record);
  const future = datesInRecord.find((d) => d > asOf);
  const after = evaluate(built.dossier, {
    asOf,
    settings: settings.rules,
    calendar: workdayCalendar(),
  });
  const before = new Set(e.evaluation.findings.map(findingKey));
  const afterKeys = new Set(after.findings.map(findingKey));
  const introduced = after.findings.filter((f) => !before.has(findingKey(f)));
  const introducedKeys = new Set(introduced.map(findingKey));
  const steps = built.dossier.steps;
  const blocking = after.findings.filter(
    (f) =>
      f.severity === 'error' &&
      (f.step === change.stepKey ||
        (introducedKeys.has(findingKey(f)) && (f.step === null || steps[f.step] !== undefined))),
  );
  return {
    ...base,
    invalid:
      future === undefined ? null : `日期 ${future} 晚于今天（${asOf}），不能录入尚未发生的步骤`,
    window,
    findings: after.findings,
    introduced,
    resolved: e.evaluation.findings.filter((f) => !afterKeys.has(findingKey(f))),
    blocking,
    dossier: built.dossier,
    record,
  };
}

function collectDates(record: Record<string, unknown> | null): IsoDate[] {
  const out: IsoDate[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string' && /date|Date|^dates$/.test(key) && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      out.push(v);
    } else if (Array.isArray(v)) {
      v.forEach((x) => walk(x, key));
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k !== 'fullMemberSince') {
          walk(x, k);
        }
      }
    }
  };
  walk(record, '');
  return out;
}

export async function previewStep(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  change: StepChange,
): Promise<StepPreview> {
  const e = await loadOne(ctx, actor, id);
  const preview = await previewOn(ctx, e, change);
  return {
    invalid: preview.invalid,
    stepDate: preview.stepDate,
    window: preview.window,
    findings: preview.findings,
    introduced: preview.introduced,
    resolved: preview.resolved,
    blocking: preview.blocking,
    lateDays: preview.lateDays,
    lateEntryDays: preview.lateEntryDays,
    requiresLateReason: preview.requiresLateReason,
  };
}

export interface SaveStepInput extends StepChange {
  documentRef?: string | undefined;
  /** Why the step is entered late (补录); required when it is. */
  lateReason?: string | undefined;
  /** 保存并标记问题: why the step is saved despite its error-level findings. */
  flagReason?: string | undefined;
}

export async function saveStep(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: SaveStepInput,
): Promise<DossierDetail> {
  requireStepRole(actor, input.stepKey);
  const e = await loadOne(ctx, actor, id);
  const preview = await previewOn(ctx, e, input);
  if (preview.invalid !== null) {
    throw new AppError(
      preview.dossier === null ? 'ERR_RECRUITMENT_STEP_INVALID' : 'ERR_RECRUITMENT_DATE_FUTURE',
      preview.invalid,
      'record',
    );
  }
  const lateReason = input.lateReason?.trim() ?? '';
  const flagReason = input.flagReason?.trim() ?? '';
  if (input.record !== null && preview.requiresLateReason && lateReason === '') {
    throw new AppError(
      'ERR_RECRUITMENT_LATE_REASON_REQUIRED',
      `“${STEP_TITLES[input.stepKey]}”日期 ${preview.stepDate ?? ''} 距今 ${preview.lateDays ?? 0} 天，超过 ${preview.lateEntryDays} 天属于补录，请填写补录原因`,
      'lateReason',
    );
  }
  if (input.record !== null && preview.blocking.length > 0 && flagReason === '') {
    const first = preview.blocking[0] as Finding;
    throw new AppError(
      'ERR_RECRUITMENT_FINDING_UNFLAGGED',
      `存在 ${preview.blocking.length} 个错误：${first.message}（${first.citation}）。如确需保存，请选择“保存并标记问题”并说明原因`,
      'flagReason',
    );
  }
  const settings = await loadRecruitmentSettings(ctx, e.loaded.areaCode);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const previous = e.loaded.entries.find((x) => x.step === input.stepKey) ?? null;
    await trx
      .deleteFrom('recruitmentStep')
      .where('dossierId', '=', id)
      .where('stepKey', '=', input.stepKey)
      .execute();
    if (input.record !== null && preview.record !== null) {
      const late = isLateEntry(preview.stepDate, at, settings.backdating);
      await trx
        .insertInto('recruitmentStep')
        .values({
          dossierId: id,
          stepKey: input.stepKey,
          stepDate: preview.stepDate,
          fieldsJson: JSON.stringify(preview.record),
          documentRef: input.documentRef?.trim() || null,
          recordedAt: at,
          recordedById: actor.accountId,
          recordedByName: actor.name,
          lateEntry: late ? 1 : 0,
          lateReason: late ? lateReason : null,
          flagReason: preview.blocking.length > 0 ? flagReason : null,
          flagFindingsJson: preview.blocking.length > 0 ? JSON.stringify(preview.blocking) : null,
          areaCode: e.loaded.areaCode,
        })
        .execute();
    }
    const stage = preview.dossier === null ? e.stage : stageOf(preview.dossier.steps);
    await trx
      .updateTable('recruitmentDossier')
      .set({ stage, updatedAt: at })
      .where('id', '=', id)
      .execute();
    await syncMembership(trx, actor, at, e.loaded, stage, preview.dossier);
    await appendAudit(trx, actor, at, {
      action: input.record === null ? 'recruitment.deleteStep' : 'recruitment.saveStep',
      entityType: 'recruitmentDossier',
      entityId: id,
      areaCode: e.loaded.areaCode,
      orgPath: e.loaded.orgPath,
      before:
        previous === null
          ? undefined
          : { step: input.stepKey, title: STEP_TITLES[input.stepKey], fields: previous.fields },
      after:
        preview.record === null
          ? undefined
          : {
              step: input.stepKey,
              title: STEP_TITLES[input.stepKey],
              fields: preview.record,
              documentRef: input.documentRef?.trim() || null,
              lateReason: lateReason || null,
              flagReason: preview.blocking.length > 0 ? flagReason : null,
              flagRules: preview.blocking.map((f) => f.rule),
            },
    });
  });
  return getDossier(ctx, actor, id);
}

/**
 * Keeps the roster's membership status in step with the dossier's stage, through the roster's
 * membership events (接收为预备党员, 转正, or 更正 for the other stages), audited in this transaction.
 */
export async function syncMembership(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  d: LoadedDossier,
  stage: Stage,
  dossier: Dossier | null,
): Promise<void> {
  const status = MEMBERSHIP_OF_STAGE[stage];
  if (status === null) {
    return;
  }
  const steps = dossier?.steps;
  const joinedOn =
    stage === 'probationary' || stage === 'full' ? (steps?.admissionMeeting?.date ?? null) : null;
  const fullMemberSince =
    stage === 'full'
      ? (steps?.fullMembershipApproval?.fullMemberSince ??
        steps?.fullMembershipApproval?.date ??
        null)
      : null;
  const since: Record<Stage, string | null> = {
    applicant: steps?.application?.date ?? null,
    activist: steps?.activistSelection?.date ?? null,
    candidate: steps?.candidateSelection?.date ?? null,
    probationary: joinedOn,
    full: fullMemberSince,
    stopped: null,
  };
  await followRecruitmentIn(
    trx,
    actor,
    at,
    chinaDateOf(at),
    d.personId,
    { status, joinedOn, fullMemberSince, since: since[stage] },
    `发展党员档案 ${d.code}：${STAGE_NOTE[stage]}`,
  );
}

const STAGE_NOTE: Record<Stage, string> = {
  applicant: '入党申请人',
  activist: '列为入党积极分子',
  candidate: '列为发展对象',
  probationary: '接收为预备党员',
  full: '转为正式党员',
  stopped: '终止',
};

// ---------------------------------------------------------------- history

export interface HistoryItem {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  summary: string;
}

export async function dossierHistory(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<HistoryItem[]> {
  await loadOne(ctx, actor, id);
  const rows = await ctx.db
    .selectFrom('auditEntry')
    .selectAll()
    .where('entityType', '=', 'recruitmentDossier')
    .where('entityId', '=', String(id))
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => {
    const after =
      r.afterJson === null ? null : (JSON.parse(r.afterJson) as Record<string, unknown>);
    const before =
      r.beforeJson === null ? null : (JSON.parse(r.beforeJson) as Record<string, unknown>);
    return {
      seq: r.seq,
      at: r.at,
      actorName: r.actorName,
      action: r.action,
      summary: historySummary(r.action, before, after),
    };
  });
}

function historySummary(
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string {
  const title = String(after?.['title'] ?? before?.['title'] ?? '');
  const dateText = (v: Record<string, unknown> | null): string => {
    const f = v?.['fields'];
    const d = f === undefined ? null : stepDateOf(f);
    return d ?? '';
  };
  switch (action) {
    case 'recruitment.createDossier':
      return `建立档案 ${String(after?.['code'] ?? '')}（${String(after?.['name'] ?? '')}，${String(after?.['branch'] ?? '')}）`;
    case 'recruitment.saveStep': {
      const parts = [
        before === null
          ? `录入“${title}” ${dateText(after)}`
          : `修改“${title}” ${dateText(before)} → ${dateText(after)}`,
      ];
      if (typeof after?.['lateReason'] === 'string') {
        parts.push(`补录原因：${after['lateReason']}`);
      }
      if (typeof after?.['flagReason'] === 'string') {
        parts.push(`标记问题：${after['flagReason']}`);
      }
      return parts.join('；');
    }
    case 'recruitment.deleteStep':
      return `删除“${title}” ${dateText(before)}`;
    default:
      return action;
  }
}
