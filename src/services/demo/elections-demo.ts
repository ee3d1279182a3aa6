/**
 * Demo 换届 data: the current term of both bodies of every demo village (most end in 2027 so the
 * 6- and 12-month warnings show, one expired without approval, one with an approved delay), the
 * plan of 河口村 counted back from its 选举日 with two steps done, and the round that elected
 * 河口村's current Party committee (the shared example round). Fixed dates: deterministic.
 */
import type { Transaction } from 'kysely';
import { addMonths } from '../../domain/calendar/date';
import { readRound } from '../../domain/elections/read-round';
import { tally } from '../../domain/elections/tally';
import type { BodyKind } from '../../domain/elections/term';
import type { Database } from '../../db/schema';

/** Term starts of the villages in tree order (the last 换届 ran from late 2021 to autumn 2022). */
const TERM_STARTS = [
  '2022-01-15',
  '2021-10-20',
  '2021-11-28',
  '2022-02-18',
  '2022-03-10',
  '2022-04-16',
  '2022-05-21',
  '2022-08-12',
  '2022-09-09',
  '2022-10-15',
  '2022-03-26',
  '2022-06-18',
];

export const DEMO_ROUND = {
  id: 'HK-2022-支委',
  kind: '党组织委员会',
  date: '2022-01-15',
  seats: 5,
  expectedVoters: 42,
  presentVoters: 38,
  ballotsIssued: 38,
  ballotsReturned: 38,
  candidates: [
    { name: '周平', votes: 36 },
    { name: '吴丽', votes: 33 },
    { name: '陈建国', votes: 30 },
    { name: '李秀英', votes: 25 },
    { name: '王海', votes: 22 },
    { name: '赵卫东', votes: 12 },
  ],
  round: '正式选举',
} as const;

export async function seedElectionsDemo(
  trx: Transaction<Database>,
  areaCode: string,
  at: string,
): Promise<void> {
  const villages = await trx
    .selectFrom('org')
    .innerJoin('org as township', 'township.id', 'org.parentId')
    .where('township.kind', '=', 'townshipCommittee')
    .where('org.areaCode', '=', areaCode)
    .select(['org.id', 'org.name'])
    .orderBy('org.id')
    .execute();
  for (let i = 0; i < villages.length; i++) {
    const village = villages[i];
    const start = TERM_STARTS[i % TERM_STARTS.length];
    if (village === undefined || start === undefined) {
      continue;
    }
    for (const bodyKind of ['党组织委员会', '村民委员会'] as BodyKind[]) {
      const delayed = i === 2;
      await trx
        .insertInto('electionTerm')
        .values({
          orgId: village.id,
          areaCode,
          bodyKind,
          termStart: start,
          termEnd: addMonths(start, 60),
          bodySize: bodyKind === '党组织委员会' ? (i === 0 ? 7 : 5) : 5,
          electionDate: i === 0 ? '2027-01-09' : delayed ? '2027-03-20' : null,
          held: 0,
          approvalKind: delayed ? 'delay' : null,
          approvalOn: delayed ? '2026-10-30' : null,
          approvalUntil: delayed ? '2027-03-31' : null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }
    if (i === 0) {
      await trx
        .insertInto('electionPlan')
        .values({
          orgId: village.id,
          areaCode,
          electionDate: '2027-01-09',
          bodyKinds: '党组织委员会,村民委员会',
          progressJson: JSON.stringify({ survey: '2026-11-06', schemeApproval: '2026-11-20' }),
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      const read = readRound(DEMO_ROUND);
      if (!read.ok) {
        throw new Error(read.error.message);
      }
      const result = tally(read.round);
      await trx
        .insertInto('electionRound')
        .values({
          orgId: village.id,
          areaCode,
          planId: null,
          code: DEMO_ROUND.id,
          kind: DEMO_ROUND.kind,
          roundKind: DEMO_ROUND.round,
          date: DEMO_ROUND.date,
          seats: DEMO_ROUND.seats,
          expectedVoters: DEMO_ROUND.expectedVoters,
          presentVoters: DEMO_ROUND.presentVoters,
          ballotsIssued: DEMO_ROUND.ballotsIssued,
          ballotsReturned: DEMO_ROUND.ballotsReturned,
          candidatesJson: JSON.stringify(DEMO_ROUND.candidates),
          resultJson: JSON.stringify(result),
          valid: result.valid ? 1 : 0,
          recordedAt: at,
          recordedById: null,
          recordedByName: '系统',
        })
        .execute();
    }
  }
}
