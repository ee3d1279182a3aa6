/**
 * Reads stored dossiers into the interchange format (`Dossier`) so the rule engine runs on them,
 * with each step's entry record (who, when, 补录, flag) beside it.
 */
import { addMonths, type IsoDate } from '../../domain/calendar/date';
import { readDossier } from '../../domain/dossier/read-dossier';
import { STEP_KEYS, type Dossier, type StepKey, type Steps } from '../../domain/dossier/types';
import type { Finding } from '../../domain/rules/engine';
import type { ServiceContext } from '../context';

export interface StepEntry {
  step: StepKey;
  date: IsoDate | null;
  /** The record as stored (people with personId). */
  fields: Record<string, unknown>;
  documentRef: string | null;
  recordedAt: string;
  recordedById: number | null;
  recordedByName: string;
  lateEntry: boolean;
  lateReason: string | null;
  flagReason: string | null;
  flagFindings: Finding[];
}

export interface LoadedDossier {
  id: number;
  code: string;
  personId: number;
  name: string;
  gender: '男' | '女';
  birthDate: IsoDate | null;
  idNumber: string | null;
  education: string | null;
  occupation: string | null;
  orgId: number;
  orgName: string;
  orgPath: string;
  areaCode: string;
  stage: string;
  createdAt: string;
  updatedAt: string;
  entries: StepEntry[];
  probationExtensions: { decidedOn?: IsoDate; months: number }[];
}

/** What the roster says of a mentor or sponsor. */
export interface RosterFacts {
  name: string;
  status: string;
  joinedOn: IsoDate | null;
  fullMemberSince: IsoDate | null;
}

export interface DossierFilter {
  scopePath: string;
  dossierId?: number;
  orgId?: number;
}

/** Loads dossiers under a path (and optionally one id or one branch), steps included. */
export async function loadDossiers(
  ctx: ServiceContext,
  filter: DossierFilter,
): Promise<LoadedDossier[]> {
  let query = ctx.db
    .selectFrom('recruitmentDossier as d')
    .innerJoin('person as p', 'p.id', 'd.personId')
    .innerJoin('org as o', 'o.id', 'd.orgId')
    .select([
      'd.id',
      'd.code',
      'd.personId',
      'd.orgId',
      'd.areaCode',
      'd.stage',
      'd.probationExtensionsJson',
      'd.createdAt',
      'd.updatedAt',
      'p.name',
      'p.gender',
      'p.birthDate',
      'p.idNumber',
      'p.education',
      'p.occupation',
      'o.name as orgName',
      'o.path as orgPath',
    ])
    .where('o.path', 'like', `${filter.scopePath}%`);
  if (filter.dossierId !== undefined) {
    query = query.where('d.id', '=', filter.dossierId);
  }
  if (filter.orgId !== undefined) {
    query = query.where('d.orgId', '=', filter.orgId);
  }
  const rows = await query.orderBy('d.id').execute();
  if (rows.length === 0) {
    return [];
  }
  let stepQuery = ctx.db
    .selectFrom('recruitmentStep as s')
    .innerJoin('recruitmentDossier as d', 'd.id', 's.dossierId')
    .innerJoin('org as o', 'o.id', 'd.orgId')
    .selectAll('s')
    .where('o.path', 'like', `${filter.scopePath}%`);
  if (filter.dossierId !== undefined) {
    stepQuery = stepQuery.where('s.dossierId', '=', filter.dossierId);
  }
  if (filter.orgId !== undefined) {
    stepQuery = stepQuery.where('d.orgId', '=', filter.orgId);
  }
  const steps = await stepQuery.execute();
  const byDossier = new Map<number, StepEntry[]>();
  for (const s of steps) {
    const list = byDossier.get(s.dossierId) ?? [];
    list.push({
      step: s.stepKey as StepKey,
      date: s.stepDate,
      fields: JSON.parse(s.fieldsJson) as Record<string, unknown>,
      documentRef: s.documentRef,
      recordedAt: s.recordedAt,
      recordedById: s.recordedById,
      recordedByName: s.recordedByName,
      lateEntry: Number(s.lateEntry) === 1,
      lateReason: s.lateReason,
      flagReason: s.flagReason,
      flagFindings:
        s.flagFindingsJson === null ? [] : (JSON.parse(s.flagFindingsJson) as Finding[]),
    });
    byDossier.set(s.dossierId, list);
  }
  const order = new Map(STEP_KEYS.map((k, i) => [k, i]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    personId: r.personId,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    idNumber: r.idNumber,
    education: r.education,
    occupation: r.occupation,
    orgId: r.orgId,
    orgName: r.orgName,
    orgPath: r.orgPath,
    areaCode: r.areaCode,
    stage: r.stage,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    entries: (byDossier.get(r.id) ?? []).sort(
      (a, b) => (order.get(a.step) ?? 0) - (order.get(b.step) ?? 0),
    ),
    probationExtensions:
      r.probationExtensionsJson === null
        ? []
        : (JSON.parse(r.probationExtensionsJson) as { decidedOn?: IsoDate; months: number }[]),
  }));
}

/** person ids named as mentors or sponsors in the given step records. */
export function referencedPeople(records: Iterable<Record<string, unknown>>): number[] {
  const ids = new Set<number>();
  for (const r of records) {
    const people = r['people'];
    if (Array.isArray(people)) {
      for (const p of people) {
        const id = (p as { personId?: unknown }).personId;
        if (typeof id === 'number') {
          ids.add(id);
        }
      }
    }
  }
  return [...ids];
}

/** The roster facts of people by id: name, membership status, 入党 and 转正 dates. */
export async function loadRosterFacts(
  ctx: ServiceContext,
  personIds: readonly number[],
): Promise<Map<number, RosterFacts>> {
  const facts = new Map<number, RosterFacts>();
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    const rows = await ctx.db
      .selectFrom('person as p')
      .leftJoin('partyMembership as m', 'm.personId', 'p.id')
      .select(['p.id', 'p.name', 'm.status', 'm.joinedOn', 'm.fullMemberSince'])
      .where('p.id', 'in', chunk)
      .execute();
    for (const r of rows) {
      facts.set(r.id, {
        name: r.name,
        status: r.status ?? 'none',
        joinedOn: r.joinedOn ?? null,
        fullMemberSince: r.fullMemberSince ?? null,
      });
    }
  }
  return facts;
}

/**
 * The day a roster person is (or will be) a 正式党员: the recorded 转正日期; for a 预备党员 not
 * yet 转正, the end of the one-year probation (so an earlier step date is a finding); unknown
 * otherwise.
 */
export function fullMemberSinceOf(facts: RosterFacts | undefined): IsoDate | undefined {
  if (facts === undefined) {
    return undefined;
  }
  if (facts.fullMemberSince !== null) {
    return facts.fullMemberSince;
  }
  if (facts.status === 'probationary' && facts.joinedOn !== null) {
    return addMonths(facts.joinedOn, 12);
  }
  return undefined;
}

/** A step record with the people's names and 正式党员 dates taken from the roster. */
export function withRosterFacts(
  fields: Record<string, unknown>,
  roster: Map<number, RosterFacts>,
): Record<string, unknown> {
  const people = fields['people'];
  if (!Array.isArray(people)) {
    return fields;
  }
  return {
    ...fields,
    people: people.map((raw) => {
      const p = { ...(raw as Record<string, unknown>) };
      const id = p['personId'];
      if (typeof id === 'number') {
        const facts = roster.get(id);
        const since = fullMemberSinceOf(facts);
        if (facts !== undefined) {
          p['name'] = facts.name;
        }
        if (since === undefined) {
          delete p['fullMemberSince'];
        } else {
          p['fullMemberSince'] = since;
        }
      }
      return p;
    }),
  };
}

/** The raw interchange object of a stored dossier, steps replaced or removed as given. */
export function toRawDossier(
  d: LoadedDossier,
  roster: Map<number, RosterFacts>,
  override?: { step: StepKey; fields: Record<string, unknown> | null },
): Record<string, unknown> {
  const steps: Record<string, unknown> = {};
  for (const e of d.entries) {
    steps[e.step] = withRosterFacts(e.fields, roster);
  }
  if (override !== undefined) {
    if (override.fields === null) {
      delete steps[override.step];
    } else {
      steps[override.step] = withRosterFacts(override.fields, roster);
    }
  }
  const raw: Record<string, unknown> = {
    id: d.code,
    name: d.name,
    gender: d.gender,
    branch: d.orgName,
    steps,
  };
  if (d.birthDate !== null) {
    raw['birthDate'] = d.birthDate;
  }
  if (d.idNumber !== null) {
    raw['idNumber'] = d.idNumber;
  }
  if (d.probationExtensions.length > 0) {
    raw['probationExtensions'] = d.probationExtensions;
  }
  return raw;
}

/** Builds and validates the Dossier; `null` and the reader's message when it is not readable. */
export function toDossier(
  raw: Record<string, unknown>,
): { ok: true; dossier: Dossier } | { ok: false; message: string } {
  const result = readDossier(raw, 1);
  if (result.ok) {
    return { ok: true, dossier: result.dossier };
  }
  return { ok: false, message: result.error.message.replace(/^第1行 /, '') };
}

export function stepsOf(d: Dossier): Steps {
  return d.steps;
}
