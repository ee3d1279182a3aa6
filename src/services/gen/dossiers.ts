/**
 * Synthetic 发展党员 dossiers (dossier-format.md) for tests and benchmarks.
 *
 * Each dossier is a complete, lawful timeline generated forward from its application date and
 * then cut at `asOf`: steps dated after `asOf` are left out. Because every step of the full
 * timeline meets its deadline, a step cut off this way is one whose deadline has not passed
 * yet, so a clean dossier breaks no rule as of `asOf` at any stage.
 *
 * A share of dossiers carries exactly one injected flaw, applied while the timeline is built
 * (so later steps follow it lawfully) and named in the extra top-level field `injectedFlaw`.
 * Output depends only on (seed, index, asOf, flawShare): the same seed gives the same lines.
 */
import type { Writable } from 'node:stream';
import { addDays, addMonths, diffDays, type IsoDate } from '../../domain/calendar/date';
import { createWorkdayCalendar, type WorkdayCalendar } from '../../domain/calendar/workdays';
import { idCheckChar } from '../../domain/id-number';
import { inventName, type Gender } from './names';
import { createRng, type Rng } from './rng';

/** The rule ids a generated dossier can be made to break (rules.md 发展党员 table). */
export const INJECTABLE_FLAWS = [
  'DEV-01',
  'DEV-03',
  'DEV-04',
  'DEV-05',
  'DEV-06',
  'DEV-08',
  'DEV-09',
  'DEV-11',
  'DEV-12',
  'DEV-14',
  'DEV-15',
  'DEV-17',
  'DEV-18',
  'DEV-19',
  'DEV-20',
  'DEV-23',
  'DEV-24',
  'DEV-25',
  'DEV-26',
  'DEV-29',
  'DEV-NOTICE',
  'DEV-ORDER',
  'ID-NUMBER',
] as const;
export type InjectedFlaw = (typeof INJECTABLE_FLAWS)[number];

/** The default cut-off day: inside the pinned holiday data, so 公示 counts need no warning. */
export const DEFAULT_GEN_AS_OF: IsoDate = '2026-06-30';

export interface GenerateOptions {
  count: number;
  seed: string | number;
  /** Steps dated after this day are left out (default DEFAULT_GEN_AS_OF). */
  asOf?: IsoDate;
  /** Share of dossiers with one injected flaw, 0–1 (default 0.15). */
  flawShare?: number;
}

export interface GeneratedPerson {
  name: string;
  fullMemberSince: IsoDate;
  disciplinaryProbation?: boolean;
}

export interface GeneratedVote {
  date: IsoDate;
  expectedVoters: number;
  presentVoters: number;
  votesFor: number;
  writtenVotesFor?: number;
  candidatesInVote?: number;
}

/** A dossier in the interchange format, plus the label of its injected flaw if it has one. */
export interface GeneratedDossier {
  id: string;
  name: string;
  gender?: Gender;
  birthDate?: IsoDate;
  idNumber?: string;
  branch: string;
  steps: Record<string, Record<string, unknown>>;
  probationExtensions?: { decidedOn: IsoDate; months: number }[];
  injectedFlaw?: InjectedFlaw;
}

const TOWNS = ['青山镇', '白沙镇', '柳河乡', '石门镇', '清水乡', '龙潭镇', '桃源乡', '松岭镇'];
const UNITS = [
  '河口村',
  '新街村',
  '东岗村',
  '杨柳村',
  '石桥村',
  '南湾村',
  '枫林村',
  '大塘村',
  '枫林社区',
  '向阳社区',
  '镇中心小学',
  '镇卫生院',
  '镇机关第一',
  '镇机关第二',
];
const REQUIRED_DOCUMENTS = [
  '入党志愿书',
  '入党申请书',
  '政治审查材料',
  '转正申请书',
  '培养教育考察材料',
];
const LAWFUL_APPROVERS = ['乡镇党委', '街道党工委', '基层党委'];
const UNLAWFUL_APPROVERS = ['村党委', '社区党委', '党总支'];

/** Days a generated gap may use while staying inside "N 个月内" for any start day. */
const SAFE_MONTH_DAYS = 27;
const SAFE_SIX_MONTH_DAYS = 175;
const SAFE_THREE_MONTH_DAYS = 85;

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

/** An invented name different from every name in `taken`. */
function freshName(rng: Rng, taken: readonly string[]): string {
  for (;;) {
    const name = inventName(rng, rng.chance(0.6) ? '男' : '女');
    if (!taken.includes(name)) {
      return name;
    }
  }
}

/** A fictional ID number: area code starting 99 (used by no province), birth date, sequence. */
export function inventIdNumber(rng: Rng, birthDate: IsoDate, gender: Gender): string {
  const area = `99${String(rng.int(1, 30)).padStart(2, '0')}${String(rng.int(1, 20)).padStart(2, '0')}`;
  let sequence = rng.int(0, 999);
  if ((sequence % 2 === 1) !== (gender === '男')) {
    sequence = sequence === 999 ? 998 : sequence + 1;
  }
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function vote(
  rng: Rng,
  date: IsoDate,
  flaw: 'quorum' | 'majority' | 'together' | null,
): GeneratedVote {
  const expected = rng.int(7, 60);
  const half = Math.floor(expected / 2);
  if (flaw === 'quorum') {
    // Exactly half (or just under) present; enough written votes that the majority still holds.
    return {
      date,
      expectedVoters: expected,
      presentVoters: half,
      votesFor: half,
      writtenVotesFor: 1,
    };
  }
  // Boundary on purpose sometimes: the smallest lawful attendance and majority.
  const present = rng.chance(0.1) ? half + 1 : rng.int(half + 1, expected);
  if (flaw === 'majority') {
    return { date, expectedVoters: expected, presentVoters: present, votesFor: half };
  }
  const votesFor = rng.chance(0.1) ? half + 1 : rng.int(half + 1, present);
  const result: GeneratedVote = {
    date,
    expectedVoters: expected,
    presentVoters: present,
    votesFor,
  };
  if (rng.chance(0.3)) {
    result.writtenVotesFor = rng.int(0, Math.min(2, expected - present));
  }
  if (flaw === 'together') {
    result.candidatesInVote = 2;
  } else if (rng.chance(0.3)) {
    result.candidatesInVote = 1;
  }
  return result;
}

function people(
  rng: Rng,
  count: number,
  on: IsoDate,
  taken: readonly string[],
  reuse: readonly GeneratedPerson[] = [],
): GeneratedPerson[] {
  const out: GeneratedPerson[] = reuse.slice(0, count).map((p) => ({ ...p }));
  while (out.length < count) {
    const name = freshName(rng, [...taken, ...out.map((p) => p.name)]);
    out.push({
      name,
      fullMemberSince: addDays(addMonths(on, -12 * rng.int(2, 30)), -rng.int(0, 200)),
    });
  }
  return out;
}

/** Facts of a full timeline that flaw visibility checks need. */
interface Timeline {
  dossier: GeneratedDossier;
  probationEnd: IsoDate;
}

/** Builds the full (uncut) dossier, breaking `flaw` when given. */
function buildTimeline(
  rng: Rng,
  index: number,
  applicationDate: IsoDate,
  flaw: InjectedFlaw | null,
  calendar: WorkdayCalendar,
): Timeline {
  const gender: Gender = rng.chance(0.6) ? '男' : '女';
  const name = inventName(rng, gender);
  const a = applicationDate;

  // 年满十八岁 (DEV-01): one day past the 18th birthday at the earliest when clean.
  const eighteenthBirthday = addMonths(a, -12 * 18);
  const birthDate =
    flaw === 'DEV-01'
      ? addDays(eighteenthBirthday, rng.chance(0.5) ? 1 : rng.int(1, 300))
      : addDays(eighteenthBirthday, -(rng.chance(0.05) ? 1 : rng.int(1, 22 * 365)));
  let idNumber: string | undefined =
    rng.chance(0.8) || flaw === 'ID-NUMBER' ? inventIdNumber(rng, birthDate, gender) : undefined;
  let shownBirthDate: IsoDate | undefined = birthDate;
  if (flaw === 'ID-NUMBER' && idNumber !== undefined) {
    if (rng.chance(0.5)) {
      const good = idNumber[17] ?? '0';
      const chars = '0123456789X'.replace(good, '');
      idNumber = idNumber.slice(0, 17) + chars[rng.int(0, chars.length - 1)];
    } else {
      shownBirthDate = addDays(birthDate, -1);
    }
  } else if (idNumber !== undefined && rng.chance(0.1)) {
    shownBirthDate = undefined; // the ID number carries the birth date
  }

  const steps: Record<string, Record<string, unknown>> = {};
  const received = rng.chance(0.5) ? addDays(a, rng.int(0, 5)) : a;
  steps.application =
    received === a && rng.chance(0.5) ? { date: a } : { date: a, receivedDate: received };

  // 一个月内派人谈话 (DEV-03).
  const talkDeadline = addMonths(received, 1);
  let talk: IsoDate;
  if (flaw === 'DEV-03') {
    talk = addDays(talkDeadline, rng.chance(0.6) ? 1 : rng.int(1, 20));
  } else if (flaw === 'DEV-ORDER') {
    talk = addDays(a, -rng.int(1, 3));
  } else {
    talk = rng.chance(0.1) ? talkDeadline : addDays(received, rng.int(3, SAFE_MONTH_DAYS));
  }
  steps.applicationTalk = { date: talk };

  // 积极分子: at least six months after the application (local default) and after the talk.
  const earliestActivist = addMonths(received, 6);
  const activist = addDays(
    earliestActivist > talk ? earliestActivist : addDays(talk, 7),
    rng.chance(0.1) ? 0 : rng.int(1, 150),
  );
  const activistStep: Record<string, unknown> = {
    date: activist,
    method: rng.chance(0.7) ? '党员推荐' : '群团组织推优',
    decidedBy: '支部委员会',
  };
  if (flaw === 'DEV-04') {
    delete activistStep.method;
  }
  steps.activistSelection = activistStep;
  steps.activistFiling = { date: addDays(activist, rng.int(2, 10)) };

  const mentorsDate = addDays(activist, rng.int(0, 7));
  let mentors = people(rng, rng.chance(0.7) ? 2 : 1, mentorsDate, [name]);
  if (flaw === 'DEV-05') {
    const variant = rng.int(0, 3);
    if (variant === 0) {
      mentors = people(rng, 3, mentorsDate, [name]);
    } else if (variant === 1) {
      const first = mentors[0] as GeneratedPerson;
      mentors = [first, { ...first }];
    } else if (variant === 2) {
      mentors = [{ name, fullMemberSince: addMonths(mentorsDate, -24) }];
    } else {
      const first = mentors[0] as GeneratedPerson;
      mentors[0] = { ...first, fullMemberSince: addDays(mentorsDate, rng.int(1, 300)) };
    }
  }
  steps.mentors = { date: mentorsDate, people: mentors };

  // 培养期一年以上 (DEV-08), 考察 at most six months apart (DEV-06).
  const yearAfterActivist = addMonths(activist, 12);
  const candidate =
    flaw === 'DEV-08'
      ? addDays(yearAfterActivist, rng.chance(0.6) ? -1 : -rng.int(1, 30))
      : addDays(yearAfterActivist, rng.chance(0.15) ? 0 : rng.int(1, 90));
  const span = diffDays(activist, candidate);
  // Evenly spaced with ±3 days of jitter, so no gap exceeds SAFE_SIX_MONTH_DAYS.
  const reviewCount = Math.max(1, Math.ceil(span / (SAFE_SIX_MONTH_DAYS - 6)) - 1);
  let reviews: IsoDate[] = [];
  for (let i = 1; i <= reviewCount; i++) {
    const target = Math.round((span * i) / (reviewCount + 1));
    reviews.push(addDays(activist, target + rng.int(-3, 3)));
  }
  if (flaw === 'DEV-06') {
    reviews = reviews.slice(1); // the gap activist → second review is about a year
  }
  if (reviews.length > 0) {
    steps.activistReviews = { dates: reviews };
  }
  steps.candidateSelection = { date: candidate };
  steps.candidateFiling = { date: addDays(candidate, rng.int(2, 10)) };

  // 入党介绍人: two 正式党员 (DEV-09), often the same people as the mentors.
  const sponsorsDate = addDays(candidate, rng.int(0, 7));
  let sponsors =
    mentors.length === 2 && flaw !== 'DEV-05' && rng.chance(0.5)
      ? people(rng, 2, sponsorsDate, [name], mentors)
      : people(rng, 2, sponsorsDate, [name]);
  if (flaw === 'DEV-09') {
    const variant = rng.int(0, 5);
    const first = sponsors[0] as GeneratedPerson;
    if (variant === 0) {
      sponsors = [first];
    } else if (variant === 1) {
      sponsors = people(rng, 3, sponsorsDate, [name]);
    } else if (variant === 2) {
      sponsors = [first, { ...first }];
    } else if (variant === 3) {
      sponsors[1] = { name, fullMemberSince: addMonths(sponsorsDate, -36) };
    } else if (variant === 4) {
      sponsors[1] = {
        ...first,
        name: freshName(rng, [name, first.name]),
        fullMemberSince: addDays(sponsorsDate, rng.int(1, 60)),
      };
    } else {
      sponsors[1] = { ...(sponsors[1] as GeneratedPerson), disciplinaryProbation: true };
    }
  }
  steps.sponsors = { date: sponsorsDate, people: sponsors };

  // 政治审查: conclusion after every 函调 reply (DEV-11).
  const reply = addDays(candidate, rng.int(7, 30));
  const conclusion = addDays(reply, rng.int(1, 10));
  steps.politicalReview = {
    date: conclusion,
    result: '合格',
    inquiryReplyDates: flaw === 'DEV-11' ? [reply, addDays(conclusion, rng.int(1, 4))] : [reply],
  };

  // 集中培训: three days or 24 学时 (DEV-12).
  const trainingStart = addDays(candidate, rng.int(5, 40));
  const trainingEnd =
    flaw === 'DEV-12' ? addDays(trainingStart, 1) : addDays(trainingStart, rng.int(2, 4));
  steps.training = {
    startDate: trainingStart,
    endDate: trainingEnd,
    hours: flaw === 'DEV-12' ? rng.int(8, 23) : 8 * rng.int(3, 5),
  };

  const committee = addDays(conclusion > trainingEnd ? conclusion : trainingEnd, rng.int(1, 10));
  steps.committeeReview = { date: committee };

  // 公示 of at least five working days, ending before the 支部大会 (DEV-NOTICE).
  const noticeStart = addDays(committee, rng.int(1, 4));
  const noticeDays = flaw === 'DEV-NOTICE' ? 4 : rng.chance(0.3) ? 5 : rng.int(5, 7);
  const noticeEnd = calendar.nthWorkday(noticeStart, noticeDays);
  const preReview = addDays(noticeEnd, rng.int(1, 5));
  steps.preReview = {
    date: preReview,
    publicNotice: { startDate: noticeStart, endDate: noticeEnd },
  };
  const form =
    flaw === 'DEV-14' ? addDays(preReview, -rng.int(1, 3)) : addDays(preReview, rng.int(1, 7));
  steps.applicationForm = { date: form };

  const admission = addDays(form > preReview ? form : preReview, rng.int(1, 15));
  const admissionVoteFlaw = rng.chance(0.5);
  steps.admissionMeeting = { ...vote(rng, admission, meetingFlaw(rng, flaw, admissionVoteFlaw)) };

  // 审批 within three months (DEV-20), after the 谈话 (DEV-19), by a 党委 (DEV-18).
  const threeMonths = addMonths(admission, 3);
  let approval: IsoDate;
  if (flaw === 'DEV-20') {
    approval = rng.chance(0.7)
      ? addDays(threeMonths, rng.int(1, 20))
      : addDays(addMonths(admission, 6), rng.int(1, 20));
  } else {
    approval = rng.chance(0.1)
      ? threeMonths
      : addDays(admission, rng.int(10, SAFE_THREE_MONTH_DAYS));
  }
  const talkGap = Math.min(20, diffDays(admission, approval) - 1);
  const approvalTalk =
    flaw === 'DEV-19' ? addDays(approval, rng.int(1, 5)) : addDays(approval, -rng.int(1, talkGap));
  steps.approvalTalk = { date: approvalTalk, byRole: rng.chance(0.5) ? '组织员' : '党委委员' };
  steps.approval = {
    date: approval,
    approverLevel: flaw === 'DEV-18' ? rng.pick(UNLAWFUL_APPROVERS) : rng.pick(LAWFUL_APPROVERS),
  };
  steps.approvalFiling = { date: addDays(approval, rng.int(3, 20)) };
  steps.groupAssignment = { date: addDays(approval, rng.int(1, 10)) };

  // 预备期: twelve months plus any extension (DEV-24); 宣誓 inside it (DEV-23).
  const originalEnd = addMonths(admission, 12);
  let extensions: { decidedOn: IsoDate; months: number }[] = [];
  if (flaw === 'DEV-24') {
    extensions = rng.chance(0.6)
      ? [{ decidedOn: addDays(originalEnd, rng.int(0, 20)), months: rng.pick([3, 4, 5, 13, 18]) }]
      : [
          { decidedOn: addDays(originalEnd, rng.int(0, 20)), months: 6 },
          { decidedOn: addDays(addMonths(originalEnd, 6), rng.int(0, 20)), months: 6 },
        ];
  } else if (rng.chance(0.03)) {
    extensions = [{ decidedOn: addDays(originalEnd, rng.int(0, 20)), months: rng.int(6, 12) }];
  }
  const probationEnd = addMonths(admission, 12 + extensions.reduce((s, e) => s + e.months, 0));

  const oath =
    flaw === 'DEV-23' ? addDays(probationEnd, rng.int(0, 15)) : addDays(approval, rng.int(1, 45));
  steps.oath = { date: oath };
  const probationReviews: IsoDate[] = [];
  for (
    let d = addDays(oath, rng.int(60, 100));
    d < addDays(probationEnd, -20);
    d = addDays(d, rng.int(80, 100))
  ) {
    probationReviews.push(d);
  }
  if (probationReviews.length > 0) {
    steps.probationReviews = { dates: probationReviews };
  }

  // 转正: the meeting on or after 预备期满 (DEV-25), approval within three months and
  // 党龄 from 预备期满 (DEV-26).
  const meeting =
    flaw === 'DEV-25'
      ? addDays(probationEnd, -(rng.chance(0.6) ? 1 : rng.int(1, 15)))
      : addDays(probationEnd, rng.chance(0.15) ? 0 : rng.int(1, 40));
  const fullApplication = addDays(meeting, -rng.int(5, 30));
  steps.fullMembershipApplication = { date: fullApplication };
  steps.fullMembershipMeeting = {
    ...vote(rng, meeting, meetingFlaw(rng, flaw, !admissionVoteFlaw)),
    outcome: '转为正式党员',
  };
  const meetingDeadline = addMonths(meeting, 3);
  let fullApproval = rng.chance(0.1)
    ? meetingDeadline
    : addDays(meeting, rng.int(5, SAFE_THREE_MONTH_DAYS));
  let fullMemberSince = probationEnd;
  if (flaw === 'DEV-26') {
    const variant = rng.int(0, 2);
    if (variant === 0) {
      fullApproval = addDays(meetingDeadline, rng.int(1, 20));
    } else if (variant === 1) {
      fullMemberSince = fullApproval === probationEnd ? addDays(fullApproval, 1) : fullApproval;
    } else {
      fullMemberSince = addDays(probationEnd, rng.chance(0.5) ? 1 : -1);
    }
  }
  steps.fullMembershipApproval = { date: fullApproval, fullMemberSince };

  const documents = shuffle(rng, [...REQUIRED_DOCUMENTS]);
  if (flaw === 'DEV-29') {
    documents.splice(rng.int(0, documents.length - 1), 1);
  }
  steps.archiving = { date: addDays(fullApproval, rng.int(3, 40)), documents };

  const showGender = rng.chance(0.9);
  const branch = `${rng.pick(TOWNS)}${rng.pick(UNITS)}党支部`;
  const dossier: GeneratedDossier = {
    id: `GEN-${a.slice(0, 4)}-${String(index + 1).padStart(7, '0')}`,
    name,
    ...(showGender ? { gender } : {}),
    ...(shownBirthDate !== undefined ? { birthDate: shownBirthDate } : {}),
    ...(idNumber !== undefined ? { idNumber } : {}),
    branch,
    steps,
    ...(extensions.length > 0 ? { probationExtensions: extensions } : {}),
  };
  return { dossier, probationEnd };
}

function meetingFlaw(
  rng: Rng,
  flaw: InjectedFlaw | null,
  thisMeeting: boolean,
): 'quorum' | 'majority' | 'together' | null {
  if (!thisMeeting) {
    return null;
  }
  if (flaw === 'DEV-15') {
    return 'quorum';
  }
  if (flaw === 'DEV-17') {
    return rng.chance(0.7) ? 'majority' : 'together';
  }
  return null;
}

/** The day a step is complete: the latest date it records. */
function stepDay(key: string, step: Record<string, unknown>): IsoDate {
  switch (key) {
    case 'application':
      return (step.receivedDate as IsoDate | undefined) ?? (step.date as IsoDate);
    case 'training':
      return step.endDate as IsoDate;
    case 'politicalReview': {
      const replies = (step.inquiryReplyDates as IsoDate[] | undefined) ?? [];
      return [step.date as IsoDate, ...replies].sort().at(-1) as IsoDate;
    }
    default:
      return step.date as IsoDate;
  }
}

/** Leaves out every step (and review date, and extension) dated after `asOf`. */
function cutAt(dossier: GeneratedDossier, asOf: IsoDate): GeneratedDossier {
  const steps: Record<string, Record<string, unknown>> = {};
  for (const [key, step] of Object.entries(dossier.steps)) {
    if (key === 'activistReviews' || key === 'probationReviews') {
      const dates = (step.dates as IsoDate[]).filter((d) => d <= asOf);
      if (dates.length > 0) {
        steps[key] = { dates };
      }
    } else if (stepDay(key, step) <= asOf) {
      steps[key] = step;
    }
  }
  const { probationExtensions, ...rest } = dossier;
  const extensions = (probationExtensions ?? []).filter((e) => e.decidedOn <= asOf);
  return {
    ...rest,
    steps,
    ...(extensions.length > 0 ? { probationExtensions: extensions } : {}),
    ...(dossier.injectedFlaw !== undefined ? { injectedFlaw: dossier.injectedFlaw } : {}),
  };
}

function dateOf(d: GeneratedDossier, key: string): IsoDate | undefined {
  return d.steps[key]?.date as IsoDate | undefined;
}

/** Whether the flaw built into the full timeline still shows once the dossier is cut at `asOf`. */
function isVisible(
  flaw: InjectedFlaw,
  d: GeneratedDossier,
  asOf: IsoDate,
  probationEnd: IsoDate,
): boolean {
  const has = (key: string): boolean => key in d.steps;
  switch (flaw) {
    case 'DEV-01':
    case 'ID-NUMBER':
      return true;
    case 'DEV-03': {
      const app = d.steps.application as Record<string, unknown> | undefined;
      const received = (app?.receivedDate ?? app?.date) as IsoDate | undefined;
      return has('applicationTalk') || (received !== undefined && asOf > addMonths(received, 1));
    }
    case 'DEV-ORDER':
      return has('applicationTalk');
    case 'DEV-04':
      return has('activistSelection');
    case 'DEV-05':
      return has('mentors');
    case 'DEV-06': {
      const activist = dateOf(d, 'activistSelection');
      if (activist === undefined) {
        return false;
      }
      const reviews = (d.steps.activistReviews?.dates as IsoDate[] | undefined) ?? [];
      const chain = [activist, ...reviews, dateOf(d, 'candidateSelection') ?? asOf];
      return chain.some((day, i) => i > 0 && day > addMonths(chain[i - 1] as IsoDate, 6));
    }
    case 'DEV-08':
      return has('candidateSelection');
    case 'DEV-09':
      return has('sponsors');
    case 'DEV-11':
      return has('politicalReview');
    case 'DEV-12':
      return has('training');
    case 'DEV-14':
      return has('applicationForm');
    case 'DEV-15':
    case 'DEV-17':
      return (
        has('admissionMeeting') &&
        (isVoteFlawed(d.steps.admissionMeeting) || isVoteFlawed(d.steps.fullMembershipMeeting))
      );
    case 'DEV-18':
    case 'DEV-19':
      return has('approval');
    case 'DEV-20': {
      const admission = dateOf(d, 'admissionMeeting');
      return has('approval') || (admission !== undefined && asOf > addMonths(admission, 3));
    }
    case 'DEV-23':
      return has('oath') && (dateOf(d, 'oath') as IsoDate) >= probationEnd;
    case 'DEV-24': {
      const extensions = d.probationExtensions ?? [];
      return extensions.length > 1 || extensions.some((e) => e.months < 6 || e.months > 12);
    }
    case 'DEV-25':
      return has('fullMembershipMeeting');
    case 'DEV-26': {
      const meeting = dateOf(d, 'fullMembershipMeeting');
      return (
        has('fullMembershipApproval') || (meeting !== undefined && asOf > addMonths(meeting, 3))
      );
    }
    case 'DEV-29':
      return has('archiving');
    case 'DEV-NOTICE':
      return has('preReview');
  }
}

function isVoteFlawed(step: Record<string, unknown> | undefined): boolean {
  if (step === undefined) {
    return false;
  }
  const expected = step.expectedVoters as number;
  const present = step.presentVoters as number;
  const votes = (step.votesFor as number) + ((step.writtenVotesFor as number | undefined) ?? 0);
  return (
    2 * present <= expected ||
    2 * votes <= expected ||
    ((step.candidatesInVote as number | undefined) ?? 1) > 1
  );
}

/** About five years back at most: every stage from 递交申请书 to 归档 appears. */
const MAX_AGE_DAYS = 5 * 365;

/**
 * The dossier at position `index` of the stream for `seed`: independent of `count`.
 * @example generateDossier('demo', 0, { asOf: '2026-06-30' }).id
 */
export function generateDossier(
  seed: string | number,
  index: number,
  options: { asOf?: IsoDate; flawShare?: number; calendar?: WorkdayCalendar } = {},
): GeneratedDossier {
  const asOf = options.asOf ?? DEFAULT_GEN_AS_OF;
  const calendar = options.calendar ?? defaultCalendar();
  const rng = createRng(`${String(seed)}#${index}`);
  const flawed = rng.chance(options.flawShare ?? 0.15);
  if (flawed) {
    const flaw = rng.pick(INJECTABLE_FLAWS);
    for (let attempt = 0; attempt < 4; attempt++) {
      // Later attempts start further back, so late-stage flaws get a finished timeline.
      const back = attempt === 0 ? rng.int(10, MAX_AGE_DAYS) : rng.int(4 * 365, 6 * 365);
      const timeline = buildTimeline(rng, index, addDays(asOf, -back), flaw, calendar);
      const cut = cutAt(timeline.dossier, asOf);
      if (isVisible(flaw, cut, asOf, timeline.probationEnd)) {
        return { ...cut, injectedFlaw: flaw };
      }
    }
  }
  const timeline = buildTimeline(
    rng,
    index,
    addDays(asOf, -rng.int(10, MAX_AGE_DAYS)),
    null,
    calendar,
  );
  return cutAt(timeline.dossier, asOf);
}

let sharedCalendar: WorkdayCalendar | undefined;
function defaultCalendar(): WorkdayCalendar {
  sharedCalendar ??= createWorkdayCalendar();
  return sharedCalendar;
}

/** `count` dossiers for `seed`, lazily, in index order. */
export function* generateDossiers(options: GenerateOptions): Generator<GeneratedDossier> {
  const calendar = defaultCalendar();
  for (let i = 0; i < options.count; i++) {
    yield generateDossier(options.seed, i, { ...options, calendar });
  }
}

/**
 * Writes dossiers as JSON Lines to `out`, waiting for 'drain' whenever the stream's buffer is
 * full, so memory stays flat for any count. Resolves false if `out` closed early (e.g. `| head`).
 */
export async function writeDossierLines(options: GenerateOptions, out: Writable): Promise<boolean> {
  let closed = false;
  const onError = (): void => {
    closed = true;
  };
  out.on('error', onError);
  try {
    let chunk = '';
    for (const dossier of generateDossiers(options)) {
      chunk += `${JSON.stringify(dossier)}\n`;
      if (chunk.length >= 64 * 1024) {
        if (closed || out.destroyed) {
          return false;
        }
        const ok = out.write(chunk);
        chunk = '';
        if (!ok) {
          await waitForDrain(out);
        }
      }
    }
    if (chunk !== '' && !closed && !out.destroyed) {
      out.write(chunk);
    }
    return !closed;
  } finally {
    out.off('error', onError);
  }
}

/** Resolves on 'drain', or on 'close'/'error' (the reader went away). */
function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}
