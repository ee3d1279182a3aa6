import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit.service';
import { AppError } from './errors';
import { createOrg, dissolveOrg, listOrgs, moveOrg, renameOrg } from './org.service';
import { openTestWorld, testDatabaseTargets, type TestWorld } from './testing';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

for (const target of testDatabaseTargets()) {
  describe(`org service on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('lists the township scope with children and member counts rolled up', async () => {
      const orgs = await listOrgs(w.ctx, w.actors['zuzhi']!);

      const township = orgs[0]!;
      expect(township.name).toBe('青山镇党委');
      expect(township.childCount).toBe(12);
      expect(township.memberCount).toBeGreaterThan(850);
      expect(orgs.every((o) => o.path.startsWith(township.path))).toBe(true);
      const hekou = orgs.find((o) => o.name === '河口村党委')!;
      const branches = orgs.filter((o) => o.parentId === hekou.id);
      expect(hekou.memberCount).toBe(branches.reduce((sum, b) => sum + b.memberCount, 0));
    });

    it('creates a village branch under the township with its path, area code and an audit entry', async () => {
      const townshipId = await w.orgIdByName('青山镇党委');

      const org = await createOrg(w.ctx, w.actors['zuzhi']!, {
        parentId: townshipId,
        name: ' 青山镇测试村党支部 ',
        kind: 'branch',
      });

      expect(org.name).toBe('青山镇测试村党支部');
      expect(org.path).toMatch(new RegExp(`/${townshipId}/${org.id}/$`));
      expect(org.areaCode).toBe('990102');
      const last = await w.handle.db
        .selectFrom('auditEntry')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last.action).toBe('org.create');
      expect(last.entityId).toBe(String(org.id));
    });

    it('refuses a duplicate sibling name, a wrong kind and an empty name, changing nothing', async () => {
      const townshipId = await w.orgIdByName('青山镇党委');
      const before = await w.handle.db
        .selectFrom('org')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();

      await expectCode(
        createOrg(w.ctx, w.actors['zuzhi']!, {
          parentId: townshipId,
          name: '石桥村党支部',
          kind: 'branch',
        }),
        'ERR_ORG_NAME_TAKEN',
      );
      await expectCode(
        createOrg(w.ctx, w.actors['zuzhi']!, {
          parentId: townshipId,
          name: '某党小组',
          kind: 'partyGroup',
        }),
        'ERR_ORG_KIND_NOT_ALLOWED',
      );
      await expectCode(
        createOrg(w.ctx, w.actors['zuzhi']!, { parentId: townshipId, name: '   ', kind: 'branch' }),
        'ERR_ORG_NAME_INVALID',
      );

      const after = await w.handle.db
        .selectFrom('org')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('renames an org and refuses a name a sibling already has', async () => {
      const id = await w.orgIdByName('东岭村党支部');

      const renamed = await renameOrg(w.ctx, w.actors['zuzhi']!, id, '东岭社区党支部');

      expect(renamed.name).toBe('东岭社区党支部');
      await expectCode(
        renameOrg(w.ctx, w.actors['zuzhi']!, id, '白沙村党支部'),
        'ERR_ORG_NAME_TAKEN',
      );
    });

    it('moves a branch with its 党小组 under another org, rewriting every path in the subtree', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const hekou = await w.orgIdByName('河口村党委');
      const songlin = await w.orgIdByName('松林村党支部');

      const moved = await moveOrg(w.ctx, zuzhi, songlin, hekou);

      const hekouRow = await w.handle.db
        .selectFrom('org')
        .selectAll()
        .where('id', '=', hekou)
        .executeTakeFirstOrThrow();
      expect(moved.path).toBe(`${hekouRow.path}${songlin}/`);
      expect(moved.depth).toBe(hekouRow.depth + 1);
      const groups = await w.handle.db
        .selectFrom('org')
        .selectAll()
        .where('parentId', '=', songlin)
        .execute();
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups) {
        expect(g.path).toBe(`${moved.path}${g.id}/`);
        expect(g.depth).toBe(moved.depth + 1);
      }
    });

    it('refuses to move an org under itself or its own subtree, changing nothing', async () => {
      const hekou = await w.orgIdByName('河口村党委');
      const child = await w.orgIdByName('河口村第一党支部');
      const before = await w.handle.db
        .selectFrom('org')
        .select(['id', 'path'])
        .orderBy('id')
        .execute();

      await expectCode(
        moveOrg(w.ctx, w.actors['zuzhi']!, hekou, child),
        'ERR_ORG_MOVE_INTO_SUBTREE',
      );
      await expectCode(
        moveOrg(w.ctx, w.actors['zuzhi']!, hekou, hekou),
        'ERR_ORG_MOVE_INTO_SUBTREE',
      );

      expect(
        await w.handle.db.selectFrom('org').select(['id', 'path']).orderBy('id').execute(),
      ).toEqual(before);
    });

    it('dissolves an empty org and refuses one that still has members or children', async () => {
      const townshipId = await w.orgIdByName('青山镇党委');
      const empty = await createOrg(w.ctx, w.actors['zuzhi']!, {
        parentId: townshipId,
        name: '临时党支部',
        kind: 'branch',
      });

      await dissolveOrg(w.ctx, w.actors['zuzhi']!, empty.id);

      expect(
        await w.handle.db
          .selectFrom('org')
          .select('id')
          .where('id', '=', empty.id)
          .executeTakeFirst(),
      ).toBeUndefined();
      await expectCode(
        dissolveOrg(w.ctx, w.actors['zuzhi']!, await w.orgIdByName('石桥村党支部')),
        'ERR_ORG_NOT_EMPTY',
      );
      await expectCode(
        dissolveOrg(w.ctx, w.actors['zuzhi']!, await w.orgIdByName('河口村党委')),
        'ERR_ORG_NOT_EMPTY',
      );
    });

    it('keeps a branch secretary and an inspector from changing the tree, and the secretary inside his subtree', async () => {
      const townshipId = await w.orgIdByName('青山镇党委');
      const shiqiao = await w.orgIdByName('石桥村党支部');

      await expectCode(
        createOrg(w.ctx, w.actors['shuji']!, {
          parentId: townshipId,
          name: '越权党支部',
          kind: 'branch',
        }),
        'ERR_FORBIDDEN_ROLE',
      );
      await expectCode(
        renameOrg(w.ctx, w.actors['xuncha']!, shiqiao, '改名'),
        'ERR_FORBIDDEN_ROLE',
      );
      const visible = await listOrgs(w.ctx, w.actors['shuji']!);
      expect(visible.map((o) => o.name)).toContain('河口村党委');
      expect(visible.map((o) => o.name)).not.toContain('石桥村党支部');
    });

    it('keeps the audit chain intact across all these changes', async () => {
      const townshipId = await w.orgIdByName('青山镇党委');
      const org = await createOrg(w.ctx, w.actors['zuzhi']!, {
        parentId: townshipId,
        name: '链测试党支部',
        kind: 'branch',
      });
      await renameOrg(w.ctx, w.actors['zuzhi']!, org.id, '链测试二党支部');
      await dissolveOrg(w.ctx, w.actors['zuzhi']!, org.id);

      const result = await verifyAuditChain(w.handle.db);

      expect(result).toEqual({ ok: true, checked: 4 });
    });
  });
}
