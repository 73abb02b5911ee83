import {
  addRewardCandidateRequestSchema,
  createRewardRoundRequestSchema,
  decideRewardRoundRequestSchema,
  idParamSchema,
  listRewardsQuerySchema,
  rewardRoundSchema,
  rewardSchema,
} from '@zongzhi/contracts';
import { z } from 'zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { findVisiblePeople } from '../eligibility/party-scope';
import { addCandidate } from './add-candidate';
import { createRound } from './create-round';
import { decideRound } from './decide-round';
import { getRound } from './get-round';
import { REWARD_READERS, REWARD_WRITERS } from './rewards-access';
import { listRewards, unitInScope } from './rewards.repository';

const tags = ['rewards'];
const reader = { config: { access: { roles: REWARD_READERS } } };
const writer = { config: { access: { roles: REWARD_WRITERS } } };

/** Rewards (表彰奖励, issue 6 §3). */
export const registerRewardRoutes = (app: ZApp, ctx: AppContext) => {
  app.post(
    '/rewards/rounds',
    {
      ...writer,
      schema: {
        tags,
        summary: '开设表彰评选（依据已关闭的年度考核）/ Open a reward round for a closed annual period',
        body: createRewardRoundRequestSchema,
        response: { 201: rewardRoundSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createRound(ctx, request, request.body)),
  );
  app.get(
    '/rewards/rounds/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: '表彰候选人及排除理由 / A round’s candidates, with the reasons for exclusions',
        params: idParamSchema,
        response: { 200: rewardRoundSchema },
      },
    },
    async (request) => getRound(ctx.db, getAccess(request).grants, request.params.id, ctx.clock.now()),
  );
  app.post(
    '/rewards/rounds/:id/candidates',
    {
      ...writer,
      schema: {
        tags,
        summary: '推荐个人候选人 / Propose an individual',
        params: idParamSchema,
        body: addRewardCandidateRequestSchema,
        response: { 201: rewardRoundSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCandidate(ctx, request, request.params.id, request.body)),
  );
  app.post(
    '/rewards/rounds/:id/decide',
    {
      ...writer,
      schema: {
        tags,
        summary: '决定表彰 / Decide the round (rewards recorded)',
        params: idParamSchema,
        body: decideRewardRoundRequestSchema,
        response: { 200: rewardRoundSchema },
      },
    },
    async (request) => decideRound(ctx, request, request.params.id, request.body),
  );
  app.get(
    '/rewards',
    {
      ...reader,
      schema: {
        tags,
        summary: '表彰奖励记录 / Rewards I may see',
        querystring: listRewardsQuerySchema,
        response: { 200: z.object({ items: z.array(rewardSchema) }) },
      },
    },
    async (request) => {
      const { grants } = getAccess(request);
      const f = request.query;
      if (f.person !== undefined && !(await findVisiblePeople(ctx.db, grants, [f.person])).has(f.person))
        throw notFound();
      if (f.unit !== undefined && !(await unitInScope(ctx.db, grants, f.unit))) throw notFound();
      return { items: await listRewards(ctx.db, grants, f) };
    },
  );
};
