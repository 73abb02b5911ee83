import { z } from 'zod';
import { barReasonSchema } from '../eligibility/eligibility';
import { responsibilityRoleSchema } from '../registry/posts';

// 表彰奖励 (issue 6 §3): a round of rewards for a closed annual assessment period.

export const REWARD_KINDS = ['praise', 'citation', 'advanced_unit', 'advanced_individual'] as const;
export const rewardKindSchema = z.enum(REWARD_KINDS);
export type RewardKind = z.infer<typeof rewardKindSchema>;

const positiveId = z.coerce.number().int().positive();

/** POST /rewards/rounds */
export const createRewardRoundRequestSchema = z.strictObject({ periodId: positiveId });

/** POST /rewards/rounds/:id/candidates — an individual proposed by the operator. */
export const addRewardCandidateRequestSchema = z.strictObject({
  personId: positiveId,
  kind: z.enum(['praise', 'citation', 'advanced_individual']),
});

export const rewardCandidateSchema = z.object({
  id: z.number().int(),
  kind: rewardKindSchema,
  party: z.object({ kind: z.enum(['person', 'unit']), id: z.number().int(), name: z.string() }),
  /** False when an accountability consequence bars the party on the decision date. */
  eligible: z.boolean(),
  /** Every bar that excludes the candidate: case, step, article, end date. */
  exclusions: z.array(barReasonSchema),
});
export type RewardCandidate = z.infer<typeof rewardCandidateSchema>;

export const rewardRoundSchema = z.object({
  id: z.number().int(),
  periodId: z.number().int(),
  year: z.number().int(),
  rootUnitId: z.number().int(),
  rootUnitName: z.string(),
  status: z.enum(['open', 'decided']),
  /** The date eligibility is judged on: the decision date once decided, else today. */
  asOf: z.string(),
  /**
   * 评先比例 of the units (`percent` of the ranked units, the period's advanced selection) and the
   * places for advanced individuals, with the basis of the individuals' own quota.
   */
  quota: z.object({
    percent: z.number(),
    rounding: z.string(),
    rankedUnits: z.number().int(),
    advancedUnits: z.number().int(),
    advancedIndividuals: z.number().int(),
    individuals: z.object({
      /** The rulebook parameter (`indicators.assessment.advancedIndividuals`). */
      field: z.string(),
      /**
       * `share_of_leaders`: `percent` of the holders of `roles` in the assessed units on `onDate`;
       * `legacy_units_quota`: a period frozen before the parameter existed keeps the quota it was
       * opened with (the units' percentage of the ranked units).
       */
      basis: z.enum(['share_of_leaders', 'legacy_units_quota']),
      percent: z.number(),
      rounding: z.string(),
      roles: z.array(responsibilityRoleSchema),
      onDate: z.string(),
      assessedUnits: z.number().int(),
      /** The count the percentage applies to (leaders, or ranked units for the legacy basis). */
      base: z.number().int(),
      places: z.number().int(),
      source: z.object({ doc: z.string(), article: z.string(), note: z.string().optional() }).nullable(),
    }),
  }),
  candidates: z.array(rewardCandidateSchema),
});
export type RewardRound = z.infer<typeof rewardRoundSchema>;

/** POST /rewards/rounds/:id/decide — the candidates to reward (eligible ones only). */
export const decideRewardRoundRequestSchema = z.strictObject({
  candidateIds: z.array(positiveId).min(1).max(1000),
});

export const rewardSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  kind: rewardKindSchema,
  party: z.object({ kind: z.enum(['person', 'unit']), id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  decidedOn: z.string(),
});
export type Reward = z.infer<typeof rewardSchema>;

/** GET /rewards?person=&unit=&year= */
export const listRewardsQuerySchema = z.strictObject({
  person: positiveId.optional(),
  unit: positiveId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
