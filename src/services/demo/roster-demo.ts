/**
 * 知根知底 demo data, written inside seedDemo's transaction: pinyin keys for every person, a
 * 建档 event per membership, 两委 posts for every village (some 一肩挑, some not, a few
 * committee members who are not Party members), a few 流动党员, 出国（境）and 失联 members, two
 * transfers out (one receipt overdue), and 后备干部. Deterministic from the seed.
 */
import type { Transaction } from 'kysely';
import { addDays, addMonths, formatDate, type IsoDate } from '../../domain/calendar/date';
import { idCheckChar } from '../../domain/id-number';
import { nameSearchKeys } from '../../domain/roster/pinyin';
import type { CadreBody, CadreTitle, MembershipEventKind } from '../../domain/roster/types';
import type { Database, MembershipStatus } from '../../db/schema';
import { createRng } from '../gen/rng';
import { inventName, type Gender } from '../gen/names';

/** The 2026 村两委换届 in the demo county: terms began in March 2026 and run five years. */
export const DEMO_TERM_START: IsoDate = '2026-03-16';
export const DEMO_TERM_END: IsoDate = '2031-03-15';
/** The village whose secretary is not also the 村委会主任 (and two more). */
const NOT_ONE_SHOULDER = ['石桥村党支部', '龙泉村党支部', '新街社区党支部'];

const PLACES = [
  '广东省东莞市长安镇',
  '浙江省宁波市北仑区',
  '江苏省苏州市昆山市',
  '福建省厦门市湖里区',
  '上海市松江区',
  '湖北省武汉市洪山区',
];

interface Member {
  membershipId: number;
  personId: number;
  orgId: number;
  status: string;
  birthDate: string | null;
  joinedOn: string | null;
  fullMemberSince: string | null;
}

export async function seedRosterDemo(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
  seed: number | string = 2026,
): Promise<{ posts: number; events: number; reserves: number }> {
  const rng = createRng(`${String(seed)}-roster`);
  // Pinyin keys for everyone seeded so far (foundation and other modules' demo people).
  const people = await trx
    .selectFrom('person')
    .select(['id', 'name'])
    .where('namePinyin', '=', '')
    .execute();
  for (const p of people) {
    await trx.updateTable('person').set(nameSearchKeys(p.name)).where('id', '=', p.id).execute();
  }

  // The generator can give two people the same 公民身份号码 (same birth date and sequence);
  // a roster keyed by ID number cannot hold that, so later ones get the next free sequence.
  const taken = new Set<string>();
  const everyone = await trx
    .selectFrom('person')
    .select(['id', 'idNumber'])
    .where('areaCode', '=', areaCode)
    .orderBy('id')
    .execute();
  for (const p of everyone) {
    if (p.idNumber === null) {
      continue;
    }
    let idNumber = p.idNumber;
    for (let seq = Number(idNumber.slice(14, 17)); taken.has(idNumber);) {
      seq = (seq + 2) % 1000;
      const first17 = `${idNumber.slice(0, 14)}${String(seq).padStart(3, '0')}`;
      idNumber = first17 + idCheckChar(first17);
    }
    taken.add(idNumber);
    if (idNumber !== p.idNumber) {
      await trx.updateTable('person').set({ idNumber }).where('id', '=', p.id).execute();
    }
  }

  const orgs = await trx.selectFrom('org').selectAll().where('areaCode', '=', areaCode).execute();
  const villages = orgs.filter(
    (o) => ['partyCommittee', 'generalBranch', 'branch'].includes(o.kind) && o.depth === 2,
  );
  const members = await trx
    .selectFrom('partyMembership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select([
      'm.id as membershipId',
      'm.personId',
      'm.orgId',
      'm.status',
      'p.birthDate',
      'm.joinedOn',
      'm.fullMemberSince',
      'o.path',
    ])
    .where('m.areaCode', '=', areaCode)
    .orderBy('m.id')
    .execute();

  let events = 0;
  const event = async (
    m: Member,
    kind: MembershipEventKind,
    occurredOn: IsoDate,
    extra: Partial<Database['membershipEvent']> = {},
  ): Promise<number> => {
    events += 1;
    const row = await trx
      .insertInto('membershipEvent')
      .values({
        membershipId: m.membershipId,
        personId: m.personId,
        orgId: m.orgId,
        areaCode,
        kind,
        occurredOn,
        statusBefore: m.status as 'full',
        statusAfter: m.status as 'full',
        letterNumber: null,
        place: null,
        validUntil: null,
        receivedOn: null,
        contactName: null,
        contactPhone: null,
        relatedEventId: null,
        note: null,
        detailJson: null,
        recordedAt: at,
        recordedById: null,
        recordedByName: '系统',
        ...(extra as object),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  // 建档: one event per membership, so every history starts somewhere.
  await insertRecordedEvents(trx, areaCode, at, members);
  events += members.length;
  await trx
    .updateTable('partyMembership')
    .set((eb) => ({ statusSince: eb.fn.coalesce('fullMemberSince', 'joinedOn'), updatedAt: at }))
    .where('areaCode', '=', areaCode)
    .execute();

  const setAway = async (
    m: Member,
    awayKind: 'mobile' | 'abroad' | 'lostContact' | 'transferredOut',
    since: IsoDate,
  ) => {
    await trx
      .updateTable('partyMembership')
      .set({ awayKind, awaySince: since, updatedAt: at })
      .where('id', '=', m.membershipId)
      .execute();
  };

  let posts = 0;
  let reserves = 0;
  const used = new Set<number>();
  for (const village of villages) {
    const inVillage = members.filter((m) => m.path.startsWith(village.path));
    const full = inVillage.filter(
      (m) => m.status === 'full' && m.birthDate !== null && m.birthDate > '1961-01-01',
    );
    const take = (): Member => {
      const candidates = full.filter((m) => !used.has(m.personId));
      const m = candidates[rng.int(0, candidates.length - 1)];
      if (m === undefined) {
        throw new Error(`demo village ${village.name} has too few members`);
      }
      used.add(m.personId);
      return m;
    };
    const nonMember = async (): Promise<number> => {
      const gender: Gender = rng.chance(0.4) ? '女' : '男';
      const name = inventName(rng, gender);
      const birthDate = formatDate(rng.int(1968, 1995), rng.int(1, 12), rng.int(1, 28));
      const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(rng.int(0, 49) * 2 + (gender === '男' ? 1 : 0) + 300).padStart(3, '0')}`;
      const { id } = await trx
        .insertInto('person')
        .values({
          name,
          gender,
          ethnicity: '汉族',
          birthDate,
          idNumber: first17 + idCheckChar(first17),
          education: rng.pick(['高中', '中专', '大专']),
          phone: `100${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          occupation: '村干部',
          areaCode,
          createdAt: at,
          ...nameSearchKeys(name),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    };
    const post = async (personId: number, body: CadreBody, title: CadreTitle) => {
      posts += 1;
      await trx
        .insertInto('cadrePost')
        .values({
          personId,
          orgId: village.id,
          areaCode,
          body,
          title,
          termStart: DEMO_TERM_START,
          termEnd: DEMO_TERM_END,
          endedOn: null,
          endReason: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    };
    const secretary = take();
    const deputy = take();
    const partyMembers = [take(), take(), take()];
    await post(secretary.personId, 'partyOrg', 'secretary');
    await post(deputy.personId, 'partyOrg', 'deputySecretary');
    for (const m of partyMembers) {
      await post(m.personId, 'partyOrg', 'member');
    }
    const oneShoulder = !NOT_ONE_SHOULDER.includes(village.name);
    await post(
      oneShoulder ? secretary.personId : take().personId,
      'villagersCommittee',
      'director',
    );
    // 交叉任职: the deputy secretary and one committee member sit on both.
    await post(deputy.personId, 'villagersCommittee', 'deputyDirector');
    await post((partyMembers[0] ?? deputy).personId, 'villagersCommittee', 'member');
    await post(await nonMember(), 'villagersCommittee', 'member');
    if (rng.chance(0.5)) {
      await post(await nonMember(), 'villagersCommittee', 'member');
    }
    await post(take().personId, 'supervisoryCommittee', 'director');
    await post(await nonMember(), 'supervisoryCommittee', 'member');
    await post(take().personId, 'supervisoryCommittee', 'member');
    // An earlier term, ended, so histories show more than one term.
    posts += 1;
    await trx
      .insertInto('cadrePost')
      .values({
        personId: secretary.personId,
        orgId: village.id,
        areaCode,
        body: 'partyOrg',
        title: rng.chance(0.5) ? 'secretary' : 'deputySecretary',
        termStart: '2021-03-10',
        termEnd: '2026-03-09',
        endedOn: '2026-03-15',
        endReason: '换届',
        createdAt: at,
        updatedAt: at,
      })
      .execute();

    // 后备干部: one or two per village, younger full members.
    const young = full.filter((m) => !used.has(m.personId) && (m.birthDate ?? '') > '1986-01-01');
    for (let k = 0; k < Math.min(young.length, rng.int(1, 2)); k++) {
      const m = young[k];
      if (m === undefined) {
        continue;
      }
      used.add(m.personId);
      reserves += 1;
      const ready = rng.chance(0.5);
      await trx
        .insertInto('reserveCadre')
        .values({
          personId: m.personId,
          orgId: village.id,
          areaCode,
          readiness: ready ? 'ready' : 'developing',
          targetPost: ready ? '村党组织书记' : '村党组织委员',
          notes: ready ? '熟悉集体经济和产业项目，群众基础好' : '返乡创业青年，需在村务工作中锻炼',
          addedOn: '2026-04-20',
          removedOn: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }

    // Whereabouts: 流动党员 in most villages, an odd 出国（境）or 失联.
    const here = inVillage.filter(
      (m) => !used.has(m.personId) && (m.status === 'full' || m.status === 'probationary'),
    );
    const pickHere = (): Member | undefined => {
      const m = here.splice(rng.int(0, here.length - 1), 1)[0];
      if (m !== undefined) {
        used.add(m.personId);
      }
      return m;
    };
    for (let k = rng.int(0, 3); k > 0; k--) {
      const m = pickHere();
      if (m === undefined) {
        break;
      }
      const since = addDays('2026-11-01', -rng.int(40, 600));
      const place = rng.pick(PLACES);
      const out = await event(m, 'mobileOut', since, {
        place,
        contactName: inventName(rng, '男'),
        contactPhone: `100${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        note: '外出务工',
      });
      if (rng.chance(0.6)) {
        await event(m, 'mobileContact', addDays(since, rng.int(20, 35)), {
          relatedEventId: out,
          note: '电话联系，近况良好',
        });
      }
      await setAway(m, 'mobile', since);
    }
    if (rng.chance(0.25)) {
      const m = pickHere();
      if (m !== undefined) {
        await event(m, 'abroad', '2025-09-01', { place: '新加坡', note: '劳务派遣' });
        await setAway(m, 'abroad', '2025-09-01');
      }
    }
    if (rng.chance(0.2)) {
      const m = pickHere();
      if (m !== undefined) {
        await event(m, 'lostContact', '2026-02-10', { note: '电话停机，家属不知去向' });
        await setAway(m, 'lostContact', '2026-02-10');
      }
    }
  }

  // Two transfers out in 河口村: one receipt back, one overdue.
  const hekou = villages.find((v) => v.name === '河口村党委');
  if (hekou !== undefined) {
    const gone = members
      .filter((m) => m.path.startsWith(hekou.path) && !used.has(m.personId) && m.status === 'full')
      .slice(0, 2);
    const [first, second] = gone;
    if (first !== undefined) {
      used.add(first.personId);
      const outId = await event(first, 'transferOut', '2026-08-03', {
        letterNumber: '青组转字〔2026〕第021号',
        place: '中共宁波市北仑区新碶街道工作委员会',
        validUntil: '2026-09-02',
        receivedOn: '2026-08-20',
      });
      await event(first, 'transferReceived', '2026-08-20', { relatedEventId: outId });
      await setAway(first, 'transferredOut', '2026-08-03');
    }
    if (second !== undefined) {
      used.add(second.personId);
      await event(second, 'transferOut', addMonths('2026-11-01', -2), {
        letterNumber: '青组转字〔2026〕第034号',
        place: '中共东莞市长安镇委员会',
        validUntil: addDays(addMonths('2026-11-01', -2), 30),
      });
      await setAway(second, 'transferredOut', addMonths('2026-11-01', -2));
    }
  }
  return { posts, events, reserves };
}

/**
 * A 建档 event for every membership the other modules' demos added without one (the 发展党员
 * applicants), so every demo history starts somewhere. Runs after those demos.
 */
export async function recordUnrecordedMemberships(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
): Promise<number> {
  const rows = await trx
    .selectFrom('partyMembership as m')
    .select(['m.id', 'm.personId', 'm.orgId', 'm.status', 'm.joinedOn', 'm.fullMemberSince'])
    .where('m.areaCode', '=', areaCode)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('membershipEvent as e').select('e.id').whereRef('e.membershipId', '=', 'm.id'),
        ),
      ),
    )
    .orderBy('m.id')
    .execute();
  await insertRecordedEvents(
    trx,
    areaCode,
    at,
    rows.map(({ id, ...m }) => ({ membershipId: id, ...m })),
  );
  await trx
    .updateTable('partyMembership')
    .set((eb) => ({ statusSince: eb.fn.coalesce('fullMemberSince', 'joinedOn'), updatedAt: at }))
    .where('areaCode', '=', areaCode)
    .where('statusSince', 'is', null)
    .execute();
  return rows.length;
}

/** The 建档 (`recorded`) events of demo memberships, in 200-row statements. */
async function insertRecordedEvents(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
  members: readonly {
    membershipId: number;
    personId: number;
    orgId: number;
    status: MembershipStatus;
    joinedOn: string | null;
    fullMemberSince: string | null;
  }[],
): Promise<void> {
  for (let i = 0; i < members.length; i += 200) {
    await trx
      .insertInto('membershipEvent')
      .values(
        members.slice(i, i + 200).map((m) => ({
          membershipId: m.membershipId,
          personId: m.personId,
          orgId: m.orgId,
          areaCode,
          kind: 'recorded' as const,
          occurredOn: m.fullMemberSince ?? m.joinedOn ?? at.slice(0, 10),
          statusBefore: null,
          statusAfter: m.status,
          letterNumber: null,
          place: null,
          validUntil: null,
          receivedOn: null,
          contactName: null,
          contactPhone: null,
          relatedEventId: null,
          note: '演示数据建档',
          detailJson: null,
          recordedAt: at,
          recordedById: null,
          recordedByName: '系统',
        })),
      )
      .execute();
  }
}
