import { z } from 'zod';
import { RESPONSIBILITY_ROLES } from '../responsibility/post-kinds';
import { UNIT_KINDS } from '../units/unit-kinds';

/**
 * The rulebook of a jurisdiction as data (RULES.md: "every number is a rule parameter").
 *
 * A rulebook without `extends` is complete and is validated by `rulebookSchema`. A rulebook with
 * `extends` is a layer over its parent: every part of its body is optional and it may remove
 * inherited entries with `{ "$remove": true }` (see `rulebook-layer.schema.ts`). The effective
 * rulebook of a unit, resolved down the chain, is again validated by `rulebookSchema`.
 *
 * Messages of custom checks are keys of `RULEBOOK_MESSAGES` (validate-rulebook.ts), so that every
 * error reaches the user in Chinese and English.
 */

/** Ids of entries: lower-case, starting with a letter, so that a path segment `[id]` never reads as an index. */
export const rulebookIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'rulebook.id');

const text = z.string().trim().min(1);
const positiveInt = z.number().int().positive();

export const localizedTextSchema = z.strictObject({ zh: text, en: text });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Where a parameter comes from: a document of the rulebook's `sources` and its article (or section heading). */
export const citationSchema = z.strictObject({
  doc: rulebookIdSchema,
  article: text,
  note: text.optional(),
});
export type Citation = z.infer<typeof citationSchema>;

const cited = { source: citationSchema.optional() };

export const unitKindSchema = z.enum(UNIT_KINDS);
export const responsibilityRoleSchema = z.enum(RESPONSIBILITY_ROLES);

export const CADENCE_UNITS = ['week', 'month', 'quarter', 'half_year', 'year'] as const;
export const cadenceUnitSchema = z.enum(CADENCE_UNITS);
export type CadenceUnit = z.infer<typeof cadenceUnitSchema>;

export const RECTIFICATION_UNITS = ['working_day', 'day', 'month'] as const;
export const INCIDENT_TIME_UNITS = ['hour', 'working_day', 'day', 'month'] as const;

/** A period counted in working days, calendar days or months (calendar arithmetic lives in the calendar module). */
export const rectificationPeriodSchema = z.strictObject({
  amount: positiveInt,
  unit: z.enum(RECTIFICATION_UNITS),
  ...cited,
});
export type RectificationPeriod = z.infer<typeof rectificationPeriodSchema>;

export const reportCadenceSchema = z.strictObject({ every: positiveInt, unit: cadenceUnitSchema, ...cited });

/** "At least quarterly" is `{ every: 1, unit: 'quarter' }`; "at least 12 a year" adds `timesPerPeriod: { min: 12 }`. */
export const cadenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('periodic'),
    every: positiveInt,
    unit: cadenceUnitSchema,
    timesPerPeriod: z.strictObject({ min: positiveInt, max: positiveInt.optional() }).optional(),
    ...cited,
  }),
  z.strictObject({ kind: z.literal('event'), trigger: localizedTextSchema, ...cited }),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

const eventDeadlineSchemas = [
  /** Counted from the triggering event (e.g. a major case: within 24 hours). */
  z.strictObject({
    kind: z.literal('within'),
    amount: positiveInt,
    unit: z.enum(INCIDENT_TIME_UNITS),
    ...cited,
  }),
  /** 随时报告: at once, without a counted limit. */
  z.strictObject({ kind: z.literal('at_once'), ...cited }),
] as const;

/**
 * When an occurrence is due, relative to the cadence's period (the shapes map one to one onto the
 * duties module's `DutyDeadlineRule`), or, for event-driven duties, to the event.
 */
export const deadlineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('end_of_period'), ...cited }),
  z.strictObject({ kind: z.literal('working_days_after_period_end'), days: positiveInt, ...cited }),
  /** 0 is the period's first day: a weekly meeting "every Monday" is due on day 0 of its ISO week. */
  z.strictObject({
    kind: z.literal('days_after_period_start'),
    days: z.number().int().nonnegative(),
    ...cited,
  }),
  /** A month-day in the period's year plus `yearOffset` (an annual report due 15 January of the next year). */
  z.strictObject({
    kind: z.literal('fixed_date'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().nonnegative().optional(),
    ...cited,
  }),
  ...eventDeadlineSchemas,
]);
export type Deadline = z.infer<typeof deadlineSchema>;

export const incidentDeadlineSchema = z.discriminatedUnion('kind', [...eventDeadlineSchemas]);

export const DUTY_KINDS = ['meeting', 'report', 'check', 'survey', 'scoring', 'activity', 'signing'] as const;

export const dutySchema = z.strictObject({
  id: rulebookIdSchema,
  name: localizedTextSchema,
  kind: z.enum(DUTY_KINDS),
  /** Kinds of unit the duty applies to. */
  who: z.array(unitKindSchema).min(1),
  /** The responsibility role that performs it, where the source names one (e.g. the principal hears a report). */
  role: responsibilityRoleSchema.optional(),
  description: localizedTextSchema.optional(),
  reportTo: localizedTextSchema.optional(),
  cadence: cadenceSchema,
  deadline: deadlineSchema,
  /** Burden reduction (RULES.md §9): evidence only where the rule requires it. */
  evidenceRequired: z.boolean(),
  source: citationSchema,
});
export type Duty = z.infer<typeof dutySchema>;

export const bodySchema = z.strictObject({
  name: localizedTextSchema,
  /** 发文字号 prefix of the body's official documents, e.g. 株综治办 (→ 株综治办〔2026〕12号); issuing fails without it. */
  abbreviation: z
    .strictObject({
      text: z
        .string()
        .trim()
        .min(1)
        .max(20)
        .regex(/^[^\s〔〕[\]()（）]+$/),
      ...cited,
    })
    .optional(),
  ...cited,
});
export const namedBodySchema = z.strictObject({ id: rulebookIdSchema, name: localizedTextSchema, ...cited });

export const bodiesSchema = z.strictObject({
  /** 综治委 / 平安建设领导小组 */
  committee: bodySchema,
  /** 综治办 / 平安办 */
  office: bodySchema,
  others: z.array(namedBodySchema).optional(),
});

export const roleDefinitionSchema = z.strictObject({
  id: responsibilityRoleSchema,
  name: localizedTextSchema,
  holders: localizedTextSchema,
  ...cited,
});

export const LADDER_STEPS = ['notice', 'interview', 'listed_supervision', 'veto', 'referral'] as const;
export const ladderStepIdSchema = z.enum(LADDER_STEPS);
export type LadderStepId = z.infer<typeof ladderStepIdSchema>;

export const BARS = ['comprehensive_honours', 'award', 'promotion'] as const;
export const BARRED_PARTIES = ['unit', 'principal', 'in_charge', 'responsible'] as const;

/**
 * A window during which eligibility is barred. `months` when the source gives a duration; `until`
 * when it gives a condition instead ("until the situation has changed") or states none.
 */
export const windowSchema = z
  .strictObject({
    id: rulebookIdSchema,
    months: positiveInt.optional(),
    until: localizedTextSchema.optional(),
    bars: z.array(z.enum(BARS)).min(1),
    who: z.array(z.enum(BARRED_PARTIES)).min(1),
    ...cited,
  })
  .refine((w) => w.months !== undefined || w.until !== undefined, 'rulebook.windowDuration');
export type EligibilityWindow = z.infer<typeof windowSchema>;

export const TRIGGER_KINDS = [
  'situation',
  'previous_step_unrectified',
  'grave_harm',
  'especially_grave_harm',
  'failing_assessment',
  'other',
] as const;

/** Qualitative trigger of a step; counted escalations ("two years running") are `ladder.rules`. */
export const triggerSchema = z.strictObject({
  id: rulebookIdSchema,
  kind: z.enum(TRIGGER_KINDS),
  description: localizedTextSchema,
  ...cited,
});

export const DECIDING_BODIES = [
  'office',
  'committee',
  'party_committee_and_government',
  'discipline_and_personnel_organs',
] as const;

/** `level` is relative to the unit under accountability: `superior` is the level above (the county for a town). */
export const decisionSchema = z.strictObject({
  body: z.enum(DECIDING_BODIES).optional(),
  level: z.enum(['same', 'superior']).optional(),
  description: localizedTextSchema.optional(),
  ...cited,
});

export const ladderStepSchema = z.strictObject({
  id: ladderStepIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
  triggers: z.array(triggerSchema),
  /** Absent where the source leaves the deadline to the decision (限期整改 without a period). */
  rectification: rectificationPeriodSchema.optional(),
  firstReport: rectificationPeriodSchema.optional(),
  reportCadence: reportCadenceSchema.optional(),
  addressees: z.array(z.enum(BARRED_PARTIES)).min(1).optional(),
  mayDispatchWorkingGroup: z.boolean().optional(),
  decision: decisionSchema.optional(),
  windows: z.array(windowSchema).optional(),
  ...cited,
});
export type LadderStep = z.infer<typeof ladderStepSchema>;

const ruleBase = { id: rulebookIdSchema, description: localizedTextSchema, ...cited };

export const ladderRuleSchema = z.discriminatedUnion('kind', [
  /** 即墨: listed twice in a row → yellow card. */
  z.strictObject({
    kind: z.literal('repeat_step'),
    ...ruleBase,
    step: ladderStepIdSchema,
    times: z.number().int().min(2),
    consecutive: z.boolean(),
    outcome: z.enum(['yellow_card', ...LADDER_STEPS]),
  }),
  /** Zhejiang: failing the assessment two years running → veto. */
  z.strictObject({
    kind: z.literal('consecutive_failing_years'),
    ...ruleBase,
    years: z.number().int().min(2),
    outcome: ladderStepIdSchema,
    /** The situation of the case a proposal from this rule opens (e.g. failing the assessment). */
    situation: rulebookIdSchema.optional(),
  }),
  /** National situation 2: several major incidents within a window → a case is proposed. */
  z.strictObject({
    kind: z.literal('major_incidents_in_window'),
    ...ruleBase,
    count: z.number().int().min(2),
    window: z.strictObject({ amount: positiveInt, unit: z.enum(['day', 'month']) }),
    situation: rulebookIdSchema,
    outcome: ladderStepIdSchema,
  }),
  /** A fact of another module that warrants a case: a rectification overdue, an incident unreported (瞒报/漏报) or late. */
  z.strictObject({
    kind: z.literal('fact_opens_case'),
    ...ruleBase,
    fact: z.enum(['rectification_overdue', 'incident_unreported', 'incident_late']),
    situation: rulebookIdSchema,
    outcome: ladderStepIdSchema,
  }),
  /** 000 art. 32: stationed units are not vetoed by the county; it recommends to their superior. */
  z.strictObject({
    kind: z.literal('stationed_unit_recommendation'),
    ...ruleBase,
    step: ladderStepIdSchema,
    recommendTo: localizedTextSchema,
  }),
  z.strictObject({ kind: z.literal('ban_follows_transfer'), ...ruleBase }),
  z.strictObject({ kind: z.literal('breach_promotion_revoked'), ...ruleBase }),
  z.strictObject({ kind: z.literal('consult_committee_before_promotion'), ...ruleBase }),
]);
export type LadderRule = z.infer<typeof ladderRuleSchema>;

export const circumstanceSchema = z.strictObject({
  id: rulebookIdSchema,
  description: localizedTextSchema,
  /** Incident facts from which the system suggests this circumstance on a case (瞒报/漏报: unreported, late). */
  suggestedBy: z.array(z.enum(['incident_unreported', 'incident_late'])).optional(),
  ...cited,
});

export const ladderSchema = z.strictObject({
  /** Situations that open a case (000 art. 26). */
  situations: z.array(circumstanceSchema),
  /** In the order of the ladder: notice → interview → listed supervision → veto → referral. */
  steps: z.array(ladderStepSchema),
  rules: z.array(ladderRuleSchema),
  aggravating: z.array(circumstanceSchema),
  mitigating: z.array(circumstanceSchema),
});
export type Ladder = z.infer<typeof ladderSchema>;

export const INDICATOR_METHODS = ['threshold', 'linear', 'deduction', 'veto_item', 'qualitative'] as const;
export const MEASURE_UNITS = ['percent', 'per_10k_population', 'count', 'persons'] as const;

/**
 * Facts the system computes itself and an indicator may read (issue 6 §1). Outcomes, not activity
 * traces (RULES.md §9): there is deliberately no check-in, online-time, login or mileage fact, so
 * no rulebook can score one. Each is a percentage 0–100 (of duties done on time, of letter targets met
 * …; `survey_result` is the survey's score) except `accountability_steps_received`, a count.
 */
export const COMPUTED_FACTS = [
  'signing_rate',
  'duties_on_time',
  'incident_reports_on_time',
  'rectifications_accepted_on_time',
  'accountability_steps_received',
  'letter_targets_met',
  'grid_events_resolved_on_time',
  'satisfaction',
  'survey_result',
] as const;
export const computedFactSchema = z.enum(COMPUTED_FACTS, 'rulebook.fact');
export type ComputedFact = z.infer<typeof computedFactSchema>;

const points = z.number().nonnegative();

/**
 * The parameters of an indicator's scoring method; `kind` is the indicator's `method`.
 * - threshold: every threshold met → `pointsMet`, else `pointsNotMet`;
 * - linear: the value between `lower` and `upper` maps linearly onto 0..`maxPoints` (reversed when
 *   lower is better), clamped outside the bounds;
 * - deduction: `maxPoints` less `perOccurrence` for each occurrence, never below `floor`;
 * - veto_item: a threshold not met fails the whole assessment (一票否决); it gives no points;
 * - qualitative: the assessing body enters points, 0..`maxPoints`.
 */
export const indicatorScoringSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('threshold'), pointsMet: points, pointsNotMet: points, ...cited })
    .refine((s) => s.pointsNotMet <= s.pointsMet, 'rulebook.thresholdPoints'),
  z
    .strictObject({
      kind: z.literal('linear'),
      lower: z.number(),
      upper: z.number(),
      direction: z.enum(['higher_is_better', 'lower_is_better']),
      maxPoints: z.number().positive(),
      ...cited,
    })
    .refine((s) => s.lower < s.upper, 'rulebook.linearBounds'),
  z
    .strictObject({
      kind: z.literal('deduction'),
      maxPoints: z.number().positive(),
      perOccurrence: z.number().positive(),
      floor: points,
      ...cited,
    })
    .refine((s) => s.floor <= s.maxPoints, 'rulebook.deductionFloor'),
  z.strictObject({ kind: z.literal('veto_item'), ...cited }),
  z.strictObject({ kind: z.literal('qualitative'), maxPoints: z.number().positive(), ...cited }),
]);
export type IndicatorScoring = z.infer<typeof indicatorScoringSchema>;

/** `value` is absolute; `reference: 'previous_year'` compares with the unit's own previous year. */
export const thresholdSchema = z
  .strictObject({
    id: rulebookIdSchema,
    measure: localizedTextSchema,
    comparator: z.enum(['lte', 'lt', 'eq', 'gte', 'gt']),
    value: z.number().nonnegative().optional(),
    reference: z.enum(['previous_year']).optional(),
    unit: z.enum(MEASURE_UNITS),
    per: cadenceUnitSchema.optional(),
    ...cited,
  })
  .refine((t) => (t.value === undefined) !== (t.reference === undefined), 'rulebook.thresholdValue');

export const indicatorSchema = z
  .strictObject({
    id: rulebookIdSchema,
    /** The target's number in its source (001 numbers its 20 targets). */
    number: positiveInt.optional(),
    name: localizedTextSchema,
    /** Absent where the source gives no weight. */
    weight: z.number().nonnegative().optional(),
    method: z.enum(INDICATOR_METHODS),
    /** Whether the system computes it from facts it holds, or someone enters it (named so as not to clash with the citation `source`). */
    dataSource: z.enum(['computed', 'entered']),
    /** The computed fact it reads (only with `dataSource: 'computed'`); absent, its values are entered once per period. */
    fact: computedFactSchema.optional(),
    /** Kinds of unit it applies to; absent, every kind assessed. */
    who: z.array(unitKindSchema).min(1).optional(),
    thresholds: z.array(thresholdSchema),
    /** Absent where the source gives no points: the indicator is then shown but not scored. */
    scoring: indicatorScoringSchema.optional(),
    ...cited,
  })
  .refine((i) => i.fact === undefined || i.dataSource === 'computed', {
    message: 'rulebook.factSource',
    path: ['fact'],
  })
  .refine((i) => i.scoring === undefined || i.scoring.kind === i.method, {
    message: 'rulebook.scoringMethod',
    path: ['scoring', 'kind'],
  });
export type Indicator = z.infer<typeof indicatorSchema>;

/** A target of the source that the product deliberately does not implement, with the reason. */
export const omittedIndicatorSchema = z.strictObject({
  id: rulebookIdSchema,
  number: positiveInt.optional(),
  name: localizedTextSchema,
  reason: localizedTextSchema,
  ...cited,
});

/** 优秀 / 合格 / 不合格 (Henan art. 20): a score at or above `minScore` earns the grade. */
export const gradeSchema = z.strictObject({
  id: rulebookIdSchema,
  name: localizedTextSchema,
  minScore: z.number().nonnegative(),
  /** Failing the assessment: the accountability situation, and the count of consecutive failing years. */
  failing: z.boolean(),
  ...cited,
});
export type Grade = z.infer<typeof gradeSchema>;

/** 月比 / 季查 / 年评 (003 铁山): what a period of the assessment does. */
export const ASSESSMENT_PERIOD_PURPOSES = ['score_and_rank', 'check', 'evaluation'] as const;

export const assessmentPeriodSchema = z.strictObject({
  id: rulebookIdSchema,
  name: localizedTextSchema,
  unit: z.enum(['month', 'quarter', 'year']),
  purpose: z.enum(ASSESSMENT_PERIOD_PURPOSES),
  ranked: z.boolean(),
  graded: z.boolean(),
  ...cited,
});
export type AssessmentPeriod = z.infer<typeof assessmentPeriodSchema>;

export const RANKING_GROUP_KEYS = ['kind', 'level'] as const;

export const assessmentSettingsSchema = z.strictObject({
  /** A unit's score is out of this (weighted share of the points of its scored indicators). */
  maxScore: z.number().positive(),
  /** Scores are rounded to this many decimals before grading, ranking and tie checks. */
  decimals: z.number().int().min(0).max(4),
  /** An indicator without data is left out of the unit's score (`exclude`) or counted as no points (`zero`). */
  missingData: z.enum(['exclude', 'zero']),
  periods: z.array(assessmentPeriodSchema).min(1),
  /** Fair ranking: units are compared only with units of the same kind and level. */
  ranking: z.strictObject({
    groupBy: z.array(z.enum(RANKING_GROUP_KEYS)),
    /** A unit with fewer indicators with data is "not ranked". */
    minimumIndicators: z.number().int().nonnegative(),
    ...cited,
  }),
  /** 评先比例 (000 arts. 21–25: set by the committee). */
  advanced: z.strictObject({
    /** Places per ranking group: this percentage of its ranked units, rounded as stated. */
    quotaPercent: z.number().min(0).max(100),
    rounding: z.enum(['floor', 'round', 'ceil']),
    /** Candidates tied at the last place: all selected (may exceed the quota) or none (may leave places empty). */
    ties: z.enum(['all_in', 'all_out']),
    /** Only units with one of these grades are candidates. */
    eligibleGrades: z.array(rulebookIdSchema).min(1),
    ...cited,
  }),
  /**
   * 先进个人名额, its own quota (000 art. 21: the principal and in-charge leaders of the towns,
   * departments and units are praised and cited; art. 24: the committee selects the advanced
   * individuals; RULES §5: a proportion set by the committee). Places: `percent` of the people
   * holding a post of one of `roles` in the period's assessed units on its last day, rounded as stated.
   */
  advancedIndividuals: z
    .strictObject({
      basis: z.literal('share_of_leaders'),
      roles: z.array(responsibilityRoleSchema).min(1),
      percent: z.number().min(0).max(100),
      rounding: z.enum(['floor', 'round', 'ceil']),
      ...cited,
    })
    // Optional only so that versions stored before it existed still resolve (their periods keep
    // the units' percentage, as the rewards module says); every shipped preset states it.
    .optional(),
  ...cited,
});
export type AdvancedIndividualsRules = NonNullable<AssessmentSettings['advancedIndividuals']>;
export type AssessmentSettings = z.infer<typeof assessmentSettingsSchema>;

export const indicatorSystemSchema = z
  .strictObject({
    grades: z.array(gradeSchema),
    items: z.array(indicatorSchema),
    omitted: z.array(omittedIndicatorSchema),
    assessment: assessmentSettingsSchema,
  })
  .superRefine((system, ctx) => {
    const { grades, assessment } = system;
    if (grades.length > 0 && !grades.some((g) => g.minScore === 0))
      ctx.addIssue({ code: 'custom', path: ['grades'], message: 'rulebook.gradeFloor' });
    grades.forEach((grade, index) => {
      if (grades.findIndex((g) => g.minScore === grade.minScore) !== index)
        ctx.addIssue({ code: 'custom', path: ['grades', index, 'minScore'], message: 'rulebook.gradeOrder' });
      if (grade.minScore > assessment.maxScore)
        ctx.addIssue({ code: 'custom', path: ['grades', index, 'minScore'], message: 'rulebook.gradeOrder' });
    });
    const gradeIds = new Set(grades.map((g) => g.id));
    assessment.advanced.eligibleGrades.forEach((id, index) => {
      if (!gradeIds.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['assessment', 'advanced', 'eligibleGrades', index],
          message: 'rulebook.unknownGrade',
        });
    });
  });

export const incidentLimitSchema = z.strictObject({
  id: rulebookIdSchema,
  name: localizedTextSchema,
  /** The clock starts when the incident happened, or when the unit received a notice (通知书). */
  measuredFrom: z.enum(['occurrence', 'notice_received']),
  deadline: incidentDeadlineSchema,
  reportTo: localizedTextSchema,
  windows: z.array(windowSchema).optional(),
  ...cited,
});

export const incidentReportingSchema = z.strictObject({ limits: z.array(incidentLimitSchema) });

/** Placeholder for the grid issue: a limit per event category, in working days. */
export const eventSlasSchema = z.strictObject({
  categories: z.array(
    z.strictObject({
      id: rulebookIdSchema,
      name: localizedTextSchema,
      limit: z.strictObject({ amount: positiveInt, unit: z.literal('working_day') }),
      ...cited,
    }),
  ),
});

/**
 * When the responsible people hear of their duties. Product settings rather than rules: the source
 * documents state deadlines, not reminders, so the national preset cites them as product defaults.
 */
export const remindersSchema = z.strictObject({
  /** An open occurrence is due soon (yellow) from this many calendar days before its deadline. */
  dueSoonDays: z.number().int().nonnegative(),
  /** Holders of these roles in the unit are notified of its due-soon and overdue duties. */
  notifyRoles: z.array(responsibilityRoleSchema).min(1),
  ...cited,
});
export type Reminders = z.infer<typeof remindersSchema>;

/** The monthly 平安报表 (seed 004). */
export const monthlySafetyReportSchema = z.strictObject({
  /**
   * Which units owe a report every month: a unit files when its kind is listed by the rulebook it
   * follows (its own or its nearest attached ancestor's). A layer replaces the list whole.
   * Optional only so that versions stored before the field existed still resolve for past dates:
   * those keep the behaviour they had then (`FILERS_BEFORE_THE_RULE`); every shipped preset states it.
   */
  filers: z.strictObject({ kinds: z.array(unitKindSchema).min(1), ...cited }).optional(),
  /**
   * A month's report may be filed (and re-filed) from the month's first day until the end of the
   * `monthsAfterReportMonth`-th following month, China time; 0 closes it with the month itself.
   */
  filingWindow: z.strictObject({ monthsAfterReportMonth: z.number().int().nonnegative(), ...cited }),
});

export const reportsSchema = z.strictObject({ monthlySafetyReport: monthlySafetyReportSchema });

/**
 * 目标管理责任书 (RULES.md §3). Who signs for each party, by when, the yellow band of progress,
 * and which kinds of unit issue letters to which (层层签订).
 */
export const letterRelationshipRuleSchema = z.strictObject({
  id: rulebookIdSchema,
  name: localizedTextSchema,
  issuerKinds: z.array(unitKindSchema).min(1),
  recipientKinds: z.array(unitKindSchema).min(1),
  ...cited,
});
export type LetterRelationshipRule = z.infer<typeof letterRelationshipRuleSchema>;

export const lettersRulesSchema = z.strictObject({
  /** The responsibility roles that sign for each party (党政同责: both principals). */
  signatories: z.strictObject({
    issuer: z.array(responsibilityRoleSchema).min(1),
    recipient: z.array(responsibilityRoleSchema).min(1),
    ...cited,
  }),
  /** The year's letters are due signed by this month-day (first quarter: 03-31). */
  signingDeadline: z.strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    ...cited,
  }),
  /** Progress: a value missing its threshold by at most this percentage of it is yellow, beyond it red. */
  progress: z.strictObject({ yellowMarginPercent: z.number().min(0).max(100), ...cited }),
  relationships: z.array(letterRelationshipRuleSchema).min(1),
});
export type LettersRules = z.infer<typeof lettersRulesSchema>;

/** RULES.md §4: the kinds of 督促检查 / 督查督办 (000 arts. 15–17; 001; Henan art. 18). */
export const INSPECTION_KINDS = [
  'self_check',
  'spot_check',
  'half_year_check',
  'year_end_check',
  'special',
  'unannounced',
  'patrol',
] as const;
/** Who carries a kind out: the unit on itself (自检), or the office / committee over the units it supervises. */
export const INSPECTING_BODIES = ['unit_itself', 'office', 'committee'] as const;
export const FINDING_SEVERITIES = ['minor', 'general', 'serious'] as const;

export const inspectionKindSchema = z.strictObject({
  id: z.enum(INSPECTION_KINDS),
  name: localizedTextSchema,
  carriedOutBy: z.enum(INSPECTING_BODIES),
  description: localizedTextSchema.optional(),
  ...cited,
});

/** A finding's rectification (整改): its period, the re-work period after a rejected acceptance, and reminders. */
export const findingRectificationSchema = z.strictObject({
  /** The period of a finding whose severity has no entry in `bySeverity`. */
  period: rectificationPeriodSchema,
  bySeverity: z.array(
    z.strictObject({ id: z.enum(FINDING_SEVERITIES), period: rectificationPeriodSchema, ...cited }),
  ),
  /** A rejected acceptance sends the task back with a new deadline this long after the rejection. */
  reworkPeriod: rectificationPeriodSchema,
  /** Whether a task closes only after the inspecting body accepts it (验收), or on the owner's report. */
  acceptanceRequired: z.boolean(),
  /** An open task is due soon (yellow) from this many calendar days before its deadline. */
  dueSoonDays: z.number().int().nonnegative(),
  ...cited,
});

export const supervisionSchema = z.strictObject({
  kinds: z.array(inspectionKindSchema).min(1),
  rectification: findingRectificationSchema,
});
export type Supervision = z.infer<typeof supervisionSchema>;

export const JURISDICTION_LEVELS = ['national', 'province', 'city', 'county', 'town'] as const;

export const rulebookSourceSchema = z.strictObject({
  id: rulebookIdSchema,
  title: text,
  year: z.number().int().min(1949).max(2100),
  /** Where the text can be found (seed file, document number). */
  reference: text.optional(),
});

export const rulebookMetadataShape = {
  id: rulebookIdSchema,
  name: localizedTextSchema,
  jurisdictionLevel: z.enum(JURISDICTION_LEVELS),
  extends: rulebookIdSchema.optional(),
  version: positiveInt,
  description: localizedTextSchema.optional(),
  sources: z.array(rulebookSourceSchema).min(1),
};

export const rulebookBodyShape = {
  bodies: bodiesSchema,
  roles: z.array(roleDefinitionSchema),
  duties: z.array(dutySchema),
  ladder: ladderSchema,
  indicators: indicatorSystemSchema,
  incidentReporting: incidentReportingSchema,
  eventSlas: eventSlasSchema,
  reminders: remindersSchema,
  reports: reportsSchema,
  /** Optional so that rulebooks written before issue 4 stay valid; national-2016 ships it. */
  letters: lettersRulesSchema.optional(),
  supervision: supervisionSchema,
};

export const rulebookObjectSchema = z.strictObject({ ...rulebookMetadataShape, ...rulebookBodyShape });

/** A complete rulebook: a root preset, or the effective rulebook resolved down a chain. */
export const rulebookSchema = rulebookObjectSchema.superRefine((rulebook, ctx) => {
  for (const issue of checkRulebookConsistency({ rulebook, complete: true })) {
    ctx.addIssue({ code: 'custom', ...issue });
  }
});

export type Rulebook = z.infer<typeof rulebookObjectSchema>;
export type RulebookMetadata = Pick<Rulebook, keyof typeof rulebookMetadataShape>;
export type RulebookBody = Pick<Rulebook, keyof typeof rulebookBodyShape>;

type ConsistencyIssue = { path: (string | number)[]; message: string };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Checks a schema cannot express: unique ids, citations naming a listed source, the ladder in its
 * order, real month-days, rules naming steps that exist. Also run on layers, where parts may be absent.
 */
export const checkRulebookConsistency = ({
  rulebook,
  complete,
}: {
  rulebook: unknown;
  /** A layer may name steps its parent defines, so rule references are checked only on complete rulebooks. */
  complete: boolean;
}): ConsistencyIssue[] => {
  const issues: ConsistencyIssue[] = [];
  if (!isRecord(rulebook)) return issues;
  const sourceIds = new Set(
    Array.isArray(rulebook.sources) ? rulebook.sources.filter(isRecord).map((s) => s.id) : [],
  );

  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      const seen = new Set<unknown>();
      value.forEach((element, index) => {
        if (isRecord(element) && typeof element.id === 'string') {
          if (seen.has(element.id))
            issues.push({ path: [...path, index, 'id'], message: 'rulebook.duplicateId' });
          seen.add(element.id);
        }
        walk(element, [...path, index]);
      });
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'source' && isRecord(child) && typeof child.doc === 'string' && path.length > 0) {
        if (!sourceIds.has(child.doc))
          issues.push({ path: [...path, key, 'doc'], message: 'rulebook.unknownDoc' });
        continue;
      }
      walk(child, [...path, key]);
    }
    if (value.kind === 'fixed_date' && typeof value.month === 'number' && typeof value.day === 'number') {
      if (value.day > (DAYS_IN_MONTH[value.month - 1] ?? 31))
        issues.push({ path: [...path, 'day'], message: 'rulebook.dayOfMonth' });
    }
  };
  for (const [key, child] of Object.entries(rulebook)) if (key !== 'sources') walk(child, [key]);

  const ladder = isRecord(rulebook.ladder) ? rulebook.ladder : undefined;
  const steps = Array.isArray(ladder?.steps) ? ladder.steps.filter(isRecord) : [];
  let lastRank = -1;
  steps.forEach((step, index) => {
    const rank = LADDER_STEPS.indexOf(step.id as LadderStepId);
    if (rank >= 0 && rank < lastRank)
      issues.push({ path: ['ladder', 'steps', index, 'id'], message: 'rulebook.stepOrder' });
    lastRank = Math.max(lastRank, rank);
  });
  if (complete && Array.isArray(ladder?.rules)) {
    const stepIds = new Set(steps.map((s) => s.id));
    ladder.rules.forEach((rule, index) => {
      if (!isRecord(rule)) return;
      for (const key of ['step', 'outcome'] as const) {
        const ref = rule[key];
        if (typeof ref === 'string' && ref !== 'yellow_card' && !stepIds.has(ref)) {
          issues.push({ path: ['ladder', 'rules', index, key], message: 'rulebook.unknownStep' });
        }
      }
    });
  }
  return issues;
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
