import { describe, expect, it } from 'vitest';
import { applyMembershipEvent, arriveByTransfer, type MembershipState } from './events';
import { nameSearchKeys } from './pinyin';
import {
  ageBand,
  bornOnOrBefore,
  cadreIndicators,
  isAwayLongEnoughToTransfer,
  partyYearsBand,
} from './structure';

const FULL: MembershipState = {
  status: 'full',
  joinedOn: '2010-07-01',
  fullMemberSince: '2011-07-01',
  awayKind: null,
  awaySince: null,
  statusSince: '2011-07-01',
};
const AS_OF = '2026-11-27';

describe('nameSearchKeys', () => {
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['李·明', 'liming', 'lm'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(nameSearchKeys(name)).toEqual({ namePinyin: full, nameInitials: initials });
  });
});

describe('applyMembershipEvent', () => {
  it('sends a member out as 流动党员 and back, keeping the dates', () => {
    const out = applyMembershipEvent(
      FULL,
      { kind: 'mobileOut', occurredOn: '2026-03-01', place: '广东省东莞市' },
      AS_OF,
    );
    expect(out).toEqual({
      ok: true,
      state: { ...FULL, awayKind: 'mobile', awaySince: '2026-03-01' },
    });
    if (!out.ok) {
      return;
    }
    const back = applyMembershipEvent(
      out.state,
      { kind: 'mobileReturn', occurredOn: '2026-10-01' },
      AS_OF,
    );
    expect(back).toEqual({ ok: true, state: FULL });
  });

  it('refuses an event dated tomorrow and accepts one dated today', () => {
    expect(
      applyMembershipEvent(FULL, { kind: 'deceased', occurredOn: '2026-11-28' }, AS_OF),
    ).toMatchObject({
      ok: false,
      problem: { field: 'occurredOn' },
    });
    expect(
      applyMembershipEvent(FULL, { kind: 'deceased', occurredOn: AS_OF }, AS_OF),
    ).toMatchObject({
      ok: true,
      state: { status: 'deceased', statusSince: AS_OF },
    });
  });

  it('requires 介绍信编号, destination and a validity not before the day it was issued', () => {
    const base = {
      kind: 'transferOut',
      occurredOn: '2026-11-01',
      letterNumber: '017',
      place: '某街道工委',
    } as const;
    expect(
      applyMembershipEvent(FULL, { ...base, letterNumber: ' ', validUntil: '2026-12-01' }, AS_OF),
    ).toMatchObject({
      ok: false,
      problem: { field: 'letterNumber' },
    });
    expect(applyMembershipEvent(FULL, { ...base, validUntil: '2026-10-31' }, AS_OF)).toMatchObject({
      ok: false,
      problem: { field: 'validUntil', message: '介绍信有效期 2026-10-31 早于开出日期 2026-11-01' },
    });
    expect(applyMembershipEvent(FULL, { ...base, validUntil: '2026-11-01' }, AS_OF)).toMatchObject({
      ok: true,
      state: { awayKind: 'transferredOut', awaySince: '2026-11-01', status: 'full' },
    });
  });

  it('lets a 流动党员 transfer out but not one already transferred', () => {
    const mobile: MembershipState = { ...FULL, awayKind: 'mobile', awaySince: '2025-01-01' };
    const input = {
      kind: 'transferOut',
      occurredOn: '2026-11-01',
      letterNumber: '1',
      place: 'x',
      validUntil: '2026-12-01',
    } as const;
    expect(applyMembershipEvent(mobile, input, AS_OF).ok).toBe(true);
    const gone: MembershipState = { ...FULL, awayKind: 'transferredOut', awaySince: '2026-01-01' };
    expect(applyMembershipEvent(gone, input, AS_OF)).toMatchObject({
      ok: false,
      problem: { message: '当前为“已转出”，不能登记“组织关系转出”' },
    });
  });

  it('confirms a 预备党员 on or after the day he joined, never before', () => {
    const p: MembershipState = {
      ...FULL,
      status: 'probationary',
      fullMemberSince: null,
      joinedOn: '2025-11-27',
    };
    expect(applyMembershipEvent(p, { kind: 'confirmed', occurredOn: '2025-11-26' }, AS_OF).ok).toBe(
      false,
    );
    expect(
      applyMembershipEvent(p, { kind: 'confirmed', occurredOn: '2026-11-27' }, AS_OF),
    ).toMatchObject({
      ok: true,
      state: { status: 'full', fullMemberSince: '2026-11-27' },
    });
    expect(
      applyMembershipEvent(FULL, { kind: 'confirmed', occurredOn: '2026-11-27' }, AS_OF),
    ).toMatchObject({
      ok: false,
      problem: { message: '当前为“正式党员”，不能登记“预备党员转正”' },
    });
  });

  it('suspends and reinstates to the status the dates support; 出党 needs its way', () => {
    const s = applyMembershipEvent(FULL, { kind: 'suspended', occurredOn: '2026-01-05' }, AS_OF);
    expect(s).toMatchObject({ ok: true, state: { status: 'suspended' } });
    if (!s.ok) {
      return;
    }
    expect(
      applyMembershipEvent(s.state, { kind: 'reinstated', occurredOn: '2026-06-01' }, AS_OF),
    ).toMatchObject({
      ok: true,
      state: { status: 'full', statusSince: '2026-06-01' },
    });
    expect(
      applyMembershipEvent(s.state, { kind: 'left', occurredOn: '2026-06-01' }, AS_OF),
    ).toMatchObject({
      ok: false,
      problem: { field: 'note' },
    });
    expect(
      applyMembershipEvent(
        s.state,
        { kind: 'left', occurredOn: '2026-06-01', note: '自行脱党除名' },
        AS_OF,
      ),
    ).toMatchObject({
      ok: true,
      state: { status: 'left' },
    });
  });

  it('refuses a correction that puts 转正日期 before 入党日期', () => {
    expect(
      applyMembershipEvent(
        FULL,
        { kind: 'corrected', occurredOn: AS_OF, fullMemberSince: '2010-06-30' },
        AS_OF,
      ),
    ).toMatchObject({
      ok: false,
      problem: { message: '转正日期 2010-06-30 早于入党日期 2010-07-01' },
    });
  });
});

describe('structure', () => {
  it('puts the 35th and 36th birthdays in different age bands', () => {
    expect(ageBand('1990-11-27', AS_OF)).toBe('36至45岁');
    expect(ageBand('1990-11-28', AS_OF)).toBe('35岁及以下');
    expect(ageBand('1965-11-28', AS_OF)).toBe('56至60岁');
    expect(ageBand('1965-11-27', AS_OF)).toBe('61岁及以上');
  });

  it('counts 党龄 from 转正 and bands it; a 预备党员 has none', () => {
    expect(partyYearsBand('2021-11-28', AS_OF)).toBe('不满5年');
    expect(partyYearsBand('2021-11-27', AS_OF)).toBe('5至9年');
    expect(partyYearsBand(null, AS_OF)).toBe('预备党员');
    expect(bornOnOrBefore(35, AS_OF)).toBe('1991-11-27');
  });

  it('finds 一肩挑 and 交叉任职', () => {
    const one = cadreIndicators([
      { personId: 1, body: 'partyOrg', title: 'secretary' },
      { personId: 1, body: 'villagersCommittee', title: 'director' },
      { personId: 2, body: 'partyOrg', title: 'member' },
      { personId: 2, body: 'villagersCommittee', title: 'member' },
      { personId: 3, body: 'villagersCommittee', title: 'member' },
      { personId: 4, body: 'supervisoryCommittee', title: 'director' },
    ]);
    expect(one).toEqual({
      secretaryId: 1,
      directorId: 1,
      isOneShoulder: true,
      crossAppointedIds: [1, 2],
      twoCommitteesSize: 3,
    });
    const two = cadreIndicators([
      { personId: 1, body: 'partyOrg', title: 'secretary' },
      { personId: 5, body: 'villagersCommittee', title: 'director' },
    ]);
    expect(two.isOneShoulder).toBe(false);
    expect(two.crossAppointedIds).toEqual([]);
    expect(cadreIndicators([]).isOneShoulder).toBe(false);
  });

  it('flags an absence of six months on the day it reaches six months', () => {
    expect(isAwayLongEnoughToTransfer('2026-05-27', AS_OF)).toBe(true);
    expect(isAwayLongEnoughToTransfer('2026-05-28', AS_OF)).toBe(false);
  });
});

describe('arriveByTransfer', () => {
  const letter = {
    kind: 'transferIn' as const,
    occurredOn: '2026-11-20',
    letterNumber: '甬组转字〔2026〕第112号',
    place: '中共宁波市北仑区新碶街道工作委员会',
    validUntil: '2026-11-20',
    status: 'full' as const,
    joinedOn: '2015-06-30',
    fullMemberSince: '2016-06-30',
  };
  it('takes a 正式党员 with a letter valid on the day of arrival, here, dated that day', () => {
    expect(arriveByTransfer(letter, AS_OF)).toEqual({
      ok: true,
      state: {
        status: 'full',
        joinedOn: '2015-06-30',
        fullMemberSince: '2016-06-30',
        awayKind: null,
        awaySince: null,
        statusSince: '2026-11-20',
      },
    });
  });
  it('refuses a letter past its validity by one day', () => {
    const r = arriveByTransfer({ ...letter, validUntil: '2026-11-19' }, AS_OF);
    expect(r).toMatchObject({ ok: false, problem: { field: 'validUntil' } });
  });
  it('requires the letter number, the sending org and the dates of the status', () => {
    expect(arriveByTransfer({ ...letter, letterNumber: ' ' }, AS_OF)).toMatchObject({
      problem: { field: 'letterNumber' },
    });
    expect(arriveByTransfer({ ...letter, place: '' }, AS_OF)).toMatchObject({
      problem: { field: 'place' },
    });
    expect(arriveByTransfer({ ...letter, fullMemberSince: null }, AS_OF)).toMatchObject({
      problem: { field: 'fullMemberSince' },
    });
    expect(
      arriveByTransfer({ ...letter, status: 'probationary', fullMemberSince: null }, AS_OF),
    ).toMatchObject({ ok: true, state: { status: 'probationary', fullMemberSince: null } });
    expect(arriveByTransfer({ ...letter, status: 'activist' }, AS_OF)).toMatchObject({
      problem: { field: 'status' },
    });
  });
  it('refuses a day after today, accepts today', () => {
    expect(
      arriveByTransfer({ ...letter, occurredOn: '2026-11-28', validUntil: '2026-12-31' }, AS_OF),
    ).toMatchObject({
      problem: { field: 'occurredOn' },
    });
    expect(
      arriveByTransfer({ ...letter, occurredOn: AS_OF, validUntil: '2026-12-31' }, AS_OF).ok,
    ).toBe(true);
  });
});
