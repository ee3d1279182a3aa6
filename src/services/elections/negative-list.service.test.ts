import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.service';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { checkCandidates, listCandidateChecks, saveCandidateCheck } from './elections.service';
import {
  createNegativeItem,
  deleteNegativeItem,
  listNegativeItems,
  updateNegativeItem,
} from './negative-list.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

for (const target of testDatabaseTargets()) {
  describe(`负面清单 settings on ${target.name}`, () => {
    let w: TestWorld;
    let org: number;
    let people: { id: number; gender: '男' | '女' }[];

    const input = (hits: string[], seats = 3) => ({
      orgId: org,
      bodyKind: '村民委员会' as const,
      date: '2026-12-20',
      seats,
      candidates: people.map((p, i) => ({
        personId: p.id,
        residence: 'hukouResident' as const,
        negativeHits: i === 0 ? hits : [],
        forSecretary: false,
      })),
    });

    beforeEach(async () => {
      w = await openTestWorld(target);
      org = await w.orgIdByName('河口村党委');
      people = await w.handle.db
        .selectFrom('person')
        .innerJoin('partyMembership', 'partyMembership.personId', 'person.id')
        .innerJoin('org', 'org.id', 'partyMembership.orgId')
        .select(['person.id', 'person.gender'])
        .where('org.name', 'like', '河口村%')
        .where('partyMembership.status', '=', 'full')
        .where('person.birthDate', '<', '1990-01-01')
        .orderBy('person.id')
        .limit(4)
        .execute();
      expect(people).toHaveLength(4);
    });
    afterEach(async () => {
      await w.close();
    });

    it('every role reads the eight defaults until the county changes the list', async () => {
      for (const user of ['xianji', 'zuzhi', 'shuji', 'xuncha']) {
        const items = await listNegativeItems(w.ctx, w.actors[user]!);
        expect(items).toHaveLength(8);
        expect(items.every((i) => i.active && !i.verified && i.appliesTo === 'both')).toBe(true);
      }
      expect(await w.handle.db.selectFrom('electionNegativeItem').selectAll().execute()).toEqual(
        [],
      );
    });

    it('only the county changes the list', async () => {
      const item = { label: '拒不执行土地征收决定', source: '某省文件', verified: false };
      for (const user of ['zuzhi', 'shuji', 'xuncha']) {
        await expectCode(
          createNegativeItem(w.ctx, w.actors[user]!, { ...item, appliesTo: 'both' }),
          'ERR_FORBIDDEN_ROLE',
        );
        await expectCode(
          updateNegativeItem(w.ctx, w.actors[user]!, 'criminal', { active: false }),
          'ERR_FORBIDDEN_ROLE',
        );
      }
      const items = await createNegativeItem(w.ctx, w.actors['xianji']!, {
        ...item,
        appliesTo: 'both',
      });
      expect(items).toHaveLength(9);
      expect(items.at(-1)).toMatchObject({ label: item.label, sortOrder: 9, active: true });
      expect(items.at(-1)?.key).toMatch(/^c\d+$/);
      expect(items[0]?.key).toBe('criminal');
    });

    it('refuses an item without a label or source, or a second item of the same label', async () => {
      const xianji = w.actors['xianji']!;
      const ok = { label: '两字', source: '出处', verified: true, appliesTo: 'both' as const };
      await expectCode(
        createNegativeItem(w.ctx, xianji, { ...ok, label: '一' }),
        'ERR_ELECTION_NEGATIVE_ITEM_INVALID',
      );
      await expectCode(
        createNegativeItem(w.ctx, xianji, { ...ok, source: ' ' }),
        'ERR_ELECTION_NEGATIVE_ITEM_INVALID',
      );
      await expectCode(
        createNegativeItem(w.ctx, xianji, { ...ok, label: '被列为失信被执行人' }),
        'ERR_ELECTION_NEGATIVE_ITEM_INVALID',
      );
      expect(await createNegativeItem(w.ctx, xianji, ok)).toHaveLength(9);
    });

    it('an edit applies to new checks; a stored check keeps the list it used', async () => {
      const xianji = w.actors['xianji']!;
      const zuzhi = w.actors['zuzhi']!;
      const stored = await saveCandidateCheck(w.ctx, zuzhi, input(['defaulter']));
      expect(stored.candidates[0]?.findings[0]?.message).toContain('被列为失信被执行人');

      await updateNegativeItem(w.ctx, xianji, 'defaulter', {
        label: '被列为失信被执行人且未履行完毕',
        source: '某省村“两委”换届候选人资格条件第3项',
        verified: true,
      });
      const fresh = await checkCandidates(w.ctx, zuzhi, input(['defaulter']));
      const finding = fresh.candidates[0]!.findings[0]!;
      expect(finding.message).toContain('未履行完毕');
      expect(finding.citation).toBe('某省村“两委”换届候选人资格条件第3项');

      const [again] = await listCandidateChecks(w.ctx, zuzhi, org);
      expect(again?.id).toBe(stored.id);
      expect(again?.candidates[0]?.findings[0]?.message).not.toContain('未履行完毕');
      expect(again?.negativeList.find((i) => i.key === 'defaulter')?.label).toBe(
        '被列为失信被执行人',
      );
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('a disabled item is not checked; an item used by a stored check cannot be deleted', async () => {
      const xianji = w.actors['xianji']!;
      const zuzhi = w.actors['zuzhi']!;
      await saveCandidateCheck(w.ctx, zuzhi, input([]));
      await updateNegativeItem(w.ctx, xianji, 'gang', { active: false });
      const check = await checkCandidates(w.ctx, zuzhi, input(['gang']));
      expect(check.candidates[0]?.eligible).toBe(true);
      expect(check.negativeList.map((i) => i.key)).not.toContain('gang');
      await expectCode(
        deleteNegativeItem(w.ctx, xianji, 'gang'),
        'ERR_ELECTION_NEGATIVE_ITEM_IN_USE',
      );
      const added = await createNegativeItem(w.ctx, xianji, {
        label: '录入错误的一项',
        source: '暂无出处',
        verified: false,
        appliesTo: 'both',
      });
      const key = added.at(-1)!.key;
      const after = await deleteNegativeItem(w.ctx, xianji, key);
      expect(after.map((i) => i.key)).not.toContain(key);
      expect(after.find((i) => i.key === 'gang')).toMatchObject({ active: false, used: true });
    });

    it('an item for the Party committee only is not applied to a 村民委员会 candidate', async () => {
      const xianji = w.actors['xianji']!;
      const items = await createNegativeItem(w.ctx, xianji, {
        label: '党员受到党纪处分尚在影响期内',
        source: '某省文件',
        verified: false,
        appliesTo: '党组织委员会',
      });
      const key = items.at(-1)!.key;
      const village = await checkCandidates(w.ctx, w.actors['zuzhi']!, input([key]));
      expect(village.candidates[0]?.eligible).toBe(true);
      const party = await checkCandidates(w.ctx, w.actors['zuzhi']!, {
        ...input([key]),
        bodyKind: '党组织委员会',
      });
      expect(party.candidates[0]?.eligible).toBe(false);
      expect(party.candidates[0]?.findings[0]?.citation).toBe('某省文件（未核实）');
    });

    it('VC-01 on the slate: 应选 2 or 8 is an error, 3 passes; no woman candidate is a warning', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const rules = async (seats: number) =>
        (await checkCandidates(w.ctx, zuzhi, input([], seats))).slate
          .filter((f) => f.rule === 'VC-01')
          .map((f) => f.severity);
      const women = people.filter((p) => p.gender === '女').length;
      const expected = women === 0 ? ['warning'] : [];
      expect(await rules(2)).toEqual(['error', ...expected]);
      expect(await rules(3)).toEqual(expected);
      // 8 seats with 4 candidates: VC-01 and VC-06 both.
      expect(await rules(8)).toEqual(['error', ...expected]);
    });
  });
}
