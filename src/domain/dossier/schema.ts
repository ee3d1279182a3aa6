/**
 * The dossier contract (dossier-format.md §1–2) as zod 4 schemas: the documented, declarative
 * form. `readDossier` is the hand-written fast path used per line by `check`; a test keeps the
 * two in agreement (docs/adr/0005-rule-engine.md).
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar/date';
import {
  ACTIVIST_DECIDERS,
  APPROVER_LEVELS,
  GENDERS,
  MEETING_OUTCOMES,
  RECOMMENDATION_METHODS,
  REVIEW_RESULTS,
  TALK_ROLES,
} from './types';

export const isoDateSchema = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: '不是有效日期' });

const countSchema = z.number().int().nonnegative();

export const personSchema = z.looseObject({
  name: z.string().min(1),
  fullMemberSince: isoDateSchema.optional(),
  disciplinaryProbation: z.boolean().optional(),
});

const dated = { date: isoDateSchema };

const voteShape = {
  date: isoDateSchema,
  expectedVoters: countSchema,
  presentVoters: countSchema,
  votesFor: countSchema,
  writtenVotesFor: countSchema.optional(),
  candidatesInVote: countSchema.optional(),
};

function voteIsConsistent(v: {
  expectedVoters: number;
  presentVoters: number;
  votesFor: number;
  writtenVotesFor?: number | undefined;
}): boolean {
  return (
    v.expectedVoters >= 1 &&
    v.presentVoters <= v.expectedVoters &&
    v.votesFor <= v.presentVoters &&
    v.votesFor + (v.writtenVotesFor ?? 0) <= v.expectedVoters
  );
}

export const voteSchema = z.looseObject(voteShape).refine(voteIsConsistent, {
  message: '表决数据自相矛盾',
});

const peopleStep = z.looseObject({ ...dated, people: z.array(personSchema) });
const reviewsStep = z.looseObject({ dates: z.array(isoDateSchema) });
const datedStep = z.looseObject(dated);

export const stepsSchema = z.strictObject({
  application: z.looseObject({ ...dated, receivedDate: isoDateSchema.optional() }).optional(),
  applicationTalk: datedStep.optional(),
  activistSelection: z
    .looseObject({
      ...dated,
      method: z.enum(RECOMMENDATION_METHODS).optional(),
      decidedBy: z.enum(ACTIVIST_DECIDERS).optional(),
    })
    .optional(),
  activistFiling: datedStep.optional(),
  mentors: peopleStep.optional(),
  activistReviews: reviewsStep.optional(),
  candidateSelection: datedStep.optional(),
  candidateFiling: datedStep.optional(),
  sponsors: peopleStep.optional(),
  politicalReview: z
    .looseObject({
      ...dated,
      result: z.enum(REVIEW_RESULTS),
      inquiryReplyDates: z.array(isoDateSchema).optional(),
    })
    .optional(),
  training: z
    .looseObject({
      startDate: isoDateSchema,
      endDate: isoDateSchema,
      hours: z.number().nonnegative().optional(),
    })
    .optional(),
  committeeReview: datedStep.optional(),
  preReview: z
    .looseObject({
      ...dated,
      publicNotice: z.looseObject({ startDate: isoDateSchema, endDate: isoDateSchema }).optional(),
    })
    .optional(),
  applicationForm: datedStep.optional(),
  admissionMeeting: voteSchema.optional(),
  approvalTalk: z.looseObject({ ...dated, byRole: z.enum(TALK_ROLES).optional() }).optional(),
  approval: z
    .looseObject({
      ...dated,
      approverLevel: z.enum(APPROVER_LEVELS).optional(),
      specialCircumstance: z.string().optional(),
    })
    .optional(),
  approvalFiling: datedStep.optional(),
  groupAssignment: datedStep.optional(),
  oath: datedStep.optional(),
  probationReviews: reviewsStep.optional(),
  fullMembershipApplication: datedStep.optional(),
  fullMembershipMeeting: z
    .looseObject({ ...voteShape, outcome: z.enum(MEETING_OUTCOMES) })
    .refine(voteIsConsistent, { message: '表决数据自相矛盾' })
    .optional(),
  fullMembershipApproval: z
    .looseObject({ ...dated, fullMemberSince: isoDateSchema.optional() })
    .optional(),
  archiving: z.looseObject({ ...dated, documents: z.array(z.string()) }).optional(),
});

export const probationExtensionSchema = z.looseObject({
  decidedOn: isoDateSchema.optional(),
  months: countSchema,
});

/** One dossier. Top-level unknown fields (e.g. a generator's label) are kept. */
export const dossierSchema = z
  .looseObject({
    id: z.string().min(1),
    name: z.string().min(1),
    gender: z.enum(GENDERS).optional(),
    birthDate: isoDateSchema.optional(),
    idNumber: z.string().optional(),
    branch: z.string().min(1),
    steps: stepsSchema,
    probationExtensions: z.array(probationExtensionSchema).optional(),
  })
  .refine(
    (d) =>
      d.birthDate !== undefined ||
      (d.idNumber !== undefined &&
        /^\d{17}[\dXx]$/.test(d.idNumber) &&
        parseIsoDate(
          `${d.idNumber.slice(6, 10)}-${d.idNumber.slice(10, 12)}-${d.idNumber.slice(12, 14)}`,
        ) !== null),
    { message: '缺少出生日期' },
  );
