import { z } from 'zod';

/**
 * The monthly 平安报表 (seed 004: leaders hold an 经济报表 and a 平安报表 each month). Burden
 * reduction (RULES §9): a figure the system already holds is prefilled, never asked. The two
 * declared lists below are the only place the report's contents are defined; the request schema,
 * the response, the form and the workbooks are built from them.
 */

const count = z.number().int().min(0).max(1_000_000);

/** Figures the system holds for the unit's subtree and month, prefilled and never asked. */
export const SAFETY_REPORT_FIGURES = {
  dutiesDue: { label: { zh: '本月到期履职事项', en: 'Duties due this month' }, schema: z.number().int() },
  dutiesDone: { label: { zh: '按期完成', en: 'Done on time' }, schema: z.number().int() },
  dutiesDoneLate: { label: { zh: '逾期完成', en: 'Done late' }, schema: z.number().int() },
  dutiesOverdue: { label: { zh: '逾期未完成', en: 'Overdue' }, schema: z.number().int() },
  incidents: { label: { zh: '发生重大案事件', en: 'Major incidents' }, schema: z.number().int() },
  incidentsOnTime: { label: { zh: '按时报告', en: 'Reported on time' }, schema: z.number().int() },
  incidentsLate: { label: { zh: '迟报', en: 'Reported late' }, schema: z.number().int() },
  incidentsUnreported: { label: { zh: '瞒报漏报', en: 'Unreported' }, schema: z.number().int() },
  deaths: { label: { zh: '死亡人数', en: 'Deaths' }, schema: z.number().int() },
  injuries: { label: { zh: '受伤人数', en: 'Injuries' }, schema: z.number().int() },
} as const;

/** Figures only the unit knows: the whole of what the form asks. */
export const SAFETY_REPORT_ENTERED_FIELDS = {
  disputesScreened: { label: { zh: '排查矛盾纠纷（件）', en: 'Disputes screened' }, schema: count },
  disputesResolved: { label: { zh: '调处化解矛盾纠纷（件）', en: 'Disputes resolved' }, schema: count },
  publicityActivities: {
    label: { zh: '平安宣传活动（次）', en: 'Publicity activities' },
    schema: count,
  },
  situation: {
    label: { zh: '本月治安形势', en: 'Security situation this month' },
    schema: z.string().trim().min(1).max(5000),
  },
  remarks: { label: { zh: '备注', en: 'Remarks' }, schema: z.string().trim().max(2000).default('') },
} as const;

type Declared = Record<string, { label: { zh: string; en: string }; schema: z.ZodType }>;
const shapeOf = <T extends Declared>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, f.schema])) as {
    [K in keyof T]: T[K]['schema'];
  };

export type SafetyReportFigureKey = keyof typeof SAFETY_REPORT_FIGURES;
export type SafetyReportFieldKey = keyof typeof SAFETY_REPORT_ENTERED_FIELDS;
export const SAFETY_REPORT_FIGURE_KEYS = Object.keys(SAFETY_REPORT_FIGURES) as SafetyReportFigureKey[];
export const SAFETY_REPORT_FIELD_KEYS = Object.keys(SAFETY_REPORT_ENTERED_FIELDS) as SafetyReportFieldKey[];

export const safetyReportFiguresSchema = z.object(shapeOf(SAFETY_REPORT_FIGURES));
export type SafetyReportFigures = z.infer<typeof safetyReportFiguresSchema>;

/** PUT body: the entered fields only. Strict, so a prefilled figure sent along is refused by name. */
export const fileSafetyReportRequestSchema = z.strictObject(shapeOf(SAFETY_REPORT_ENTERED_FIELDS));
export type FileSafetyReportRequest = z.infer<typeof fileSafetyReportRequestSchema>;
export const safetyReportEntrySchema = z.object(shapeOf(SAFETY_REPORT_ENTERED_FIELDS));
export type SafetyReportEntry = z.infer<typeof safetyReportEntrySchema>;

/** 'YYYY-MM'. */
export const reportMonthSchema = z.string().refine((s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s), {
  message: 'a month YYYY-MM',
  params: { zh: '月份格式应为 YYYY-MM' },
});

export const safetyReportParamsSchema = z.object({
  unitId: z.coerce.number().int().positive(),
  month: reportMonthSchema,
});
export const countySafetyReportParamsSchema = z.object({ month: reportMonthSchema });
export const countySafetyReportQuerySchema = z.object({
  month: reportMonthSchema,
  /** The unit whose filers are listed; the top of the caller's scope when absent. */
  unitId: z.coerce.number().int().positive().optional(),
});
export type CountySafetyReportQuery = z.infer<typeof countySafetyReportQuerySchema>;

const revisionSchema = z.object({ revision: z.number().int(), filedAt: z.string(), filedBy: z.string() });

export const safetyReportSchema = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  month: z.string(),
  status: z.enum(['draft', 'filed']),
  /**
   * Last day (China time) the report of this month may be filed or re-filed, by the filing window
   * of the unit's rulebook; null when no rulebook applies to the unit (nothing closes the month).
   */
  closesOn: z.string().nullable(),
  open: z.boolean(),
  /** Filed: the snapshot taken at filing. Draft: the figures as of now. */
  figures: safetyReportFiguresSchema,
  figuresAsOf: z.string(),
  /** The entered fields of the latest revision; null while a draft. */
  entered: safetyReportEntrySchema.nullable(),
  revision: z.number().int().nullable(),
  filedAt: z.string().nullable(),
  filedBy: z.string().nullable(),
  revisions: z.array(revisionSchema),
});
export type SafetyReport = z.infer<typeof safetyReportSchema>;

export const countySafetyReportSchema = z.object({
  month: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  expected: z.number().int(),
  filed: z.number().int(),
  /** The towns and departments that have not filed this month. */
  missing: z.array(z.object({ unitId: z.number().int(), unitName: z.string() })),
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      unitKind: z.string(),
      status: z.enum(['filed', 'missing']),
      revision: z.number().int().nullable(),
      filedAt: z.string().nullable(),
      filedBy: z.string().nullable(),
      /** Filed: the snapshot at filing. Missing: the figures as of now. */
      figures: safetyReportFiguresSchema,
      entered: safetyReportEntrySchema.nullable(),
    }),
  ),
});
export type CountySafetyReport = z.infer<typeof countySafetyReportSchema>;

/**
 * The 平安报表 summary of a subtree over a period (issue 6 §5): the month's, quarter's or year's
 * key, written as the assessment calendar writes it (2026, 2026-Q1, 2026-M03).
 */
export const safetyReportSummaryPeriodSchema = z
  .string()
  .refine((s) => /^\d{4}(?:-(?:Q[1-4]|M(?:0[1-9]|1[0-2])))?$/.test(s), {
    message: 'a period key: 2026 (year), 2026-Q1 (quarter) or 2026-M03 (month)',
    params: { zh: '期间格式应为 2026（年）、2026-Q1（季度）或 2026-M03（月）' },
  });

export const safetyReportSummaryQuerySchema = z.object({
  period: safetyReportSummaryPeriodSchema,
  /** The subtree summed; the top of the caller's scope when absent. */
  unitId: z.coerce.number().int().positive().optional(),
});
export type SafetyReportSummaryQuery = z.infer<typeof safetyReportSummaryQuerySchema>;

/** The entered counts summed in the summary (the free-text fields are not summed). */
export const SAFETY_REPORT_SUMMED_FIELD_KEYS = [
  'disputesScreened',
  'disputesResolved',
  'publicityActivities',
] as const satisfies readonly SafetyReportFieldKey[];

export const safetyReportTotalsSchema = safetyReportFiguresSchema.extend({
  disputesScreened: z.number().int(),
  disputesResolved: z.number().int(),
  publicityActivities: z.number().int(),
});
export type SafetyReportTotals = z.infer<typeof safetyReportTotalsSchema>;

/** Who was due to file and who did; the totals are those of the filed reports' latest revisions. */
const summaryCellsSchema = z.object({
  /** Towns and departments of the subtree that existed in the month (each owes one report). */
  expected: z.number().int(),
  filed: z.number().int(),
  /** First filed on or before the day the month closed (the rulebook's filing window). */
  filedOnTime: z.number().int(),
  /** First filed after that day. */
  filedLate: z.number().int(),
  /** Not filed, the month still open (or not yet begun). */
  pending: z.number().int(),
  /** Not filed, the month closed. */
  missed: z.number().int(),
  /** filed / expected, 0–1; null before the month begins or when nobody owes a report. */
  filingRate: z.number().nullable(),
  totals: safetyReportTotalsSchema,
});
export type SafetyReportSummaryCells = z.infer<typeof summaryCellsSchema>;

const summaryMonthSchema = summaryCellsSchema.extend({
  month: z.string(),
  /** By the filing window of the summed unit's rulebook. */
  state: z.enum(['not_started', 'open', 'closed']),
  closesOn: z.string().nullable(),
});
export type SafetyReportSummaryMonth = z.infer<typeof summaryMonthSchema>;

export const safetyReportSummarySchema = z.object({
  period: z.string(),
  kind: z.enum(['month', 'quarter', 'year']),
  firstDay: z.string(),
  lastDay: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  months: z.array(summaryMonthSchema),
  total: summaryCellsSchema,
  /** The units directly below, each with the filers of its subtree (a town, a department). */
  children: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      unitKind: z.string(),
      months: z.array(summaryMonthSchema),
      total: summaryCellsSchema,
    }),
  ),
});
export type SafetyReportSummary = z.infer<typeof safetyReportSummarySchema>;
