import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.service';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { complianceReport } from './compliance.service';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listBranchMembers,
  listMeetings,
} from './meetings.service';
import { createClass, recordAttendance } from './training.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

for (const target of testDatabaseTargets()) {
  describe(`meetings service on ${target.name}`, () => {
    let w: TestWorld;
    let branchId: number;
    let members: { personId: number; name: string }[];
    beforeEach(async () => {
      w = await openTestWorld(target);
      branchId = await w.orgIdByName('河口村第一党支部');
      members = (await listBranchMembers(w.ctx, w.actors['shuji']!, branchId)).members;
    });
    afterEach(async () => {
      await w.close();
    });

    const meetingCount = async () =>
      Number(
        (
          await w.handle.db
            .selectFrom('meeting')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('records a 支部党员大会: Q4 turns met and the attendees gain the hours', async () => {
      const shuji = w.actors['shuji']!;
      const [a, b, c] = members;
      const before = await complianceReport(w.ctx, shuji, {
        year: 2026,
        orgId: branchId,
        asOf: '2026-11-27',
      });
      const hoursBefore = before.branches[0]!.study.find(
        (s) => s.personId === a!.personId,
      )!.totalHours;

      const m = await createMeeting(w.ctx, shuji, {
        orgId: branchId,
        kind: 'branchAssembly',
        date: '2026-11-20',
        topic: '学习贯彻全会精神',
        presenterPersonId: a!.personId,
        minutes: '会议由书记主持……',
        decisions: '通过年度工作计划',
        studyHours: 2,
        attendees: [{ personId: a!.personId }, { personId: b!.personId, hours: 1.5 }],
        absentees: [{ personId: c!.personId, reason: '外出务工' }],
      });
      expect(m.kindLabel).toBe('支部党员大会');
      expect(m.attendees.map((x) => x.hours)).toEqual([2, 1.5]);
      expect(m.absentees[0]?.reason).toBe('外出务工');
      expect(m.presenterName).toBe(a!.name);

      const after = await complianceReport(w.ctx, shuji, {
        year: 2026,
        orgId: branchId,
        asOf: '2026-11-27',
      });
      const cell = after.branches[0]!.cells.find(
        (x) => x.rule === 'BR-06' && x.period === '2026-Q4',
      )!;
      expect(cell.state).toBe('met');
      expect(cell.meetingIds).toContain(m.id);
      const hoursAfter = after.branches[0]!.study.find(
        (s) => s.personId === a!.personId,
      )!.totalHours;
      expect(hoursAfter).toBeCloseTo(hoursBefore + 2, 5);

      const listed = await listMeetings(w.ctx, shuji, {
        orgId: branchId,
        kind: 'branchAssembly',
        year: 2026,
      });
      expect(listed.find((x) => x.id === m.id)).toMatchObject({ presentCount: 2, absentCount: 1 });
      const audit = await w.handle.db
        .selectFrom('auditEntry')
        .selectAll()
        .where('action', '=', 'meeting.create')
        .execute();
      expect(audit.at(-1)?.entityId).toBe(String(m.id));
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('refuses bad input with a Chinese message and saves nothing', async () => {
      const shuji = w.actors['shuji']!;
      const base = {
        orgId: branchId,
        kind: 'themeDay' as const,
        date: '2026-11-10',
        topic: '主题党日',
        studyHours: 2,
        attendees: [{ personId: members[0]!.personId }],
      };
      const n = await meetingCount();
      await expectCode(
        createMeeting(w.ctx, shuji, { ...base, date: '2026-11-28' }),
        'ERR_MEETING_DATE_FUTURE',
      );
      const outsider = (
        await listBranchMembers(w.ctx, w.actors['zuzhi']!, await w.orgIdByName('石桥村党支部'))
      ).members[0]!;
      await expectCode(
        createMeeting(w.ctx, shuji, {
          ...base,
          attendees: [...base.attendees, { personId: outsider.personId }],
        }),
        'ERR_MEETING_ATTENDEE_OUTSIDE',
      );
      await expectCode(
        createMeeting(w.ctx, shuji, {
          ...base,
          attendees: [{ personId: members[0]!.personId, hours: -1 }],
        }),
        'ERR_STUDY_HOURS_INVALID',
      );
      await expectCode(
        createMeeting(w.ctx, shuji, {
          ...base,
          attendees: [{ personId: members[0]!.personId, hours: 2.5 }],
        }),
        'ERR_STUDY_HOURS_INVALID',
      );
      await expectCode(
        createMeeting(w.ctx, shuji, {
          ...base,
          absentees: [{ personId: members[0]!.personId, reason: '病假' }],
        }),
        'ERR_MEETING_ATTENDEE_DUPLICATE',
      );
      await expectCode(
        createMeeting(w.ctx, shuji, { ...base, orgId: await w.orgIdByName('河口村党委') }),
        'ERR_MEETING_NOT_BRANCH',
      );
      await expectCode(
        createMeeting(w.ctx, shuji, { ...base, kind: 'groupMeeting' }),
        'ERR_MEETING_GROUP_INVALID',
      );
      await expectCode(
        createMeeting(w.ctx, shuji, { ...base, orgId: await w.orgIdByName('石桥村党支部') }),
        'ERR_FORBIDDEN_SCOPE',
      );
      await expectCode(createMeeting(w.ctx, w.actors['xuncha']!, base), 'ERR_FORBIDDEN_ROLE');
      expect(await meetingCount()).toBe(n);
    });

    it('deletes a meeting with its attendance and an audit entry', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const m = await createMeeting(w.ctx, zuzhi, {
        orgId: branchId,
        kind: 'partyLecture',
        date: '2026-11-26',
        topic: '党课',
        studyHours: 1,
        attendees: [{ personId: members[0]!.personId }],
      });
      await expectCode(deleteMeeting(w.ctx, w.actors['xuncha']!, m.id), 'ERR_FORBIDDEN_ROLE');
      await deleteMeeting(w.ctx, zuzhi, m.id);
      await expectCode(getMeeting(w.ctx, zuzhi, m.id), 'ERR_NOT_FOUND');
      const rows = await w.handle.db
        .selectFrom('meetingAttendance')
        .selectAll()
        .where('meetingId', '=', m.id)
        .execute();
      expect(rows).toEqual([]);
    });

    it('credits training hours per session, refusing more than the session or a person twice', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const township = await w.orgIdByName('青山镇党委');
      const [a, b] = members;
      const cls = await createClass(w.ctx, zuzhi, {
        orgId: township,
        name: '测试轮训班',
        organizer: '中共青山镇委员会',
        startDate: '2026-11-02',
        endDate: '2026-11-03',
        centralized: true,
        sessions: [
          { date: '2026-11-02', hours: 3, topic: '党章', teacher: '县委党校 李老师' },
          { date: '2026-11-03', hours: 3, topic: '条例', teacher: '县委党校 王老师' },
        ],
        trainees: [
          { personId: a!.personId, category: 'member' },
          { personId: b!.personId, category: 'member' },
        ],
      });
      const [s1, s2] = cls.sessions;
      await expectCode(
        recordAttendance(w.ctx, zuzhi, cls.id, s1!.id, [{ personId: a!.personId, hours: 3.5 }]),
        'ERR_STUDY_HOURS_INVALID',
      );
      await expectCode(
        recordAttendance(w.ctx, zuzhi, cls.id, s1!.id, [
          { personId: a!.personId },
          { personId: a!.personId },
        ]),
        'ERR_MEETING_ATTENDEE_DUPLICATE',
      );
      await recordAttendance(w.ctx, zuzhi, cls.id, s1!.id, [
        { personId: a!.personId },
        { personId: b!.personId },
      ]);
      const done = await recordAttendance(w.ctx, zuzhi, cls.id, s2!.id, [
        { personId: a!.personId },
      ]);
      expect(done.trainees.map((t) => [t.hours, t.completed])).toEqual([
        [6, true],
        [3, false],
      ]);
      await expectCode(
        createClass(w.ctx, zuzhi, {
          ...{ orgId: township, name: 'x', organizer: 'y', centralized: false },
          startDate: '2026-11-05',
          endDate: '2026-11-04',
          sessions: [],
          trainees: [],
        }),
        'ERR_TRAINING_DATES_INVALID',
      );
      await expectCode(
        createClass(w.ctx, w.actors['shuji']!, {
          orgId: branchId,
          name: 'x',
          organizer: 'y',
          centralized: false,
          startDate: '2026-11-05',
          endDate: '2026-11-05',
          sessions: [],
          trainees: [],
        }),
        'ERR_FORBIDDEN_ROLE',
      );
    });
  });
}
