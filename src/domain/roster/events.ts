/**
 * How a membership event changes a membership's current state. Pure: the service loads the
 * state, calls applyMembershipEvent, and writes the event with the new state in one
 * transaction. 《党员教育管理工作条例》第二十四条 (停止党籍、除名), 第二十五条 (转移组织关系),
 * 第三十二条 (流动党员).
 */
import { compareDates, type IsoDate } from '../calendar/date';
import { AWAY_KIND_LABELS, MEMBERSHIP_EVENT_LABELS, MEMBERSHIP_STATUS_LABELS } from './labels';
import type { MembershipStatusCode } from './labels';
import type { AwayKind, MembershipEventKind } from './types';

export interface MembershipState {
  status: MembershipStatusCode;
  joinedOn: IsoDate | null;
  fullMemberSince: IsoDate | null;
  awayKind: AwayKind | null;
  awaySince: IsoDate | null;
  statusSince: IsoDate | null;
}

export interface MembershipEventInput {
  kind: MembershipEventKind;
  occurredOn: IsoDate;
  letterNumber?: string | null;
  place?: string | null;
  validUntil?: IsoDate | null;
  contactName?: string | null;
  contactPhone?: string | null;
  note?: string | null;
  /** For `corrected` and `recorded`: the corrected values. */
  status?: MembershipStatusCode;
  joinedOn?: IsoDate | null;
  fullMemberSince?: IsoDate | null;
}

export interface EventProblem {
  field: string;
  message: string;
}

export type EventOutcome =
  { ok: true; state: MembershipState } | { ok: false; problem: EventProblem };

const MEMBERS: readonly MembershipStatusCode[] = ['probationary', 'full'];
const ON_THE_WAY: readonly MembershipStatusCode[] = ['applicant', 'activist', 'candidate'];

function fail(field: string, message: string): EventOutcome {
  return { ok: false, problem: { field, message } };
}

function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

/** Checks that the dates of a state agree: 转正日期 not before 入党日期. */
export function datesProblem(
  state: Pick<MembershipState, 'joinedOn' | 'fullMemberSince'>,
): EventProblem | null {
  if (
    state.joinedOn !== null &&
    state.fullMemberSince !== null &&
    state.fullMemberSince < state.joinedOn
  ) {
    return {
      field: 'fullMemberSince',
      message: `转正日期 ${state.fullMemberSince} 早于入党日期 ${state.joinedOn}`,
    };
  }
  if (state.fullMemberSince !== null && state.joinedOn === null) {
    return { field: 'joinedOn', message: '有转正日期的党员必须填写入党日期' };
  }
  return null;
}

export function applyMembershipEvent(
  state: MembershipState,
  input: MembershipEventInput,
  asOf: IsoDate,
): EventOutcome {
  const label = MEMBERSHIP_EVENT_LABELS[input.kind];
  const statusLabel = MEMBERSHIP_STATUS_LABELS[state.status];
  if (compareDates(input.occurredOn, asOf) > 0) {
    return fail('occurredOn', `${label}日期 ${input.occurredOn} 不能晚于今天 ${asOf}`);
  }
  const notAllowed = (why: string): EventOutcome => fail('kind', `当前${why}，不能登记“${label}”`);
  const requireMember = (): EventOutcome | null =>
    MEMBERS.includes(state.status) ? null : notAllowed(`为“${statusLabel}”`);
  const requireHere = (): EventOutcome | null =>
    state.awayKind === null ? null : notAllowed(`为“${AWAY_KIND_LABELS[state.awayKind]}”`);
  const requireAway = (kind: AwayKind): EventOutcome | null =>
    state.awayKind === kind
      ? null
      : notAllowed(state.awayKind === null ? '不在外' : `为“${AWAY_KIND_LABELS[state.awayKind]}”`);
  const next = (changes: Partial<MembershipState>): EventOutcome => ({
    ok: true,
    state: { ...state, ...changes },
  });
  const away = (kind: AwayKind | null): Partial<MembershipState> => ({
    awayKind: kind,
    awaySince: kind === null ? null : input.occurredOn,
  });

  switch (input.kind) {
    case 'recorded':
    case 'corrected': {
      const corrected: MembershipState = {
        ...state,
        status: input.status ?? state.status,
        joinedOn: input.joinedOn === undefined ? state.joinedOn : input.joinedOn,
        fullMemberSince:
          input.fullMemberSince === undefined ? state.fullMemberSince : input.fullMemberSince,
      };
      const problem = datesProblem(corrected);
      if (problem !== null) {
        return { ok: false, problem };
      }
      if (MEMBERS.includes(corrected.status) && corrected.joinedOn === null) {
        return fail('joinedOn', `${MEMBERSHIP_STATUS_LABELS[corrected.status]}必须填写入党日期`);
      }
      if (corrected.status === 'full' && corrected.fullMemberSince === null) {
        return fail('fullMemberSince', '正式党员必须填写转正日期');
      }
      if (corrected.status !== state.status) {
        corrected.statusSince = input.occurredOn;
      }
      return { ok: true, state: corrected };
    }
    case 'admitted':
      if (!ON_THE_WAY.includes(state.status)) {
        return notAllowed(`为“${statusLabel}”`);
      }
      return next({
        status: 'probationary',
        joinedOn: input.occurredOn,
        statusSince: input.occurredOn,
      });
    case 'confirmed':
      if (state.status !== 'probationary') {
        return notAllowed(`为“${statusLabel}”`);
      }
      if (state.joinedOn !== null && input.occurredOn < state.joinedOn) {
        return fail('occurredOn', `转正日期 ${input.occurredOn} 早于入党日期 ${state.joinedOn}`);
      }
      return next({
        status: 'full',
        fullMemberSince: input.occurredOn,
        statusSince: input.occurredOn,
      });
    case 'transferOut': {
      const problem = requireMember() ?? requireHere();
      if (problem !== null) {
        // A 流动党员 may transfer out: 外出 6 个月以上且地点相对固定的应转移组织关系.
        if (!(MEMBERS.includes(state.status) && state.awayKind === 'mobile')) {
          return problem;
        }
      }
      if (blank(input.letterNumber)) {
        return fail('letterNumber', '组织关系转出须填写介绍信编号');
      }
      if (blank(input.place)) {
        return fail('place', '组织关系转出须填写转往的党组织');
      }
      if (input.validUntil === undefined || input.validUntil === null) {
        return fail('validUntil', '组织关系转出须填写介绍信有效期');
      }
      if (input.validUntil < input.occurredOn) {
        return fail(
          'validUntil',
          `介绍信有效期 ${input.validUntil} 早于开出日期 ${input.occurredOn}`,
        );
      }
      return next(away('transferredOut'));
    }
    case 'transferReceived':
      return requireAway('transferredOut') ?? next({});
    case 'transferIn':
      // On an existing membership: the relationship comes back after a transfer out.
      if (state.awayKind !== 'transferredOut') {
        return notAllowed('组织关系在本组织');
      }
      if (blank(input.letterNumber)) {
        return fail('letterNumber', '组织关系转入须填写介绍信编号');
      }
      return next(away(null));
    case 'mobileOut':
      if (blank(input.place)) {
        return fail('place', '外出流动须填写外出地点');
      }
      return requireMember() ?? requireHere() ?? next(away('mobile'));
    case 'mobileContact':
      if (state.awayKind !== 'mobile' && state.awayKind !== 'abroad') {
        return notAllowed(
          state.awayKind === null ? '不在外' : `为“${AWAY_KIND_LABELS[state.awayKind]}”`,
        );
      }
      return next({});
    case 'mobileReturn':
      return requireAway('mobile') ?? next(away(null));
    case 'abroad':
      if (blank(input.place)) {
        return fail('place', '出国（境）须填写前往的国家或地区');
      }
      return requireMember() ?? requireHere() ?? next(away('abroad'));
    case 'abroadReturn':
      return requireAway('abroad') ?? next(away(null));
    case 'lostContact':
      if (state.awayKind !== null && state.awayKind !== 'mobile') {
        return notAllowed(`为“${AWAY_KIND_LABELS[state.awayKind]}”`);
      }
      return requireMember() ?? next(away('lostContact'));
    case 'contactRestored':
      return requireAway('lostContact') ?? next(away(null));
    case 'suspended':
      return requireMember() ?? next({ status: 'suspended', statusSince: input.occurredOn });
    case 'reinstated':
      if (state.status !== 'suspended') {
        return notAllowed(`为“${statusLabel}”`);
      }
      return next({
        status: state.fullMemberSince === null ? 'probationary' : 'full',
        statusSince: input.occurredOn,
      });
    case 'left':
      if (![...MEMBERS, 'suspended'].includes(state.status)) {
        return notAllowed(`为“${statusLabel}”`);
      }
      if (blank(input.note)) {
        return fail('note', '出党须写明方式（除名、开除党籍、退党或自行脱党）');
      }
      return next({ status: 'left', statusSince: input.occurredOn, ...away(null) });
    case 'deceased':
      if (state.status === 'deceased') {
        return notAllowed(`为“${statusLabel}”`);
      }
      return next({ status: 'deceased', statusSince: input.occurredOn, ...away(null) });
  }
}

/**
 * 组织关系转入 of a person not yet in the roster (《党员教育管理工作条例》第二十五条): the
 * membership he arrives with. 正式 or 预备党员 with their dates; 介绍信编号, 转自 and 有效期 required;
 * the letter must still be valid on the day it is received.
 */
export function arriveByTransfer(input: MembershipEventInput, asOf: IsoDate): EventOutcome {
  if (compareDates(input.occurredOn, asOf) > 0) {
    return fail('occurredOn', `转入日期 ${input.occurredOn} 不能晚于今天 ${asOf}`);
  }
  const status = input.status ?? 'full';
  if (!MEMBERS.includes(status)) {
    return fail(
      'status',
      `组织关系转入的应是正式党员或预备党员，不能是“${MEMBERSHIP_STATUS_LABELS[status]}”`,
    );
  }
  if (blank(input.letterNumber)) {
    return fail('letterNumber', '组织关系转入须填写介绍信编号');
  }
  if (blank(input.place)) {
    return fail('place', '组织关系转入须填写转自的党组织');
  }
  if (input.validUntil === undefined || input.validUntil === null) {
    return fail('validUntil', '组织关系转入须填写介绍信有效期');
  }
  if (input.validUntil < input.occurredOn) {
    return fail(
      'validUntil',
      `介绍信有效期至 ${input.validUntil}，转入日期 ${input.occurredOn} 已过有效期`,
    );
  }
  const state: MembershipState = {
    status,
    joinedOn: input.joinedOn ?? null,
    fullMemberSince: status === 'full' ? (input.fullMemberSince ?? null) : null,
    awayKind: null,
    awaySince: null,
    statusSince: input.occurredOn,
  };
  if (state.joinedOn === null) {
    return fail('joinedOn', `${MEMBERSHIP_STATUS_LABELS[status]}必须填写入党日期`);
  }
  if (status === 'full' && state.fullMemberSince === null) {
    return fail('fullMemberSince', '正式党员必须填写转正日期');
  }
  const problem = datesProblem(state);
  if (problem !== null) {
    return { ok: false, problem };
  }
  if (state.joinedOn > input.occurredOn) {
    return fail('joinedOn', `入党日期 ${state.joinedOn} 晚于转入日期 ${input.occurredOn}`);
  }
  if (state.fullMemberSince !== null && state.fullMemberSince > input.occurredOn) {
    return fail(
      'fullMemberSince',
      `转正日期 ${state.fullMemberSince} 晚于转入日期 ${input.occurredOn}`,
    );
  }
  return { ok: true, state };
}
