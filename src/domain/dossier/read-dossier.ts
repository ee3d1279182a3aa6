/**
 * Reads one parsed JSON value into a typed Dossier, or says why the line is unreadable.
 *
 * This is the fast path used by `check`: it validates the value in place (no copy) against the
 * same contract as `dossierSchema` (schema.ts), which a test keeps in step. See docs/adr/0005.
 */
import { parseIsoDate } from '../calendar/date';
import {
  ACTIVIST_DECIDERS,
  APPROVER_LEVELS,
  GENDERS,
  MEETING_OUTCOMES,
  RECOMMENDATION_METHODS,
  REVIEW_RESULTS,
  STEP_KEYS,
  TALK_ROLES,
  type Dossier,
  type InputError,
  type InputErrorCode,
  type StepKey,
} from './types';

export type ReadDossierResult =
  { ok: true; dossier: Dossier } | { ok: false; id: string | null; error: InputError };

type FieldKind =
  | 'date'
  | 'dates'
  | 'count'
  | 'hours'
  | 'string'
  | 'people'
  | 'documents'
  | 'notice'
  | readonly string[];

interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
}

function f(name: string, kind: FieldKind, required = true): FieldSpec {
  return { name, kind, required };
}

const VOTE_FIELDS: FieldSpec[] = [
  f('date', 'date'),
  f('expectedVoters', 'count'),
  f('presentVoters', 'count'),
  f('votesFor', 'count'),
  f('writtenVotesFor', 'count', false),
  f('candidatesInVote', 'count', false),
];

/** Field contract of each step (dossier-format.md §2). */
const STEP_FIELDS: Readonly<Record<StepKey, readonly FieldSpec[]>> = {
  application: [f('date', 'date'), f('receivedDate', 'date', false)],
  applicationTalk: [f('date', 'date')],
  activistSelection: [
    f('date', 'date'),
    f('method', RECOMMENDATION_METHODS, false),
    f('decidedBy', ACTIVIST_DECIDERS, false),
  ],
  activistFiling: [f('date', 'date')],
  mentors: [f('date', 'date'), f('people', 'people')],
  activistReviews: [f('dates', 'dates')],
  candidateSelection: [f('date', 'date')],
  candidateFiling: [f('date', 'date')],
  sponsors: [f('date', 'date'), f('people', 'people')],
  politicalReview: [
    f('date', 'date'),
    f('result', REVIEW_RESULTS),
    f('inquiryReplyDates', 'dates', false),
  ],
  training: [f('startDate', 'date'), f('endDate', 'date'), f('hours', 'hours', false)],
  committeeReview: [f('date', 'date')],
  preReview: [f('date', 'date'), f('publicNotice', 'notice', false)],
  applicationForm: [f('date', 'date')],
  admissionMeeting: VOTE_FIELDS,
  approvalTalk: [f('date', 'date'), f('byRole', TALK_ROLES, false)],
  approval: [
    f('date', 'date'),
    f('approverLevel', APPROVER_LEVELS, false),
    f('specialCircumstance', 'string', false),
  ],
  approvalFiling: [f('date', 'date')],
  groupAssignment: [f('date', 'date')],
  oath: [f('date', 'date')],
  probationReviews: [f('dates', 'dates')],
  fullMembershipApplication: [f('date', 'date')],
  fullMembershipMeeting: [...VOTE_FIELDS, f('outcome', MEETING_OUTCOMES)],
  fullMembershipApproval: [f('date', 'date'), f('fullMemberSince', 'date', false)],
  archiving: [f('date', 'date'), f('documents', 'documents')],
};

/** A field spec with its message path (`steps.<key>.<name>`) built once, not per dossier. */
interface StepFieldSpec extends FieldSpec {
  path: string;
}

/** Per step: its message path and field specs, keyed by step key (unknown keys are absent). */
const STEP_CONTRACT: ReadonlyMap<string, { path: string; fields: readonly StepFieldSpec[] }> =
  new Map(
    STEP_KEYS.map((key) => [
      key,
      {
        path: `steps.${key}`,
        fields: STEP_FIELDS[key].map((spec) => ({ ...spec, path: `steps.${key}.${spec.name}` })),
      },
    ]),
  );

class InputProblem {
  constructor(
    readonly code: InputErrorCode,
    readonly detail: string,
  ) {}
}

/** How a value is shown in a message: strings bare, everything else as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value === undefined) {
    return '（空）';
  }
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function fail(code: InputErrorCode, detail: string): never {
  throw new InputProblem(code, detail);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkDate(value: unknown, path: string): void {
  if (parseIsoDate(value) === null) {
    if (typeof value !== 'string') {
      fail('ERR_INPUT_DATE', `${path} 应为 YYYY-MM-DD 格式的日期：${showValue(value)}`);
    }
    fail('ERR_INPUT_DATE', `${path} 不是有效日期：${value}`);
  }
}

function checkCount(value: unknown, path: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail('ERR_INPUT_COUNT', `${path} 应为非负整数：${showValue(value)}`);
  }
}

function checkString(value: unknown, path: string): void {
  if (typeof value !== 'string') {
    fail('ERR_INPUT_FIELD', `${path} 应为文字：${showValue(value)}`);
  }
}

function checkPeople(value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    fail('ERR_INPUT_FIELD', `${path} 应为人员列表：${showValue(value)}`);
  }
  for (let i = 0; i < value.length; i++) {
    const person: unknown = value[i];
    // `${path}[${i}]` is built only for a message.
    if (!isObject(person)) {
      fail('ERR_INPUT_FIELD', `${path}[${i}] 应为对象：${showValue(person)}`);
    }
    if (typeof person.name !== 'string' || person.name.length === 0) {
      fail('ERR_INPUT_FIELD', `${path}[${i}].name 缺少姓名：${showValue(person.name)}`);
    }
    if (person.fullMemberSince !== undefined && parseIsoDate(person.fullMemberSince) === null) {
      checkDate(person.fullMemberSince, `${path}[${i}].fullMemberSince`);
    }
    if (
      person.disciplinaryProbation !== undefined &&
      typeof person.disciplinaryProbation !== 'boolean'
    ) {
      fail(
        'ERR_INPUT_FIELD',
        `${path}[${i}].disciplinaryProbation 应为 true 或 false：${showValue(person.disciplinaryProbation)}`,
      );
    }
  }
}

function checkField(value: unknown, kind: FieldKind, path: string): void {
  if (typeof kind !== 'string') {
    if (typeof value !== 'string' || !kind.includes(value)) {
      fail(
        'ERR_INPUT_FIELD',
        `${path} 不是可接受的取值（${kind.join('、')}）：${showValue(value)}`,
      );
    }
    return;
  }
  switch (kind) {
    case 'date':
      checkDate(value, path);
      return;
    case 'dates':
      if (!Array.isArray(value)) {
        fail('ERR_INPUT_FIELD', `${path} 应为日期列表：${showValue(value)}`);
      }
      for (let i = 0; i < value.length; i++) {
        const date: unknown = value[i];
        // The element's path is built only for the message.
        if (parseIsoDate(date) === null) {
          checkDate(date, `${path}[${i}]`);
        }
      }
      return;
    case 'count':
      checkCount(value, path);
      return;
    case 'hours':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        fail('ERR_INPUT_COUNT', `${path} 应为非负数：${showValue(value)}`);
      }
      return;
    case 'string':
      checkString(value, path);
      return;
    case 'people':
      checkPeople(value, path);
      return;
    case 'documents':
      if (!Array.isArray(value) || !value.every((d) => typeof d === 'string')) {
        fail('ERR_INPUT_FIELD', `${path} 应为文字列表：${showValue(value)}`);
      }
      return;
    case 'notice':
      if (!isObject(value)) {
        fail('ERR_INPUT_FIELD', `${path} 应为对象：${showValue(value)}`);
      }
      checkDate(value.startDate, `${path}.startDate`);
      checkDate(value.endDate, `${path}.endDate`);
      return;
  }
}

function checkVote(step: Record<string, unknown>, path: string): void {
  const expected = step.expectedVoters as number;
  const present = step.presentVoters as number;
  const votesFor = step.votesFor as number;
  const written = (step.writtenVotesFor as number | undefined) ?? 0;
  if (expected < 1) {
    fail('ERR_INPUT_VOTE', `${path} 应到会有表决权人数至少为 1：${expected}`);
  }
  if (present > expected) {
    fail('ERR_INPUT_VOTE', `${path} 实到会人数 ${present} 多于应到会人数 ${expected}`);
  }
  if (votesFor > present) {
    fail('ERR_INPUT_VOTE', `${path} 赞成票 ${votesFor} 多于实到会人数 ${present}`);
  }
  if (votesFor + written > expected) {
    fail(
      'ERR_INPUT_VOTE',
      `${path} 赞成票 ${votesFor} 加书面赞成 ${written} 多于应到会人数 ${expected}`,
    );
  }
}

function checkSteps(steps: unknown): void {
  if (!isObject(steps)) {
    fail('ERR_INPUT_FIELD', `steps 应为对象：${showValue(steps)}`);
  }
  for (const key in steps) {
    const step = steps[key];
    const contract = STEP_CONTRACT.get(key);
    if (contract === undefined) {
      fail('ERR_INPUT_STEP', `steps.${key} 不是 25 个步骤之一`);
    }
    const path = contract.path;
    if (!isObject(step)) {
      fail('ERR_INPUT_FIELD', `${path} 应为对象：${showValue(step)}`);
    }
    for (const spec of contract.fields) {
      const value = step[spec.name];
      if (value === undefined) {
        if (spec.required) {
          fail('ERR_INPUT_FIELD', `${spec.path} 缺少必填字段`);
        }
        continue;
      }
      checkField(value, spec.kind, spec.path);
    }
    if (key === 'admissionMeeting' || key === 'fullMembershipMeeting') {
      checkVote(step, path);
    }
  }
}

function checkDossier(raw: Record<string, unknown>): void {
  if (typeof raw.id !== 'string' || raw.id.length === 0) {
    fail('ERR_INPUT_FIELD', `id 缺少档案编号：${showValue(raw.id)}`);
  }
  if (typeof raw.name !== 'string' || raw.name.length === 0) {
    fail('ERR_INPUT_FIELD', `name 缺少姓名：${showValue(raw.name)}`);
  }
  if (typeof raw.branch !== 'string' || raw.branch.length === 0) {
    fail('ERR_INPUT_FIELD', `branch 缺少所在党支部：${showValue(raw.branch)}`);
  }
  if (raw.gender !== undefined) {
    checkField(raw.gender, GENDERS, 'gender');
  }
  if (raw.birthDate !== undefined) {
    checkDate(raw.birthDate, 'birthDate');
  }
  if (raw.idNumber !== undefined) {
    checkString(raw.idNumber, 'idNumber');
  }
  if (raw.birthDate === undefined) {
    if (raw.idNumber === undefined) {
      fail('ERR_INPUT_FIELD', 'birthDate 和 idNumber 都缺少，无法确定出生日期');
    }
    // Without birthDate the ID number is the only source of the birth date.
    const id = raw.idNumber as string;
    if (
      !/^\d{17}[\dXx]$/.test(id) ||
      parseIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) === null
    ) {
      fail('ERR_INPUT_FIELD', `idNumber 无法读出出生日期，且缺少 birthDate：${id}`);
    }
  }
  checkSteps(raw.steps);
  const extensions = raw.probationExtensions;
  if (extensions !== undefined) {
    if (!Array.isArray(extensions)) {
      fail('ERR_INPUT_FIELD', `probationExtensions 应为列表：${showValue(extensions)}`);
    }
    for (let i = 0; i < extensions.length; i++) {
      const ext: unknown = extensions[i];
      const at = `probationExtensions[${i}]`;
      if (!isObject(ext)) {
        fail('ERR_INPUT_FIELD', `${at} 应为对象：${showValue(ext)}`);
      }
      if (ext.months === undefined) {
        fail('ERR_INPUT_FIELD', `${at}.months 缺少必填字段`);
      }
      checkCount(ext.months, `${at}.months`);
      if (ext.decidedOn !== undefined) {
        checkDate(ext.decidedOn, `${at}.decidedOn`);
      }
    }
  }
}

/** The `第N行 ` prefix of every input message. */
export function linePrefix(line: number): string {
  return `第${line}行 `;
}

/**
 * Validates one parsed JSON value; `line` is the 1-based line (or row, or array position)
 * named in the message.
 * @example readDossier(JSON.parse(text), 12) // { ok: false, id: 'X', error: { code: 'ERR_INPUT_DATE', message: '第12行 steps.oath.date 不是有效日期：2024-02-30' } }
 */
export function readDossier(raw: unknown, line: number): ReadDossierResult {
  if (!isObject(raw)) {
    return {
      ok: false,
      id: null,
      error: {
        code: 'ERR_INPUT_JSON',
        message: `${linePrefix(line)}不是一个档案对象：${showValue(raw)}`,
      },
    };
  }
  try {
    checkDossier(raw);
  } catch (problem) {
    if (problem instanceof InputProblem) {
      return {
        ok: false,
        id: typeof raw.id === 'string' ? raw.id : null,
        error: { code: problem.code, message: `${linePrefix(line)}${problem.detail}` },
      };
    }
    throw problem;
  }
  return { ok: true, dossier: raw as unknown as Dossier };
}

/** The unreadable-line error for text that is not JSON. */
export function jsonInputError(line: number, reason: string): InputError {
  return { code: 'ERR_INPUT_JSON', message: `${linePrefix(line)}不是有效的 JSON：${reason}` };
}
