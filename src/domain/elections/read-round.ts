/**
 * Reads one election round from parsed JSON: every field checked, numbers whole, names unique,
 * counts consistent. A round that fails is refused whole with a Chinese message naming the line,
 * field and value (nothing is half recorded).
 */
import { parseIsoDate } from '../calendar/date';
import {
  ELECTION_KINDS,
  ROUND_KINDS,
  type CandidateVotes,
  type ElectionKind,
  type ElectionRound,
  type RoundInputError,
  type RoundKind,
} from './types';

export type ReadRoundResult =
  { ok: true; round: ElectionRound } | { ok: false; id: string | null; error: RoundInputError };

const MAX_COUNT = 10_000_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
}

/** Reads and validates one round; `line` is only used in messages. */
export function readRound(raw: unknown, line = 1): ReadRoundResult {
  const at = `第${line}行`;
  if (!isObject(raw)) {
    return {
      ok: false,
      id: null,
      error: { code: 'ERR_ROUND_JSON', message: `${at} 不是一个选举轮次对象` },
    };
  }
  const id = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : null;
  const field = (message: string): ReadRoundResult => ({
    ok: false,
    id,
    error: { code: 'ERR_ROUND_FIELD', message: `${at} ${message}` },
  });
  const vote = (message: string): ReadRoundResult => ({
    ok: false,
    id,
    error: { code: 'ERR_ROUND_VOTE', message: `${at} ${message}` },
  });
  if (id === null) {
    return field(`id 缺少或为空：${JSON.stringify(raw.id ?? null)}`);
  }
  if (!(ELECTION_KINDS as readonly unknown[]).includes(raw.kind)) {
    return field(
      `kind 应为 ${ELECTION_KINDS.join('、')} 之一：${JSON.stringify(raw.kind ?? null)}`,
    );
  }
  const date = parseIsoDate(raw.date);
  if (date === null) {
    return field(`date 不是有效日期（YYYY-MM-DD）：${JSON.stringify(raw.date ?? null)}`);
  }
  const round = raw.round ?? '正式选举';
  if (!(ROUND_KINDS as readonly unknown[]).includes(round)) {
    return field(`round 应为 正式选举 或 另行选举：${JSON.stringify(round)}`);
  }
  for (const key of [
    'seats',
    'expectedVoters',
    'presentVoters',
    'ballotsIssued',
    'ballotsReturned',
  ] as const) {
    if (!isCount(raw[key])) {
      return field(`${key} 应为非负整数：${JSON.stringify(raw[key] ?? null)}`);
    }
  }
  const seats = raw.seats as number;
  const expectedVoters = raw.expectedVoters as number;
  const presentVoters = raw.presentVoters as number;
  const ballotsIssued = raw.ballotsIssued as number;
  const ballotsReturned = raw.ballotsReturned as number;
  if (seats < 1) {
    return field(`seats 应选人数至少为 1：${seats}`);
  }
  if (expectedVoters < 1) {
    return field(`expectedVoters 应到人数至少为 1：${expectedVoters}`);
  }
  if (!Array.isArray(raw.candidates) || raw.candidates.length === 0) {
    return field('candidates 应为非空的候选人列表');
  }
  const candidates: CandidateVotes[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (let i = 0; i < raw.candidates.length; i++) {
    const c: unknown = raw.candidates[i];
    if (!isObject(c) || typeof c.name !== 'string' || c.name.trim() === '') {
      return field(`candidates[${i}].name 缺少或为空`);
    }
    const name = c.name.trim();
    if (!isCount(c.votes)) {
      return field(`candidates[${i}].votes 应为非负整数：${JSON.stringify(c.votes ?? null)}`);
    }
    if (seen.has(name)) {
      return vote(`candidates[${i}].name 候选人重复列出：${name}`);
    }
    seen.add(name);
    if (c.votes > ballotsReturned) {
      return vote(`candidates[${i}].votes ${name}得票 ${c.votes} 多于收回选票 ${ballotsReturned}`);
    }
    total += c.votes;
    candidates.push({ name, votes: c.votes });
  }
  if (presentVoters > expectedVoters) {
    return vote(
      `presentVoters 实到（参加投票）${presentVoters} 人多于应到（登记）${expectedVoters} 人`,
    );
  }
  if (total > seats * ballotsReturned) {
    return vote(
      `candidates 赞成票合计 ${total} 多于 应选人数 ${seats} × 收回选票 ${ballotsReturned} = ${seats * ballotsReturned}：每张选票所选人数不能多于应选人数`,
    );
  }
  const kind = raw.kind as ElectionKind;
  if (kind === '村民委员会' && ballotsReturned > ballotsIssued) {
    return vote(`ballotsReturned 收回选票 ${ballotsReturned} 多于发出选票 ${ballotsIssued}`);
  }
  return {
    ok: true,
    round: {
      id,
      kind,
      date,
      seats,
      expectedVoters,
      presentVoters,
      ballotsIssued,
      ballotsReturned,
      candidates,
      round: round as RoundKind,
    },
  };
}
