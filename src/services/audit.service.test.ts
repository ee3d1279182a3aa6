import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit.service';
import { createOrg, renameOrg } from './org.service';
import { openTestWorld, testDatabaseTargets, type TestWorld } from './testing';

for (const target of testDatabaseTargets()) {
  describe(`audit chain on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
      const zuzhi = w.actors['zuzhi']!;
      const townshipId = await w.orgIdByName('青山镇党委');
      const org = await createOrg(w.ctx, zuzhi, {
        parentId: townshipId,
        name: '审计测试党支部',
        kind: 'branch',
      });
      await renameOrg(w.ctx, zuzhi, org.id, '审计测试二党支部');
      await renameOrg(w.ctx, zuzhi, org.id, '审计测试三党支部');
    });
    afterEach(async () => {
      await w.close();
    });

    it('verifies an untouched chain', async () => {
      expect(await verifyAuditChain(w.handle.db)).toEqual({ ok: true, checked: 4 });
    });

    it('names the first entry whose content was edited behind the application', async () => {
      await sql`update audit_entry set after_json = ${'{"name":"伪造"}'} where seq = 3`.execute(
        w.handle.db,
      );

      const result = await verifyAuditChain(w.handle.db);

      expect(result.ok).toBe(false);
      expect(result.broken?.seq).toBe(3);
      expect(result.checked).toBe(2);
    });

    it('detects a deleted entry in the middle and a deleted last entry', async () => {
      await sql`delete from audit_entry where seq = 2`.execute(w.handle.db);
      expect((await verifyAuditChain(w.handle.db)).broken?.seq).toBe(2);
    });

    it('detects the last entry removed even though the remaining rows chain correctly', async () => {
      await sql`delete from audit_entry where seq = 4`.execute(w.handle.db);

      const result = await verifyAuditChain(w.handle.db);

      expect(result.ok).toBe(false);
      expect(result.broken?.reason).toContain('删除');
    });

    it('detects an entry recomputed with a valid hash of its own when its successor still points to the old one', async () => {
      const row = await w.handle.db
        .selectFrom('auditEntry')
        .selectAll()
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      const { computeAuditHash } = await import('./audit.service');
      const forged = { ...row, actorName: '他人' };
      await sql`update audit_entry set actor_name = ${'他人'}, hash = ${computeAuditHash(forged)} where seq = 2`.execute(
        w.handle.db,
      );

      const result = await verifyAuditChain(w.handle.db);

      expect(result.broken?.seq).toBe(3);
    });
  });
}
