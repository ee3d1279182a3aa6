/**
 * Writes the demo township into an empty database in one transaction, with one audit entry
 * that records what was seeded.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, SYSTEM_ACTOR, type ServiceContext } from '../context';
import { hashPassword } from '../password';
import { seedRecruitmentDemo } from './recruitment-demo';
import { seedElectionsDemo } from './elections-demo';
import { seedMeetingsDemo } from './meetings-demo';
import { recordUnrecordedMemberships, seedRosterDemo } from './roster-demo';
import {
  DEMO_AREA_CODE,
  DEMO_PASSWORD,
  generateDemoTownship,
  type DemoAccount,
} from './demo-township';

export interface SeedResult {
  orgs: number;
  people: number;
  accounts: DemoAccount[];
  password: string;
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('org').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(
  ctx: ServiceContext,
  options: { seed?: number | string; mustChangePassword: boolean },
): Promise<SeedResult> {
  const demo = generateDemoTownship(options.seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx);
    const ids = new Map<string, { id: number; path: string }>();
    for (const org of demo.orgs) {
      const parent = org.parentKey === null ? undefined : ids.get(org.parentKey);
      const { id } = await trx
        .insertInto('org')
        .values({
          parentId: parent?.id ?? null,
          name: org.name,
          kind: org.kind,
          areaCode: DEMO_AREA_CODE,
          path: '',
          depth: parent === undefined ? 0 : parent.path.split('/').length - 2,
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${id}/`;
      await trx.updateTable('org').set({ path }).where('id', '=', id).execute();
      ids.set(org.key, { id, path });
    }
    const orgId = (key: string): number => {
      const found = ids.get(key);
      if (found === undefined) {
        throw new Error(`demo org ${key} missing`);
      }
      return found.id;
    };
    const chunk = 200;
    for (let i = 0; i < demo.people.length; i += chunk) {
      const batch = demo.people.slice(i, i + chunk);
      const inserted = await trx
        .insertInto('person')
        .values(
          batch.map((p) => ({
            name: p.name,
            gender: p.gender,
            ethnicity: p.ethnicity,
            birthDate: p.birthDate,
            idNumber: p.idNumber,
            education: p.education,
            phone: p.phone,
            occupation: p.occupation,
            areaCode: DEMO_AREA_CODE,
            createdAt: at,
          })),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('partyMembership')
        .values(
          batch.map((p, k) => ({
            personId: inserted[k]?.id ?? 0,
            orgId: orgId(p.orgKey),
            status: p.status,
            joinedOn: p.joinedOn,
            fullMemberSince: p.fullMemberSince,
            areaCode: DEMO_AREA_CODE,
          })),
        )
        .execute();
    }
    for (const account of demo.accounts) {
      await trx
        .insertInto('account')
        .values({
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          role: account.role,
          scopeOrgId: orgId(account.scopeKey),
          areaCode: DEMO_AREA_CODE,
          disabled: 0,
          mustChangePassword: options.mustChangePassword ? 1 : 0,
          failedLogins: 0,
          lockedUntil: null,
          lastLoginAt: null,
          createdAt: at,
        })
        .execute();
    }
    await seedRosterDemo(trx, DEMO_AREA_CODE, at, options.seed);
    await seedElectionsDemo(trx, DEMO_AREA_CODE, at);
    await seedRecruitmentDemo(trx, DEMO_AREA_CODE, at, options.seed);
    await recordUnrecordedMemberships(trx, DEMO_AREA_CODE, at);
    // After every other module's demo, so members they add attend meetings too.
    await seedMeetingsDemo(trx, DEMO_AREA_CODE, at, options.seed);
    await appendAudit(trx, SYSTEM_ACTOR, at, {
      action: 'demo.seed',
      entityType: 'system',
      entityId: 'demo',
      areaCode: DEMO_AREA_CODE,
      orgPath: ids.get('county')?.path ?? '/',
      after: {
        orgs: demo.orgs.length,
        people: demo.people.length,
        accounts: demo.accounts.map((a) => a.username),
      },
    });
  });
  return {
    orgs: demo.orgs.length,
    people: demo.people.length,
    accounts: demo.accounts,
    password: DEMO_PASSWORD,
  };
}
