import type { RulebookLayer } from '../rulebook-layer.schema';
import type { Rulebook } from '../rulebook.schema';

const cite = (article: string) => ({ doc: 'root-doc', article });

/** A small complete rulebook; tests override what they exercise. */
export const rootRulebook = (overrides: Partial<Rulebook> = {}): Rulebook => ({
  id: 'root',
  name: { zh: '根', en: 'Root' },
  jurisdictionLevel: 'national',
  version: 1,
  sources: [{ id: 'root-doc', title: '根文件', year: 2016 }],
  bodies: {
    committee: { name: { zh: '综治委', en: 'Committee' }, source: cite('art. 1') },
    office: { name: { zh: '综治办', en: 'Office' }, source: cite('art. 1') },
  },
  roles: [],
  duties: [
    {
      id: 'committee-meeting',
      name: { zh: '综治委会议', en: 'Committee meeting' },
      kind: 'meeting',
      who: ['county', 'town'],
      cadence: { kind: 'periodic', every: 1, unit: 'quarter' },
      deadline: { kind: 'end_of_period' },
      evidenceRequired: false,
      source: cite('art. 2'),
    },
    {
      id: 'annual-report',
      name: { zh: '年度报告', en: 'Annual report' },
      kind: 'report',
      who: ['town'],
      cadence: { kind: 'periodic', every: 1, unit: 'year' },
      deadline: { kind: 'fixed_date', month: 1, day: 15, yearOffset: 1 },
      evidenceRequired: true,
      source: cite('art. 3'),
    },
  ],
  ladder: {
    situations: [],
    steps: [
      { id: 'notice', name: { zh: '通报', en: 'Notice' }, triggers: [], source: cite('art. 4') },
      {
        id: 'interview',
        name: { zh: '约谈', en: 'Interview' },
        triggers: [],
        rectification: { amount: 2, unit: 'month', source: cite('art. 5') },
        source: cite('art. 4'),
      },
      {
        id: 'listed_supervision',
        name: { zh: '挂牌督办', en: 'Listed supervision' },
        triggers: [],
        rectification: { amount: 6, unit: 'month', source: cite('art. 6') },
        windows: [
          { id: 'unit', months: 6, bars: ['comprehensive_honours'], who: ['unit'], source: cite('art. 7') },
        ],
        source: cite('art. 4'),
      },
      { id: 'veto', name: { zh: '一票否决', en: 'Veto' }, triggers: [], source: cite('art. 4') },
    ],
    rules: [],
    aggravating: [],
    mitigating: [],
  },
  indicators: {
    grades: [
      { id: 'good', name: { zh: '合格', en: 'Pass' }, minScore: 60, failing: false, source: cite('art. 12') },
      { id: 'bad', name: { zh: '不合格', en: 'Fail' }, minScore: 0, failing: true, source: cite('art. 12') },
    ],
    items: [],
    omitted: [],
    assessment: {
      maxScore: 100,
      decimals: 2,
      missingData: 'exclude',
      periods: [
        {
          id: 'annual',
          name: { zh: '年度考核', en: 'Annual assessment' },
          unit: 'year',
          purpose: 'evaluation',
          ranked: true,
          graded: true,
        },
      ],
      ranking: { groupBy: ['kind', 'level'], minimumIndicators: 1 },
      advanced: { quotaPercent: 20, rounding: 'floor', ties: 'all_out', eligibleGrades: ['good'] },
      advancedIndividuals: {
        basis: 'share_of_leaders',
        roles: ['principal', 'in_charge'],
        percent: 10,
        rounding: 'floor',
      },
    },
  },
  incidentReporting: {
    limits: [
      {
        id: 'major-case',
        name: { zh: '重大案件', en: 'Major case' },
        measuredFrom: 'occurrence',
        deadline: { kind: 'within', amount: 24, unit: 'hour' },
        reportTo: { zh: '上级', en: 'superior' },
        source: cite('art. 8'),
      },
    ],
  },
  eventSlas: { categories: [] },
  reminders: { dueSoonDays: 7, notifyRoles: ['principal', 'in_charge'], source: cite('art. 9') },
  reports: {
    monthlySafetyReport: {
      filers: { kinds: ['town', 'department'], source: cite('art. 10') },
      filingWindow: { monthsAfterReportMonth: 1, source: cite('art. 10') },
    },
  },
  supervision: {
    kinds: [{ id: 'self_check', name: { zh: '自检', en: 'Self-check' }, carriedOutBy: 'unit_itself' }],
    rectification: {
      period: { amount: 1, unit: 'month' },
      bySeverity: [],
      reworkPeriod: { amount: 10, unit: 'working_day' },
      acceptanceRequired: true,
      dueSoonDays: 5,
      source: cite('art. 11'),
    },
  },
  ...overrides,
});

/** A layer over `parent` with its own source document `<id>-doc`. */
export const layer = (
  id: string,
  parent: string,
  body: Omit<RulebookLayer, 'id' | 'name' | 'jurisdictionLevel' | 'extends' | 'version' | 'sources'>,
  version = 1,
): RulebookLayer => ({
  id,
  name: { zh: id, en: id },
  jurisdictionLevel: 'county',
  extends: parent,
  version,
  sources: [{ id: `${id}-doc`, title: `${id} 文件`, year: 2018 }],
  ...body,
});
