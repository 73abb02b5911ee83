import {
  acceptCaseRectificationRequestSchema,
  assessmentFailureSchema,
  caseDetailSchema,
  caseListSchema,
  caseOptionsQuerySchema,
  caseOptionsSchema,
  decideProposalRequestSchema,
  decideStepRequestSchema,
  idParamSchema,
  listCasesQuerySchema,
  listProposalsQuerySchema,
  openCaseRequestSchema,
  openMajorCaseRequestSchema,
  proposalListSchema,
  proposalSchema,
  recordAssessmentFailureRequestSchema,
  recordCaseReportRequestSchema,
  recordCircumstanceRequestSchema,
  runSweepRequestSchema,
  sweepResultSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { acceptRectification } from './accept-rectification';
import { CASE_READERS, CASE_REPORTERS, CASE_WRITERS, SWEEP_RUNNERS } from './accountability-access';
import { decideProposal } from './decide-proposal';
import { decideStep } from './decide-step';
import { getCase } from './get-case';
import { getCaseOptions } from './get-case-options';
import { listCases } from './list-cases';
import { listProposals } from './list-proposals';
import { openCase } from './open-case';
import { openMajorCase } from './open-major-case';
import { recordAssessmentFailure } from './record-assessment-failure';
import { recordCaseReport } from './record-case-report';
import { recordCircumstance } from './record-circumstance';
import { runSweep } from './run-sweep';

const tags = ['accountability'];

/** 责任追究案件与阶梯 / accountability cases and the ladder (issue 5 §2). */
export const registerAccountabilityRoutes = (app: ZApp, ctx: AppContext) => {
  app.get(
    '/accountability/cases',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags,
        summary: '追责案件看板 / Cases board: current step, next deadline, pending proposals',
        querystring: listCasesQuerySchema,
        response: { 200: caseListSchema },
      },
    },
    async (request) => listCases(ctx.db, getAccess(request).grants, request.query, ctx.clock.now()),
  );
  app.post(
    '/accountability/cases',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '立案并决定第一步（或越级直接适用较高步骤）/ Open a case and decide its first step',
        body: openCaseRequestSchema,
        response: { 201: caseDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await openCase(ctx, request, request.body)),
  );
  app.get(
    '/accountability/cases/:id',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags,
        summary: '案件详情与时间线 / One case with its steps, deadlines, proposals and timeline',
        params: idParamSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => getCase(ctx.db, getAccess(request).grants, request.params.id, ctx.clock.now()),
  );
  app.post(
    '/accountability/cases/:id/steps',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '直接决定追责步骤（只升不降）/ Decide a step directly (never lower)',
        params: idParamSchema,
        body: decideStepRequestSchema,
        response: { 201: caseDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decideStep(ctx, request, request.params.id, request.body)),
  );
  app.post(
    '/accountability/cases/:id/reports',
    {
      config: { access: { roles: CASE_REPORTERS } },
      schema: {
        tags,
        summary: '报告整改进展或报请验收 / Record a progress report or a rectification submission',
        params: idParamSchema,
        body: recordCaseReportRequestSchema,
        response: { 201: caseDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCaseReport(ctx, request, request.params.id, request.body)),
  );
  app.post(
    '/accountability/cases/:id/acceptance',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '整改验收并解除（挂牌须经验收方可摘牌）/ Accept the rectification, lift and close',
        params: idParamSchema,
        body: acceptCaseRectificationRequestSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => acceptRectification(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/accountability/cases/:id/circumstances',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '记录从重、从轻情节 / Record an aggravating or mitigating circumstance',
        params: idParamSchema,
        body: recordCircumstanceRequestSchema,
        response: { 201: caseDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCircumstance(ctx, request, request.params.id, request.body)),
  );
  app.post(
    '/accountability/major-cases',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '重大案件领导责任查究：立案并发查究通知书 / Open a major case from an incident',
        body: openMajorCaseRequestSchema,
        response: { 201: caseDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await openMajorCase(ctx, request, request.body)),
  );
  app.get(
    '/accountability/options',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags,
        summary: '单位适用的追责情形、步骤与决定机关 / Situations, steps and bodies of a unit’s rulebook',
        querystring: caseOptionsQuerySchema,
        response: { 200: caseOptionsSchema },
      },
    },
    async (request) =>
      getCaseOptions(ctx.db, getAccess(request).grants, request.query.unitId, ctx.clock.now()),
  );
  app.get(
    '/accountability/proposals',
    {
      config: { access: { roles: CASE_READERS } },
      schema: {
        tags,
        summary: '系统建议 / Proposals of the system (pending ones wait for a decision)',
        querystring: listProposalsQuerySchema,
        response: { 200: proposalListSchema },
      },
    },
    async (request) => listProposals(ctx.db, getAccess(request).grants, request.query, ctx.clock.now()),
  );
  app.post(
    '/accountability/proposals/:id/decision',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '采纳（记录决定机关）或不采纳（说明理由）系统建议 / Accept or reject a proposal',
        params: idParamSchema,
        body: decideProposalRequestSchema,
        response: { 200: proposalSchema },
      },
    },
    async (request) => decideProposal(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/accountability/assessment-failures',
    {
      config: { access: { roles: CASE_WRITERS } },
      schema: {
        tags,
        summary: '记录年度考核不合格 / Record a failed assessment year of a unit',
        body: recordAssessmentFailureRequestSchema,
        response: { 201: assessmentFailureSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordAssessmentFailure(ctx, request, request.body)),
  );
  app.post(
    '/accountability/sweep',
    {
      config: { access: { roles: SWEEP_RUNNERS } },
      schema: {
        tags,
        summary: '立即运行逾期升级检查 / Run the escalation sweep now',
        body: runSweepRequestSchema,
        response: { 200: sweepResultSchema },
      },
    },
    async (request) => runSweep(ctx, request, request.body),
  );
};
