import type { CaseDetail, TimelineEntry } from '@zongzhi/contracts';
import {
  LADDER_STEPS,
  type UnitKind,
  checkStepDecision,
  definitionOf,
  listDecisionBodies,
  stepName,
  toChinaDate,
} from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { assertInScope } from './accountability-access';
import {
  countPendingByCase,
  findCase,
  listCircumstances,
  listIncidentFacts,
  listProposalRows,
  listReports,
  listSteps,
} from './accountability.repository';
import { findUnitRules } from './load-unit-rules';
import {
  createRulebookCache,
  decideCaseDeadlines,
  presentProposal,
  presentStep,
  presentSummary,
} from './present-case';

const byOn = (a: TimelineEntry, b: TimelineEntry) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/** One case with its steps, deadlines, proposals, reports, circumstances (recorded and suggested) and timeline. */
export const getCase = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  id: number,
  now: Date,
): Promise<CaseDetail> => {
  const c = assertInScope(grants, await findCase(q, id));
  const rulebookOf = createRulebookCache(q, now);
  const rulebook = await rulebookOf(c.rulebookId);
  const steps = await listSteps(q, [c.id]);
  const reports = await listReports(q, [c.id]);
  const pending = (await countPendingByCase(q, [c.id])).get(c.id) ?? 0;
  const proposals = await listProposalRows(q, { patterns: ['%'], caseId: c.id });
  const circumstances = await listCircumstances(q, c.id);
  const today = toChinaDate(now);
  const summary = presentSummary(c, steps, reports, pending, rulebook, today);
  // The rules the next decision is taken under: the unit's rulebook now.
  const unitRules =
    (await findUnitRules(q, { id: c.unitId, unitPath: c.unitPath }, now))?.rulebook ?? rulebook;
  const ladder = unitRules?.ladder;
  const describe = (kind: 'aggravating' | 'mitigating', cid: string) =>
    ladder?.[kind].find((x) => x.id === cid)?.description ?? { zh: cid, en: cid };

  // 瞒报/漏报 suggested from the unit's incidents, where the rulebook marks a circumstance for it.
  const suggestedCircumstances: CaseDetail['suggestedCircumstances'] = [];
  if (ladder && c.status === 'open') {
    const recorded = new Set(circumstances.map((x) => `${x.circumstanceId}:${x.incidentId}`));
    const incidents = await listIncidentFacts(q, [c.unitId]);
    for (const kind of ['aggravating', 'mitigating'] as const)
      for (const circumstance of ladder[kind]) {
        for (const i of incidents) {
          const basis = i.source === 'discovered' ? 'discovered' : i.timeliness === 'late' ? 'late' : null;
          if (!basis) continue;
          const fact = basis === 'discovered' ? 'incident_unreported' : 'incident_late';
          if (!circumstance.suggestedBy?.includes(fact) || recorded.has(`${circumstance.id}:${i.id}`))
            continue;
          if (toChinaDate(i.occurredAt) > today) continue;
          suggestedCircumstances.push({
            kind,
            circumstanceId: circumstance.id,
            description: circumstance.description,
            incidentId: i.id,
            incidentSummary: i.summary,
            basis,
          });
        }
      }
  }

  const current = steps.at(-1)?.step ?? null;
  const unitKind = c.unitKind as UnitKind;
  const optionSteps =
    ladder && c.status === 'open'
      ? ([...LADDER_STEPS, 'yellow_card', 'recommendation'] as const)
          .filter((step) => {
            const check = checkStepDecision({ ladder, unitKind, current, step, triggerId: null });
            return check.ok || (!check.ok && check.error === 'trigger_required');
          })
          .map((step) => ({
            step,
            name: stepName(ladder, step),
            triggers: (definitionOf(ladder, unitKind, step)?.triggers ?? []).map((t) => ({
              id: t.id,
              description: t.description,
            })),
          }))
      : [];

  const timeline: TimelineEntry[] = [
    {
      on: c.openedOn,
      kind: 'opened',
      text: { zh: `立案：${c.facts}`, en: `Opened: ${c.facts}` },
      refId: c.id,
    },
    ...steps.map((s) => {
      const name = stepNameOf(ladder, s.step);
      return {
        on: s.decidedOn,
        kind: 'step' as const,
        text: {
          zh: `决定${name.zh}${s.documentNumber ? `（${s.documentNumber}）` : ''}`,
          en: `Decided: ${name.en}${s.documentNumber ? ` (${s.documentNumber})` : ''}`,
        },
        refId: s.id,
      };
    }),
    ...reports.map((r) => ({
      on: r.submittedOn,
      kind: 'report' as const,
      text:
        r.kind === 'progress'
          ? { zh: `报告整改进展：${r.text}`, en: `Progress report: ${r.text}` }
          : { zh: `报请验收：${r.text}`, en: `Rectification submitted: ${r.text}` },
      refId: r.id,
    })),
    ...steps
      .filter((s) => s.acceptedOn)
      .map((s) => ({
        on: s.acceptedOn!,
        kind: 'acceptance' as const,
        text: { zh: '整改验收通过，解除', en: 'Rectification accepted; lifted' },
        refId: s.id,
      })),
    ...proposals.flatMap((p) => {
      const entries: TimelineEntry[] = [
        {
          on: p.proposedOn,
          kind: 'proposal',
          text: {
            zh: `系统建议：${stepNameOf(ladder, p.step).zh}`,
            en: `Proposed: ${stepNameOf(ladder, p.step).en}`,
          },
          refId: p.id,
        },
      ];
      if (p.status !== 'pending' && p.decidedOn)
        entries.push({
          on: p.decidedOn,
          kind: 'proposal_decided',
          text:
            p.status === 'accepted'
              ? { zh: '建议已采纳', en: 'Proposal accepted' }
              : {
                  zh: `建议未采纳：${p.rejectionReason ?? ''}`,
                  en: `Proposal rejected: ${p.rejectionReason ?? ''}`,
                },
          refId: p.id,
        });
      return entries;
    }),
    ...circumstances.map((x) => ({
      on: x.recordedAt.slice(0, 10),
      kind: 'circumstance' as const,
      text: {
        zh: `${x.kind === 'aggravating' ? '从重' : '从轻'}情节：${describe(x.kind, x.circumstanceId).zh}`,
        en: `${x.kind === 'aggravating' ? 'Aggravating' : 'Mitigating'}: ${describe(x.kind, x.circumstanceId).en}`,
      },
      refId: x.id,
    })),
    ...(c.closedOn
      ? [{ on: c.closedOn, kind: 'closed' as const, text: { zh: '结案', en: 'Closed' }, refId: c.id }]
      : []),
  ];
  timeline.sort(byOn);

  return {
    ...summary,
    facts: c.facts,
    openedBy: c.openedBy,
    steps: steps.map((s) => presentStep(s, rulebook)),
    deadlines: c.status === 'open' ? decideCaseDeadlines(steps, reports) : [],
    proposals: proposals.map((p) => presentProposal(p, unitRules)),
    reports: reports.map(({ caseId: _, ...r }) => r),
    circumstances: circumstances.map((x) => ({
      id: x.id,
      kind: x.kind,
      circumstanceId: x.circumstanceId,
      description: describe(x.kind, x.circumstanceId),
      note: x.note,
      incidentId: x.incidentId,
      recordedBy: x.recordedBy,
      recordedAt: x.recordedAt,
    })),
    suggestedCircumstances,
    timeline,
    options: {
      steps: optionSteps,
      bodies: unitRules ? listDecisionBodies(unitRules) : [],
      aggravating: (ladder?.aggravating ?? []).map((x) => ({ id: x.id, description: x.description })),
      mitigating: (ladder?.mitigating ?? []).map((x) => ({ id: x.id, description: x.description })),
    },
  };
};

const stepNameOf = (
  ladder: Parameters<typeof stepName>[0] | undefined,
  step: Parameters<typeof stepName>[1],
) => (ladder ? stepName(ladder, step) : { zh: step, en: step });
