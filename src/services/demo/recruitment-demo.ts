/**
 * 发展党员 demo: about 40 dossiers across the demo branches at every stage, made deterministically
 * from the seed, with a few realistic flaws — a 培养期 one day short, a 公示 that counted the 国庆
 * holiday, a sponsor still on probation (saved with 标记问题), steps entered late (补录) and a
 * dossier written up in one sitting (集中补录), and a talk that is overdue.
 */
import type { Transaction } from 'kysely';
import { addDays, addMonths, type IsoDate } from '../../domain/calendar/date';
import { idCheckChar } from '../../domain/id-number';
import { noticePeriod } from '../../domain/recruitment/notice';
import { stageOf, stepDateOf } from '../../domain/recruitment/stage';
import { REQUIRED_DOCUMENTS, STEP_KEYS, type StepKey } from '../../domain/dossier/types';
import { readDossier } from '../../domain/dossier/read-dossier';
import { evaluate } from '../../domain/rules/catalogue';
import type { Finding } from '../../domain/rules/engine';
import { DEFAULT_SETTINGS } from '../../domain/rules/settings';
import type { Database } from '../../db/schema';
import { createRng, type Rng } from '../gen/rng';
import { inventName, type Gender } from '../gen/names';
import { workdayCalendar } from '../recruitment/settings';

/** The demo's "today" for dossier dates, fixed so the same seed gives the same dossiers. */
export const RECRUITMENT_DEMO_TODAY: IsoDate = '2026-11-20';

type Record_ = Record<string, unknown>;

interface Mentor {
  personId: number;
  name: string;
}

/** A lawful dossier from an application date: every step on a date the rules allow. */
export function lawfulSteps(
  application: IsoDate,
  mentors: [Mentor, Mentor],
  sponsors: [Mentor, Mentor],
): Map<StepKey, Record_> {
  const cal = workdayCalendar();
  const wd = (d: IsoDate): IsoDate => cal.nthWorkday(d, 1);
  const s = new Map<StepKey, Record_>();
  s.set('application', { date: application });
  s.set('applicationTalk', { date: wd(addDays(application, 10)) });
  const act = wd(addDays(addMonths(application, 6), 5));
  s.set('activistSelection', { date: act, method: '党员推荐', decidedBy: '支部委员会' });
  s.set('activistFiling', { date: wd(addDays(act, 7)) });
  s.set('mentors', { date: wd(addDays(act, 3)), people: mentors });
  s.set('activistReviews', { dates: [addMonths(act, 5), addMonths(act, 10)] });
  const cand = wd(addDays(addMonths(act, 12), 10));
  s.set('candidateSelection', { date: cand });
  s.set('candidateFiling', { date: wd(addDays(cand, 7)) });
  s.set('sponsors', { date: wd(addDays(cand, 5)), people: sponsors });
  s.set('training', { startDate: addDays(cand, 20), endDate: addDays(cand, 24), hours: 32 });
  s.set('politicalReview', { date: wd(addDays(cand, 30)), result: '合格' });
  const committee = wd(addDays(cand, 40));
  s.set('committeeReview', { date: committee });
  const pre = wd(addDays(committee, 7));
  const notice = noticePeriod(addDays(pre, 1), 5, cal);
  s.set('preReview', {
    date: pre,
    publicNotice: { startDate: notice.startDate, endDate: notice.endDate },
  });
  const form = wd(addDays(notice.endDate, 3));
  s.set('applicationForm', { date: form });
  const meeting = wd(addDays(form, 7));
  s.set('admissionMeeting', { date: meeting, expectedVoters: 21, presentVoters: 19, votesFor: 18 });
  s.set('approvalTalk', { date: wd(addDays(meeting, 10)), byRole: '组织员' });
  const approval = wd(addDays(meeting, 30));
  s.set('approval', { date: approval, approverLevel: '乡镇党委' });
  s.set('approvalFiling', { date: wd(addDays(approval, 10)) });
  s.set('groupAssignment', { date: wd(addDays(approval, 5)) });
  s.set('oath', { date: wd(addDays(approval, 20)) });
  s.set('probationReviews', {
    dates: [addMonths(meeting, 3), addMonths(meeting, 6), addMonths(meeting, 9)],
  });
  const probationEnd = addMonths(meeting, 12);
  s.set('fullMembershipApplication', { date: addDays(probationEnd, -15) });
  const fullMeeting = wd(addDays(probationEnd, 3));
  s.set('fullMembershipMeeting', {
    date: fullMeeting,
    expectedVoters: 22,
    presentVoters: 20,
    votesFor: 20,
    outcome: '转为正式党员',
  });
  const fullApproval = wd(addDays(fullMeeting, 25));
  s.set('fullMembershipApproval', { date: fullApproval, fullMemberSince: probationEnd });
  s.set('archiving', { date: wd(addDays(fullApproval, 15)), documents: [...REQUIRED_DOCUMENTS] });
  return s;
}

/** Index in STEP_KEYS of the last step each stage's demo dossiers have reached. */
const LAST_STEP_BY_PLAN: readonly { last: StepKey; count: number }[] = [
  { last: 'application', count: 4 },
  { last: 'applicationTalk', count: 4 },
  { last: 'mentors', count: 5 },
  { last: 'activistReviews', count: 6 },
  { last: 'politicalReview', count: 3 },
  { last: 'committeeReview', count: 3 },
  { last: 'admissionMeeting', count: 2 },
  { last: 'oath', count: 4 },
  { last: 'probationReviews', count: 4 },
  { last: 'archiving', count: 5 },
];

const EDUCATION = ['高中', '中专', '大专', '大专', '本科', '本科', '初中'];
const OCCUPATIONS = ['农民', '农民', '工人', '个体工商户', '村干部', '教师', '学生', '企业职工'];

/** A birth date that makes the applicant 19–50 on the application day, mostly 35 or younger. */
function birthDateFor(rng: Rng, application: IsoDate): IsoDate {
  const minAge = 2026 - Number(application.slice(0, 4)) + 19;
  const age = rng.chance(0.75) ? rng.int(minAge, minAge + 14) : rng.int(minAge + 15, minAge + 30);
  return `${2026 - age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function idNumberFor(rng: Rng, birthDate: IsoDate, gender: Gender, areaCode: string): string {
  const seq = rng.int(0, 49) * 2 + (gender === '男' ? 1 : 0) + 600;
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** An instant on `date` at 09:00–17:59 China time, as ISO UTC. */
function instantOn(rng: Rng, date: IsoDate): string {
  const hour = rng.int(1, 9);
  const minute = rng.int(0, 59);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}

export interface RecruitmentDemoResult {
  dossiers: number;
  quotas: number;
}

/**
 * Writes the demo dossiers into the seeding transaction: new applicants (person + membership),
 * dossiers, steps with who entered them and when, and the 2026 quota of each branch.
 */
export async function seedRecruitmentDemo(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
  seed: number | string = 2026,
): Promise<RecruitmentDemoResult> {
  const rng = createRng(`recruitment-${String(seed)}`);
  const branches = await trx
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('areaCode', '=', areaCode)
    .where('kind', '=', 'branch')
    .orderBy('id')
    .execute();
  if (branches.length === 0) {
    return { dossiers: 0, quotas: 0 };
  }
  const fullMembers = await trx
    .selectFrom('partyMembership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .select(['m.orgId', 'p.id', 'p.name', 'm.fullMemberSince'])
    .where('m.areaCode', '=', areaCode)
    .where('m.status', '=', 'full')
    .orderBy('p.id')
    .execute();
  const probationers = await trx
    .selectFrom('partyMembership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .select(['m.orgId', 'p.id', 'p.name', 'm.joinedOn'])
    .where('m.areaCode', '=', areaCode)
    .where('m.status', '=', 'probationary')
    .orderBy('p.id')
    .execute();
  const membersOf = (orgId: number): Mentor[] =>
    fullMembers
      .filter(
        (m) => m.orgId === orgId && m.fullMemberSince !== null && m.fullMemberSince < '2020-01-01',
      )
      .map((m) => ({ personId: m.id, name: m.name }));
  const sinceOf = new Map<number, IsoDate>();
  for (const m of fullMembers) {
    if (m.fullMemberSince !== null) {
      sinceOf.set(m.id, m.fullMemberSince);
    }
  }
  for (const p of probationers) {
    if (p.joinedOn !== null) {
      sinceOf.set(p.id, addMonths(p.joinedOn, 12));
    }
  }

  const plan: StepKey[] = LAST_STEP_BY_PLAN.flatMap((p) => Array<StepKey>(p.count).fill(p.last));
  let n = 0;
  const cal = workdayCalendar();
  for (const [i, last] of plan.entries()) {
    // 河口村's branches (the demo 村书记's scope) get every third dossier.
    const branch =
      i % 3 === 0
        ? (branches[(i / 3) % 3] ?? branches[0])
        : branches[3 + (i % (branches.length - 3))];
    if (branch === undefined) {
      continue;
    }
    const pool = membersOf(branch.id);
    const pick = (): Mentor => pool[rng.int(0, pool.length - 1)] ?? { personId: 0, name: '' };
    const mentorA = pick();
    let mentorB = pick();
    while (pool.length > 1 && mentorB.personId === mentorA.personId) {
      mentorB = pick();
    }
    let sponsorA = pick();
    let sponsorB = pick();
    while (
      pool.length > 2 &&
      (sponsorA.personId === mentorA.personId || sponsorA.personId === sponsorB.personId)
    ) {
      sponsorA = pick();
      sponsorB = pick();
    }
    // Place the last step 10–70 days before the demo's today.
    const probe = lawfulSteps('2020-01-01', [mentorA, mentorB], [sponsorA, sponsorB]);
    const probeDate = stepDateOf(probe.get(last)) ?? '2020-01-01';
    const offset = Math.round((Date.parse(probeDate) - Date.parse('2020-01-01')) / 86_400_000);
    const ago = last === 'application' ? rng.int(3, 25) : rng.int(10, 70);
    let application = addDays(RECRUITMENT_DEMO_TODAY, -offset - ago);
    const flaw = i === 25 ? 'holiday' : i === 19 ? 'shortTraining' : i === 26 ? 'sponsor' : null;
    if (flaw === 'holiday') {
      // preReview on 2026-09-27 so the 公示 runs over 国庆.
      const p = lawfulSteps('2020-01-01', [mentorA, mentorB], [sponsorA, sponsorB]);
      const preOffset = Math.round(
        (Date.parse(stepDateOf(p.get('preReview')) ?? '2020-01-01') - Date.parse('2020-01-01')) /
          86_400_000,
      );
      application = addDays('2026-09-27', -preOffset);
    }
    const steps = lawfulSteps(application, [mentorA, mentorB], [sponsorA, sponsorB]);
    const lastIndex = STEP_KEYS.indexOf(last);
    for (const key of STEP_KEYS.slice(lastIndex + 1)) {
      steps.delete(key);
    }
    if (last === 'probationReviews' || last === 'oath') {
      // 继续教育考察 so far: only the dates already past.
      const reviews = steps.get('probationReviews');
      if (reviews !== undefined) {
        const dates = (reviews['dates'] as IsoDate[]).filter((d) => d <= RECRUITMENT_DEMO_TODAY);
        if (dates.length === 0) {
          steps.delete('probationReviews');
        } else {
          steps.set('probationReviews', { dates });
        }
      }
    }
    if (steps.has('activistReviews') && !steps.has('candidateSelection')) {
      const reviews = steps.get('activistReviews') as Record_;
      const dates = (reviews['dates'] as IsoDate[]).filter((d) => d <= RECRUITMENT_DEMO_TODAY);
      steps.set('activistReviews', { dates });
    }
    let flagReason: string | null = null;
    let flagRule: string | null = null;
    if (flaw === 'shortTraining') {
      // 培养期 one day short: 发展对象 determined the day before a full year.
      const act = stepDateOf(steps.get('activistSelection')) ?? application;
      const cand = addDays(addMonths(act, 12), -1);
      steps.set('candidateSelection', { date: cand });
      flagReason = '支委会按原定会期研究，录入时发现培养期差一天，待乡镇复核';
      flagRule = 'DEV-08';
    }
    if (flaw === 'holiday') {
      // 公示 2026-09-28..10-08 counted as 5 days, but 10-01..10-07 are 国庆 holidays.
      steps.set('preReview', {
        date: '2026-09-27',
        publicNotice: { startDate: '2026-09-28', endDate: '2026-10-08' },
      });
      const form = cal.nthWorkday('2026-10-09', 1);
      steps.set('applicationForm', { date: form });
      steps.set('admissionMeeting', {
        date: cal.nthWorkday(addDays(form, 5), 1),
        expectedVoters: 18,
        presentVoters: 17,
        votesFor: 16,
      });
      flagReason = '村里按自然日计算公示期，已要求补充公示说明';
      flagRule = 'DEV-NOTICE';
    }
    if (flaw === 'sponsor') {
      const probationer = probationers.find((p) => p.orgId === branch.id) ?? probationers[0];
      if (probationer !== undefined) {
        const sponsors = steps.get('sponsors');
        if (sponsors !== undefined) {
          steps.set('sponsors', {
            ...sponsors,
            people: [{ personId: probationer.id, name: probationer.name }, sponsorB],
          });
        }
        flagReason = '介绍人系村干部推荐，录入时未核对党籍，已报乡镇研究更换';
        flagRule = 'DEV-09';
      }
    }
    if (i === 1) {
      // An application with no talk after more than a month: overdue.
      steps.clear();
      steps.set('application', { date: addDays(RECRUITMENT_DEMO_TODAY, -50) });
    }

    const gender: Gender = rng.chance(0.4) ? '女' : '男';
    const birthDate = birthDateFor(rng, stepDateOf(steps.get('application')) ?? application);
    // The flaw's error findings, as the rule engine gives them, go with the 标记问题 flag.
    let flagged: { step: StepKey; findings: Finding[] } | null = null;
    if (flagRule !== null) {
      const raw = {
        id: 'demo',
        name: 'demo',
        birthDate,
        branch: branch.name,
        steps: Object.fromEntries(
          [...steps].map(([key, fields]) => [key, withSince(fields, sinceOf)]),
        ),
      };
      const read = readDossier(raw, 1);
      if (read.ok) {
        const errors = evaluate(read.dossier, {
          asOf: RECRUITMENT_DEMO_TODAY,
          settings: DEFAULT_SETTINGS,
          calendar: cal,
        }).findings.filter((f) => f.severity === 'error' && f.rule === flagRule);
        const step = errors[0]?.step ?? flagStepOf(flagRule);
        if (step !== null && steps.has(step)) {
          flagged = { step, findings: errors.filter((f) => f.step === step) };
        }
      }
    }
    const { id: personId } = await trx
      .insertInto('person')
      .values({
        name: inventName(rng, gender),
        gender,
        ethnicity: '汉族',
        birthDate,
        idNumber: idNumberFor(rng, birthDate, gender, areaCode),
        education: rng.pick(EDUCATION),
        phone: null,
        occupation: rng.pick(OCCUPATIONS),
        areaCode,
        createdAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stepRecord = Object.fromEntries(steps) as Record<string, never>;
    const stage = stageOf(stepRecord);
    const admission = steps.get('admissionMeeting');
    const fullApproval = steps.get('fullMembershipApproval');
    await trx
      .insertInto('partyMembership')
      .values({
        personId,
        orgId: branch.id,
        status: stage === 'stopped' ? 'applicant' : stage,
        joinedOn:
          stage === 'probationary' || stage === 'full'
            ? ((admission?.['date'] as IsoDate | undefined) ?? null)
            : null,
        fullMemberSince:
          stage === 'full'
            ? ((fullApproval?.['fullMemberSince'] as IsoDate | undefined) ?? null)
            : null,
        areaCode,
      })
      .execute();
    const year = stepDateOf(steps.get('application'))?.slice(0, 4) ?? '2026';
    n += 1;
    const code = `QS-${year}-${String(n).padStart(3, '0')}`;
    const { id: dossierId } = await trx
      .insertInto('recruitmentDossier')
      .values({
        code,
        personId,
        orgId: branch.id,
        areaCode,
        stage,
        probationExtensionsJson: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const township = new Set<StepKey>([
      'activistFiling',
      'candidateFiling',
      'preReview',
      'approvalTalk',
      'approval',
      'approvalFiling',
      'fullMembershipApproval',
    ]);
    // 集中补录: dossier 13's steps were all typed in on one afternoon.
    const batchAt = i === 13 ? instantOn(rng, addDays(RECRUITMENT_DEMO_TODAY, -3)) : null;
    let k = 0;
    for (const [key, fields] of steps) {
      const date = stepDateOf(fields) ?? application;
      const lateStep = i === 8 && key === 'applicationTalk';
      const recordedDate = lateStep ? addDays(date, 75) : addDays(date, rng.int(0, 6));
      const recordedAt =
        batchAt !== null
          ? new Date(Date.parse(batchAt) + k * 4 * 60_000).toISOString()
          : instantOn(
              rng,
              recordedDate > RECRUITMENT_DEMO_TODAY ? RECRUITMENT_DEMO_TODAY : recordedDate,
            );
      k += 1;
      const late = batchAt !== null || lateStep;
      const isFlagged = flagReason !== null && flagged?.step === key;
      await trx
        .insertInto('recruitmentStep')
        .values({
          dossierId,
          stepKey: key,
          stepDate: stepDateOf(fields),
          fieldsJson: JSON.stringify(fields),
          documentRef: `${branch.name.slice(0, 4)}〔${date.slice(0, 4)}〕${String(rng.int(1, 40))}号`,
          recordedAt,
          recordedById: null,
          recordedByName: batchAt !== null || township.has(key) ? '林组织' : '王书记',
          lateEntry: late ? 1 : 0,
          lateReason: late ? '原为纸质档案，系统启用后补录' : null,
          flagReason: isFlagged ? flagReason : null,
          flagFindingsJson: isFlagged ? JSON.stringify(flagged?.findings ?? []) : null,
          areaCode,
        })
        .execute();
    }
  }
  let quotas = 0;
  for (const [i, b] of branches.entries()) {
    await trx
      .insertInto('recruitmentQuota')
      .values({ orgId: b.id, year: 2026, quota: 1 + (i % 3), areaCode, updatedAt: at })
      .execute();
    quotas += 1;
  }
  return { dossiers: n, quotas };
}

function withSince(fields: Record_, sinceOf: Map<number, IsoDate>): Record_ {
  const people = fields['people'];
  if (!Array.isArray(people)) {
    return fields;
  }
  return {
    ...fields,
    people: (people as Mentor[]).map((p) => {
      const since = sinceOf.get(p.personId);
      return since === undefined ? { name: p.name } : { name: p.name, fullMemberSince: since };
    }),
  };
}

function flagStepOf(rule: string | null): StepKey | null {
  switch (rule) {
    case 'DEV-08':
      return 'candidateSelection';
    case 'DEV-NOTICE':
      return 'preReview';
    case 'DEV-09':
      return 'sponsors';
    case null:
    default:
      return null;
  }
}
