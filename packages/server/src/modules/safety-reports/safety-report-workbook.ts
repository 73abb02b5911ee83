import {
  SAFETY_REPORT_ENTERED_FIELDS,
  SAFETY_REPORT_FIELD_KEYS,
  SAFETY_REPORT_FIGURE_KEYS,
  SAFETY_REPORT_FIGURES,
  type SafetyReportEntry,
  type SafetyReportFigures,
} from '@zongzhi/contracts';

/** China Standard Time, to the second: 'YYYY-MM-DD HH:mm:ss'. */
export const formatBeijingTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

/** The report's items in their declared order: prefilled figures first, then the entered fields. */
export const listReportItems = (figures: SafetyReportFigures, entered: SafetyReportEntry | null) => [
  ...SAFETY_REPORT_FIGURE_KEYS.map((key) => ({
    label: SAFETY_REPORT_FIGURES[key].label.zh,
    value: figures[key] as number | string | null,
    source: '系统预填',
  })),
  ...SAFETY_REPORT_FIELD_KEYS.map((key) => ({
    label: SAFETY_REPORT_ENTERED_FIELDS[key].label.zh,
    value: (entered?.[key] ?? null) as number | string | null,
    source: '单位填报',
  })),
];

/** The Chinese headers of the report's items, in the order of listReportItems. */
export const REPORT_ITEM_LABELS = [
  ...SAFETY_REPORT_FIGURE_KEYS.map((key) => SAFETY_REPORT_FIGURES[key].label.zh),
  ...SAFETY_REPORT_FIELD_KEYS.map((key) => SAFETY_REPORT_ENTERED_FIELDS[key].label.zh),
];
