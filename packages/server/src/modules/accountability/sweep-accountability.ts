import { hostname } from 'node:os';
import {
  type AccountabilityStep,
  type ProposalReason,
  type StepDeadlineKind,
  type UnitKind,
  decideEscalation,
  decideFailingYears,
  decideMajorIncidents,
  decideRepeatStep,
  rulesOfKind,
  substituteStep,
  toChinaDate,
} from '@zongzhi/domain';
import type { Database, Queryable } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { DEFAULT_SCHEDULERS } from '../../platform/config';
import {
  type RulebookInForce,
  findRulebookIdsOfUnits,
  findRulebookInForce,
} from '../rulebook/resolve-rulebook-in-force';
import {
  type NewProposal,
  countPendingByCase,
  insertProposalOnce,
  insertSweepRun,
  listAssessmentFailures,
  listCurrentUnits,
  listIncidentFacts,
  listOpenCaseRows,
  listReports,
  listStepsOfUnits,
} from './accountability.repository';
import { listOverdueRectifications } from '../inspections/list-overdue-rectifications';
import { groupBy } from './group-by';

/** An overdue rectification task of an inspection (the inspections module's fact source). */
export type OverdueRectificationFact = { id: number; unitId: number; deadline: string; title?: string };
export type OverdueRectificationSource = (
  q: Queryable,
  options: { asOf: string; unitIds?: number[] },
) => Promise<readonly OverdueRectificationFact[]>;

/** The inspections module's overdue rectification tasks, as facts for `fact_opens_case`. */
export const overdueRectificationsFromInspections: OverdueRectificationSource = async (q, options) =>
  (await listOverdueRectifications(q, options)).map((r) => ({
    id: r.taskId,
    unitId: r.ownerUnitId,
    deadline: r.deadline,
    title: r.description,
  }));

export type ProposeOptions = {
  asOf: string;
  now: Date;
  /** Limit to these units (a decision re-evaluates its unit); all current units when absent. */
  unitIds?: number[];
  overdueRectifications?: OverdueRectificationSource;
};

/**
 * Writes the proposals the facts call for on `asOf`, each at most once (a unique key per fact:
 * a repeated run is a no-op):
 * - on each open case, a missed deadline of its governing step → the next rung (not while a
 *   proposal of the case is pending);
 * - per unit, from the rules of its rulebook: `repeat_step` (listed twice in a row → yellow
 *   card), `consecutive_failing_years`, `major_incidents_in_window`, and `fact_opens_case` for an
 *   incident never reported or reported late and an inspection's overdue rectification.
 * The system proposes only: nothing here decides a step or bars anyone.
 */
export const proposeFromFacts = async (q: Queryable, o: ProposeOptions): Promise<number[]> => {
  const only = o.unitIds ? new Set(o.unitIds) : null;
  const units = (await listCurrentUnits(q, o.unitIds)).filter((u) => !only || only.has(u.id));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const rulebookIds = await findRulebookIdsOfUnits(q, units, o.asOf);
  const cache = new Map<string, RulebookInForce | undefined>();
  const rulesOf = async (unitId: number) => {
    const id = rulebookIds.get(unitId);
    if (id === undefined) return undefined;
    if (!cache.has(id)) cache.set(id, await findRulebookInForce(q, id, o.now));
    return cache.get(id);
  };
  const created: number[] = [];
  const propose = async (
    p: Omit<NewProposal, 'rulebookId' | 'rulebookVersion' | 'proposedOn' | 'proposedAt'>,
    rules: RulebookInForce,
  ) => {
    const id = await insertProposalOnce(q, {
      ...p,
      rulebookId: rules.rulebookId,
      rulebookVersion: rules.version,
      proposedOn: o.asOf,
      proposedAt: o.now,
    });
    if (id !== undefined) created.push(id);
  };

  // 1. Missed deadlines on open cases.
  const openCases = (await listOpenCaseRows(q, o.unitIds)).filter((c) => unitById.has(c.unitId));
  const caseIds = openCases.map((c) => c.id);
  const allSteps = await listStepsOfUnits(q, units.length === 0 ? [] : (o.unitIds ?? null));
  const stepsByCase = groupBy(allSteps, (s) => s.caseId);
  const reportsByStep = groupBy(await listReports(q, caseIds), (r) => r.stepId);
  const pending = await countPendingByCase(q, caseIds);
  for (const c of openCases) {
    const rules = await rulesOf(c.unitId);
    const steps = stepsByCase.get(c.id) ?? [];
    if (!rules || steps.length === 0 || (pending.get(c.id) ?? 0) > 0) continue;
    const escalation = decideEscalation({
      ladder: rules.rulebook.ladder,
      unitKind: c.unitKind as UnitKind,
      steps: steps.map((s) => ({
        ...s,
        reports: (reportsByStep.get(s.id) ?? []).map((r) => ({ kind: r.kind, submittedOn: r.submittedOn })),
      })),
      asOf: o.asOf,
    });
    if (!escalation) continue;
    const { missed } = escalation;
    const reason: ProposalReason =
      missed.kind === 'first_report' ? 'first_report_missed' : 'rectification_missed';
    await propose(
      {
        caseId: c.id,
        unitId: c.unitId,
        step: escalation.step,
        situationId: null,
        relevantOn: null,
        reason,
        dueStepId: missed.stepId,
        dueKind: missed.kind as StepDeadlineKind,
        dueDate: missed.date,
        ruleId: null,
        facts: { missed },
        dedupeKey: `missed:${missed.stepId}:${missed.kind}`,
      },
      rules,
    );
  }

  // 2. Rules over each unit's history.
  const openCaseIds = new Set(caseIds);
  const stepsByUnit = groupBy(allSteps, (s) => s.unitId);
  const failures = groupBy(
    (await listAssessmentFailures(q, o.unitIds)).filter((f) => unitById.has(f.unitId)),
    (f) => f.unitId,
  );
  const incidents = groupBy(
    (await listIncidentFacts(q, o.unitIds)).filter((i) => toChinaDate(i.occurredAt) <= o.asOf),
    (i) => i.unitId,
  );
  const majorCaseIncidents = new Set(
    (
      await q.query<{ incident_id: number }>(
        'SELECT incident_id FROM accountability_cases WHERE incident_id IS NOT NULL',
      )
    ).map((r) => r.incident_id),
  );
  const overdueSource = o.overdueRectifications ?? overdueRectificationsFromInspections;
  const overdue = groupBy(await overdueSource(q, { asOf: o.asOf, unitIds: o.unitIds }), (r) => r.unitId);

  for (const unit of units) {
    const rules = await rulesOf(unit.id);
    if (!rules) continue;
    const ladder = rules.rulebook.ladder;
    const kind = unit.kind as UnitKind;
    const caseOpening = (step: AccountabilityStep) => substituteStep(ladder, kind, step);

    for (const rule of rulesOfKind(ladder, 'repeat_step')) {
      const histories = [...groupBy(stepsByUnit.get(unit.id) ?? [], (s) => s.caseId).entries()].map(
        ([caseId, steps]) => ({
          caseId,
          firstDecidedOn: steps[0]!.decidedOn,
          steps,
        }),
      );
      const hit = decideRepeatStep(rule, histories);
      if (!hit || !openCaseIds.has(hit.caseId)) continue;
      await propose(
        {
          caseId: hit.caseId,
          unitId: unit.id,
          step: rule.outcome,
          situationId: null,
          relevantOn: null,
          reason: 'repeat_step',
          dueStepId: null,
          dueKind: null,
          dueDate: null,
          ruleId: rule.id,
          facts: {
            times: rule.times,
            consecutive: rule.consecutive,
            step: rule.step,
            lastStepId: hit.stepId,
          },
          dedupeKey: `repeat:${rule.id}:${hit.stepId}`,
        },
        rules,
      );
    }

    for (const rule of rulesOfKind(ladder, 'consecutive_failing_years')) {
      if (!rule.situation) continue;
      const years = (failures.get(unit.id) ?? []).map((f) => f.year);
      const lastYear = decideFailingYears(rule, years);
      if (lastYear === null) continue;
      await propose(
        {
          caseId: null,
          unitId: unit.id,
          step: caseOpening(rule.outcome),
          situationId: rule.situation,
          relevantOn: `${lastYear}-12-31`,
          reason: 'consecutive_failing_years',
          dueStepId: null,
          dueKind: null,
          dueDate: null,
          ruleId: rule.id,
          facts: { years: years.filter((y) => y > lastYear - rule.years) },
          dedupeKey: `failing:${rule.id}:${unit.id}:${lastYear}`,
        },
        rules,
      );
    }

    const unitIncidents = (incidents.get(unit.id) ?? []).map((i) => ({
      ...i,
      occurredOn: toChinaDate(i.occurredAt),
    }));
    for (const rule of rulesOfKind(ladder, 'major_incidents_in_window')) {
      const within = decideMajorIncidents(rule, unitIncidents, o.asOf);
      if (!within) continue;
      const last = within.at(-1)!;
      await propose(
        {
          caseId: null,
          unitId: unit.id,
          step: caseOpening(rule.outcome),
          situationId: rule.situation,
          relevantOn: last.occurredOn,
          reason: 'major_incidents_in_window',
          dueStepId: null,
          dueKind: null,
          dueDate: null,
          ruleId: rule.id,
          facts: { incidentIds: within.map((i) => i.id), window: rule.window, count: rule.count },
          dedupeKey: `incidents:${rule.id}:${unit.id}:${last.id}`,
        },
        rules,
      );
    }

    for (const rule of rulesOfKind(ladder, 'fact_opens_case')) {
      if (rule.fact === 'rectification_overdue') {
        for (const r of overdue.get(unit.id) ?? [])
          await propose(
            {
              caseId: null,
              unitId: unit.id,
              step: caseOpening(rule.outcome),
              situationId: rule.situation,
              relevantOn: r.deadline,
              reason: 'rectification_overdue',
              dueStepId: null,
              dueKind: null,
              dueDate: r.deadline,
              ruleId: rule.id,
              facts: { rectificationId: r.id, deadline: r.deadline, title: r.title ?? null },
              dedupeKey: `fact:${rule.id}:rectification:${r.id}`,
            },
            rules,
          );
        continue;
      }
      const matches = unitIncidents.filter((i) =>
        rule.fact === 'incident_unreported' ? i.source === 'discovered' : i.timeliness === 'late',
      );
      for (const i of matches) {
        if (majorCaseIncidents.has(i.id)) continue;
        await propose(
          {
            caseId: null,
            unitId: unit.id,
            step: caseOpening(rule.outcome),
            situationId: rule.situation,
            relevantOn: i.occurredOn,
            reason: rule.fact,
            dueStepId: null,
            dueKind: null,
            dueDate: null,
            ruleId: rule.id,
            facts: { incidentId: i.id, summary: i.summary },
            dedupeKey: `fact:${rule.id}:incident:${i.id}`,
          },
          rules,
        );
      }
    }
  }
  return created;
};

/** Advisory lock of the accountability sweep (the duty scheduler holds 7_140_007). */
const SWEEP_LOCK = 7_140_013;

// PGlite is one connection: the advisory lock would be re-entrant there, so sweeps of apps sharing
// one Database object are kept apart by this guard as well (as in the duty scheduler).
const sweeping = new WeakSet<Database>();

export type SweepResultInternal = {
  ran: boolean;
  asOf: string;
  proposalsCreated: number;
  proposalIds: number[];
};

/**
 * The escalation sweep for a date: one transaction under `pg_try_advisory_xact_lock`, so that of
 * several servers on one database exactly one works at a time (the other answers `ran: false`),
 * and unique keys make a repeated sweep a no-op.
 */
export const sweepAccountability = async (
  db: Database,
  clock: Clock,
  options: { asOf?: string; instance?: string; overdueRectifications?: OverdueRectificationSource } = {},
): Promise<SweepResultInternal> => {
  const startedAt = clock.now();
  const asOf = options.asOf ?? toChinaDate(startedAt);
  if (sweeping.has(db)) return { ran: false, asOf, proposalsCreated: 0, proposalIds: [] };
  sweeping.add(db);
  try {
    const result = await db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        SWEEP_LOCK,
      ]);
      if (!lock?.locked) return null;
      const ids = await proposeFromFacts(tx, {
        asOf,
        now: startedAt,
        overdueRectifications: options.overdueRectifications,
      });
      await insertSweepRun(tx, {
        asOf,
        startedAt,
        finishedAt: clock.now(),
        proposalsCreated: ids.length,
        instance: options.instance ?? `${hostname()}:${process.pid}`,
      });
      return ids;
    });
    return result === null
      ? { ran: false, asOf, proposalsCreated: 0, proposalIds: [] }
      : { ran: true, asOf, proposalsCreated: result.length, proposalIds: result };
  } finally {
    sweeping.delete(db);
  }
};

export type AccountabilitySweeper = { start: () => void; stop: () => Promise<void> };

/** Runs the sweep on a timer (started by startServer; tests drive `sweepAccountability` by hand). */
export const createAccountabilitySweeper = (o: {
  db: Database;
  clock: Clock;
  /** ZONGZHI_ACCOUNTABILITY_SWEEP_INTERVAL_SECONDS (platform/config); its default when absent. */
  intervalMs?: number;
  initialDelayMs?: number;
  onError?: (error: unknown) => void;
  overdueRectifications?: OverdueRectificationSource;
}): AccountabilitySweeper => {
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  const run = () => {
    inFlight = sweepAccountability(o.db, o.clock, { overdueRectifications: o.overdueRectifications }).catch(
      o.onError ?? (() => undefined),
    );
  };
  return {
    start: () => {
      if (timer) return;
      first = setTimeout(run, o.initialDelayMs ?? 10_000);
      timer = setInterval(run, o.intervalMs ?? DEFAULT_SCHEDULERS.accountabilitySweepIntervalSeconds * 1000);
      first.unref();
      timer.unref();
    },
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
};
