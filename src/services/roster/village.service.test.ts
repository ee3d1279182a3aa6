import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { getVillageProfile, listVillages, rosterStatistics } from './village.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

for (const target of testDatabaseTargets()) {
  describe(`village profiles and statistics on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('shows 河口村 with its 两委, 一肩挑, 交叉任职, term end and structure', async () => {
      const id = await w.orgIdByName('河口村党委');
      const p = await getVillageProfile(w.ctx, w.actors['shuji']!, id);
      expect(p.name).toBe('河口村党委');
      expect(p.isOneShoulder).toBe(true);
      expect(p.secretaryName).toBe(p.directorName);
      expect(p.crossAppointedNames.length).toBeGreaterThanOrEqual(3);
      expect(p.posts[0]).toMatchObject({ bodyLabel: '村党组织', titleLabel: '书记' });
      expect(p.posts.some((x) => x.body === 'supervisoryCommittee')).toBe(true);
      expect(p.posts.some((x) => !x.isPartyMember)).toBe(true);
      expect(p.termEnd).toBe('2031-03-15');
      const planned = await w.handle.db
        .selectFrom('electionTerm')
        .select('electionDate')
        .where('orgId', '=', id)
        .where('held', '=', 0)
        .where('electionDate', 'is not', null)
        .orderBy('electionDate')
        .executeTakeFirst();
      expect(p.nextElectionDate).toBe(planned?.electionDate ?? null);
      expect(p.counts.members).toBe(p.structure.total);
      expect(p.structure.ageBands.reduce((s, b) => s + b.count, 0)).toBe(p.counts.members);
      expect(p.structure.gender.reduce((s, b) => s + b.count, 0)).toBe(p.counts.members);
      expect(p.counts.branches).toBe(3);
      expect(p.reserves.length).toBeGreaterThanOrEqual(1);
    });

    it('shows 石桥村 without 一肩挑 and refuses the township as a village', async () => {
      const p = await getVillageProfile(
        w.ctx,
        w.actors['zuzhi']!,
        await w.orgIdByName('石桥村党支部'),
      );
      expect(p.isOneShoulder).toBe(false);
      expect(p.secretaryName).not.toBe(p.directorName);
      await expectCode(
        getVillageProfile(w.ctx, w.actors['zuzhi']!, await w.orgIdByName('青山镇党委')),
        'ERR_ROSTER_NOT_VILLAGE',
      );
      await expectCode(
        getVillageProfile(w.ctx, w.actors['shuji']!, await w.orgIdByName('石桥村党支部')),
        'ERR_FORBIDDEN_SCOPE',
      );
    });

    it('flags a 流动党员 away six months without a transfer (EDU-08)', async () => {
      const villages = await listVillages(w.ctx, w.actors['zuzhi']!);
      const findings = (
        await Promise.all(villages.map((v) => getVillageProfile(w.ctx, w.actors['zuzhi']!, v.id)))
      ).flatMap((p) => p.findings);
      expect(findings.some((f) => f.ruleId === 'EDU-08')).toBe(true);
    });

    it('lists 12 villages for the township and one for the village secretary', async () => {
      const all = await listVillages(w.ctx, w.actors['zuzhi']!);
      expect(all).toHaveLength(12);
      expect(
        all
          .filter((v) => !v.isOneShoulder)
          .map((v) => v.name)
          .sort(),
      ).toEqual(['新街社区党支部', '石桥村党支部', '龙泉村党支部'].sort());
      const mine = await listVillages(w.ctx, w.actors['shuji']!);
      expect(mine.map((v) => v.name)).toEqual(['河口村党委']);
    });

    it('adds up the township statistics per village and per band', async () => {
      const s = await rosterStatistics(w.ctx, w.actors['zuzhi']!);
      expect(s.scopeName).toBe('青山镇党委');
      expect(s.perVillage).toHaveLength(12);
      expect(s.perVillage.reduce((n, v) => n + v.members, 0)).toBe(s.structure.total);
      expect(s.structure.partyYears.reduce((n, v) => n + v.count, 0)).toBe(s.structure.total);
      expect(s.admissionsByYear).toHaveLength(10);
      const mine = await rosterStatistics(w.ctx, w.actors['shuji']!);
      expect(mine.perVillage.map((v) => v.name)).toEqual(['河口村党委']);
    });
  });
}
