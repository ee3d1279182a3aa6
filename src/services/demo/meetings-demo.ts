/**
 * Demo 组织生活 and 学习培训 for the demo township's 2026: for every 党支部 the 三会一课, 主题党日 and
 * some 组织生活会 up to 2026-11-20, with attendance and hours; committees for the branches under a
 * 村党委/党总支; a few exempt elderly members; two training classes. Deterministic from the seed,
 * with realistic gaps: skipped months, a branch without its committee, a branch whose committee
 * was set up in May, members who have not come for half a year.
 */
import type { Transaction } from 'kysely';
import { formatDate, type IsoDate } from '../../domain/calendar/date';
import type { MeetingKind } from '../../domain/organization-life/types';
import type { Database } from '../../db/schema';
import { createRng, type Rng } from '../gen/rng';

const LAST_DAY: IsoDate = '2026-11-20';
const YEAR = 2026;

const TOPICS: Record<MeetingKind, readonly string[]> = {
  branchAssembly: [
    '讨论本季度村级重要事项和党员发展工作',
    '通报党费收缴情况，讨论集体经济项目',
    '讨论接收预备党员事宜',
    '学习贯彻党的二十届四中全会精神',
  ],
  committeeMeeting: [
    '研究本月主题党日安排',
    '研究入党积极分子培养考察情况',
    '研究困难党员慰问名单',
    '研究人居环境整治分工',
    '研究秋收期间党员志愿服务安排',
  ],
  groupMeeting: [
    '学习党章第一章',
    '交流党员联系农户情况',
    '学习《中国共产党纪律处分条例》',
    '讨论春耕互助',
  ],
  partyLecture: [
    '学习党章，做合格党员',
    '传承红色基因，走好新时代长征路',
    '党的二十届四中全会精神解读',
    '乡村振兴中的党员责任',
  ],
  themeDay: [
    '重温入党誓词，开展环境卫生整治',
    '学习党纪，走访困难群众',
    '志愿服务进农户',
    '观看专题教育片并交流',
    '清理河道垃圾志愿活动',
  ],
  lifeMeeting: ['2026年度组织生活会'],
  memberAppraisal: ['2026年度民主评议党员'],
};

const ABSENCE_REASONS = ['外出务工', '病假', '在外地照顾子女', '农忙', '参加县里培训'];

const STUDY_MINUTES: Record<MeetingKind, number> = {
  branchAssembly: 90,
  committeeMeeting: 0,
  groupMeeting: 60,
  partyLecture: 120,
  themeDay: 120,
  lifeMeeting: 120,
  memberAppraisal: 60,
};

interface BranchPeople {
  id: number;
  name: string;
  path: string;
  members: { personId: number; name: string; birthDate: string | null; status: string }[];
  groups: { id: number; name: string }[];
  secretaryId: number | null;
  officerIds: number[];
}

function dayIn(rng: Rng, month: number, from: number, to: number): IsoDate {
  return formatDate(YEAR, month, rng.int(from, to));
}

async function insertChunked<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 4000) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 4000) as never)
      .execute();
  }
}

export async function seedMeetingsDemo(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
  seed: number | string = 2026,
): Promise<{ meetings: number; classes: number }> {
  const rng = createRng(`${String(seed)}#meetings`);
  const branches = await trx
    .selectFrom('org')
    .select(['id', 'name', 'path', 'parentId'])
    .where('kind', '=', 'branch')
    .where('areaCode', '=', areaCode)
    .orderBy('id')
    .execute();
  const people: BranchPeople[] = [];
  for (const b of branches) {
    const members = await trx
      .selectFrom('partyMembership')
      .innerJoin('person', 'person.id', 'partyMembership.personId')
      .innerJoin('org', 'org.id', 'partyMembership.orgId')
      .select([
        'person.id as personId',
        'person.name',
        'person.birthDate',
        'partyMembership.status',
      ])
      .where('org.path', 'like', `${b.path}%`)
      .where('partyMembership.status', 'in', ['full', 'probationary'])
      .orderBy('person.id')
      .execute();
    const groups = await trx
      .selectFrom('org')
      .select(['id', 'name'])
      .where('parentId', '=', b.id)
      .where('kind', '=', 'partyGroup')
      .orderBy('id')
      .execute();
    let posts = await trx
      .selectFrom('cadrePost')
      .select(['personId', 'title', 'termStart', 'endedOn'])
      .where('orgId', '=', b.id)
      .where('body', '=', 'partyOrg')
      .execute();
    const full = members.filter((m) => m.status === 'full');
    if (posts.length === 0 && full.length >= 3) {
      // Branches under a 村党委/党总支 get their own committee here; one is left without it
      // (BR-04) and one set it up only in May (BR-07 from June).
      const withoutCommittee = b.name === '青山社区第二党支部';
      const lateCommittee = b.name === '河口村第三党支部';
      const rows = [
        { personId: full[0]!.personId, title: 'secretary' as const, termStart: '2021-06-20' },
        ...(withoutCommittee
          ? []
          : [
              {
                personId: full[1]!.personId,
                title: 'member' as const,
                termStart: lateCommittee ? '2026-05-12' : '2021-06-20',
              },
              {
                personId: full[2]!.personId,
                title: 'member' as const,
                termStart: lateCommittee ? '2026-05-12' : '2021-06-20',
              },
            ]),
      ];
      await trx
        .insertInto('cadrePost')
        .values(
          rows.map((r) => ({
            ...r,
            orgId: b.id,
            areaCode,
            body: 'partyOrg' as const,
            termEnd: '2026-06-19',
            endedOn: null,
            endReason: null,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .execute();
      posts = rows.map((r) => ({ ...r, endedOn: null }));
    }
    const current = posts.filter((p) => p.endedOn === null);
    people.push({
      id: b.id,
      name: b.name,
      path: b.path,
      members,
      groups,
      secretaryId: current.find((p) => p.title === 'secretary')?.personId ?? null,
      officerIds: current.map((p) => p.personId),
    });
  }

  // EDU-06: the oldest members (born 1940 or earlier) mostly registered as exempt.
  const exemptions: Record<string, unknown>[] = [];
  const exempt = new Set<number>();
  for (const b of people) {
    for (const m of b.members) {
      if (m.birthDate !== null && m.birthDate <= '1940-12-31' && rng.chance(0.7)) {
        exempt.add(m.personId);
        exemptions.push({
          personId: m.personId,
          orgId: b.id,
          areaCode,
          reason: rng.pick(['年老体弱、行动不便', '年老体弱', '重病']),
          fromDate: '2024-01-01',
          toDate: null,
          createdAt: at,
        });
      }
    }
  }
  await insertChunked(trx, 'studyExemption', exemptions);

  let meetingCount = 0;
  for (const b of people) {
    // One or two members per branch who have not come since spring (EDU-11 review list).
    const lapsed = new Set(
      b.members
        .filter((m) => !exempt.has(m.personId) && !b.officerIds.includes(m.personId))
        .slice(-1 - (b.id % 2))
        .map((m) => m.personId),
    );
    const regular = b.members.filter((m) => !exempt.has(m.personId));
    const secretaryName = b.members.find((m) => m.personId === b.secretaryId)?.name ?? '书记';
    const plan: {
      kind: MeetingKind;
      date: IsoDate;
      groupId: number | null;
      attendees: typeof regular;
      presenterId: number | null;
    }[] = [];
    const gapMonth = rng.int(2, 10);
    for (let month = 1; month <= 11; month++) {
      const maxDay = month === 11 ? 20 : 28;
      if (!(month === gapMonth && b.id % 3 === 0)) {
        plan.push({
          kind: 'themeDay',
          date: dayIn(rng, month, 5, Math.min(15, maxDay)),
          groupId: null,
          attendees: regular,
          presenterId: b.secretaryId,
        });
      }
      if (b.officerIds.length >= 3 && !rng.chance(0.07)) {
        const officers = regular.filter((m) => b.officerIds.includes(m.personId));
        plan.push({
          kind: 'committeeMeeting',
          date: dayIn(rng, month, 1, 4),
          groupId: null,
          attendees: officers,
          presenterId: b.secretaryId,
        });
      }
      b.groups.forEach((g, gi) => {
        if (!rng.chance(0.08)) {
          const mine = regular.filter((_, i) => i % b.groups.length === gi);
          plan.push({
            kind: 'groupMeeting',
            date: dayIn(rng, month, 16, maxDay),
            groupId: g.id,
            attendees: mine,
            presenterId: null,
          });
        }
      });
      if ((month === 2 || month === 5 || month === 8 || month === 11) && !rng.chance(0.1)) {
        plan.push({
          kind: 'partyLecture',
          date: dayIn(rng, month, 18, maxDay),
          groupId: null,
          attendees: regular,
          presenterId: month === 5 ? b.secretaryId : null,
        });
      }
      if ((month === 3 || month === 6 || month === 9) && !rng.chance(0.08)) {
        plan.push({
          kind: 'branchAssembly',
          date: dayIn(rng, month, 20, 28),
          groupId: null,
          attendees: regular,
          presenterId: b.secretaryId,
        });
      }
    }
    if (b.id % 3 === 1) {
      plan.push({
        kind: 'lifeMeeting',
        date: '2026-11-18',
        groupId: null,
        attendees: regular,
        presenterId: b.secretaryId,
      });
      plan.push({
        kind: 'memberAppraisal',
        date: '2026-11-19',
        groupId: null,
        attendees: regular,
        presenterId: b.secretaryId,
      });
    }
    const due = plan.filter((x) => x.date <= LAST_DAY);
    const values = due.map((p) => {
      const topic = rng.pick(TOPICS[p.kind]);
      const presenter =
        p.presenterId === null
          ? null
          : (b.members.find((m) => m.personId === p.presenterId) ?? null);
      const lecturer =
        p.kind === 'partyLecture' && presenter === null
          ? rng.pick(['镇党委副书记', '县委党校教师', '驻村第一书记'])
          : null;
      return {
        orgId: b.id,
        groupOrgId: p.groupId,
        areaCode,
        kind: p.kind,
        date: p.date,
        topic,
        presenterPersonId: presenter?.personId ?? null,
        presenterName: presenter?.name ?? lecturer ?? secretaryName,
        location: '村党群服务中心',
        minutes: `会议由${presenter?.name ?? lecturer ?? secretaryName}主持。${topic}。与会党员结合实际作了发言。`,
        decisions:
          p.kind === 'branchAssembly' || p.kind === 'committeeMeeting'
            ? '按会议分工抓好落实。'
            : '',
        studyMinutes: STUDY_MINUTES[p.kind],
        createdAt: at,
        updatedAt: at,
        createdByName: '演示数据',
      };
    });
    const ids: number[] = [];
    for (let i = 0; i < values.length; i += 200) {
      const inserted = await trx
        .insertInto('meeting')
        .values(values.slice(i, i + 200))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    meetingCount += ids.length;
    const rows: Record<string, unknown>[] = [];
    due.forEach((p, k) => {
      const id = ids[k] ?? 0;
      for (const m of p.attendees) {
        const away = (lapsed.has(m.personId) && p.date >= '2026-04-01') || rng.chance(0.12);
        if (!away) {
          rows.push({
            meetingId: id,
            personId: m.personId,
            areaCode,
            status: 'present',
            absenceReason: null,
            studyMinutes: STUDY_MINUTES[p.kind],
          });
        } else {
          const reason = lapsed.has(m.personId)
            ? null
            : rng.chance(0.7)
              ? rng.pick(ABSENCE_REASONS)
              : null;
          rows.push({
            meetingId: id,
            personId: m.personId,
            areaCode,
            status: 'absent',
            absenceReason: reason,
            studyMinutes: 0,
          });
        }
      }
    });
    await insertChunked(trx, 'meetingAttendance', rows);
  }

  // Two classes: the township's 轮训班 for secretaries and party members (集中培训), and a
  // 冬训 session for one village, part-way through.
  const township = await trx
    .selectFrom('org')
    .select(['id'])
    .where('kind', '=', 'townshipCommittee')
    .where('areaCode', '=', areaCode)
    .executeTakeFirstOrThrow();
  const secretaries = people.map((b) => b.secretaryId).filter((x): x is number => x !== null);
  const backbone = people.flatMap((b) =>
    b.members
      .filter((m) => !exempt.has(m.personId))
      .slice(3, 5)
      .map((m) => m.personId),
  );
  const trainees = [...new Set([...secretaries, ...backbone])];
  const classes = [
    {
      name: '2026年村（社区）党组织书记和党员骨干轮训班',
      organizer: '中共青山镇委员会',
      startDate: '2026-06-16',
      endDate: '2026-06-18',
      centralized: 1,
      sessions: [
        {
          date: '2026-06-16',
          minutes: 360,
          topic: '党的创新理论专题学习',
          teacher: '县委党校 陈老师',
        },
        {
          date: '2026-06-17',
          minutes: 360,
          topic: '《中国共产党支部工作条例（试行）》解读',
          teacher: '县委组织部 刘科长',
        },
        {
          date: '2026-06-18',
          minutes: 240,
          topic: '发展壮大村级集体经济案例教学',
          teacher: '镇党委 林委员',
        },
      ],
      trainees,
    },
    {
      name: '石桥村2026年党员冬训（第一期）',
      organizer: '中共青山镇委员会',
      startDate: '2026-11-10',
      endDate: '2026-12-10',
      centralized: 0,
      sessions: [
        { date: '2026-11-10', minutes: 240, topic: '党纪学习教育', teacher: '镇纪委 周书记' },
        {
          date: '2026-12-10',
          minutes: 240,
          topic: '冬春农业技术与党员带富',
          teacher: '县农业农村局 技术员',
        },
      ],
      trainees: (people.find((b) => b.name === '石桥村党支部')?.members ?? [])
        .filter((m) => !exempt.has(m.personId))
        .slice(0, 30)
        .map((m) => m.personId),
    },
  ];
  for (const c of classes) {
    const { id: classId } = await trx
      .insertInto('trainingClass')
      .values({
        orgId: township.id,
        areaCode,
        name: c.name,
        organizer: c.organizer,
        startDate: c.startDate,
        endDate: c.endDate,
        centralized: c.centralized,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertChunked(
      trx,
      'trainingTrainee',
      c.trainees.map((personId) => ({
        classId,
        personId,
        areaCode,
        category: secretaries.includes(personId) ? 'cadre' : 'member',
      })),
    );
    for (const s of c.sessions) {
      const { id: sessionId } = await trx
        .insertInto('trainingSession')
        .values({
          classId,
          areaCode,
          date: s.date,
          studyMinutes: s.minutes,
          topic: s.topic,
          teacher: s.teacher,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (s.date > LAST_DAY) {
        continue;
      }
      await insertChunked(
        trx,
        'trainingAttendance',
        c.trainees
          .filter(() => !rng.chance(0.08))
          .map((personId) => ({ sessionId, classId, personId, areaCode, studyMinutes: s.minutes })),
      );
    }
  }
  return { meetings: meetingCount, classes: classes.length };
}
