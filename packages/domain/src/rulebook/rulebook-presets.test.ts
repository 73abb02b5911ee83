import { describe, expect, it } from 'vitest';
import { buildRulebookChain } from './build-rulebook-chain';
import { loadRulebook } from './load-rulebook';
import { type EffectiveRulebook, resolveEffectiveRulebook } from './resolve-effective-rulebook';
import { readPresetFiles } from './test/load-presets';

const files = readPresetFiles();
const rulebooks = [...files.values()].map(loadRulebook);

const resolved = new Map<string, Extract<EffectiveRulebook, { ok: true }>>();

const resolvePreset = (id: string): Extract<EffectiveRulebook, { ok: true }> => {
  const cached = resolved.get(id);
  if (cached) return cached;
  const chain = buildRulebookChain({ id, rulebooks });
  if (!chain.ok) throw new Error(JSON.stringify(chain.errors));
  const effective = resolveEffectiveRulebook({ chain: chain.chain });
  if (!effective.ok) throw new Error(JSON.stringify(effective.errors));
  resolved.set(id, effective);
  return effective;
};

const PRESET_IDS = [
  'district-001',
  'henan-2016',
  'national-2016',
  'qingdao-003',
  'zhejiang-2016',
  'zhuzhou-county-2018',
];

describe('shipped presets', () => {
  it('are the six presets, one file each, named after their id', () => {
    expect([...files.keys()]).toEqual(PRESET_IDS);
    expect(rulebooks.map((r) => r.id)).toEqual(PRESET_IDS);
  });

  it.each(PRESET_IDS)('%s loads, resolves and validates as a complete rulebook', (id) => {
    const effective = resolvePreset(id);
    expect(effective.rulebook.id).toBe(id);
    expect(effective.chain[0]).toEqual({ id: 'national-2016', version: 1 });
  });

  it.each(PRESET_IDS)('%s cites a source for every parameter', (id) => {
    const uncited = Object.entries(resolvePreset(id).provenance)
      .filter(([, p]) => p.source === null)
      .map(([path]) => path);
    expect(uncited).toEqual([]);
  });
});

describe('each preset yields what its source states', () => {
  it.each([
    // Henan 2016 arts. 33–37 (RULES.md §6)
    ['henan-2016', 'ladder.steps[notice].rectification.amount', 2, 'henan-2016'],
    ['henan-2016', 'ladder.steps[notice].rectification.unit', 'month', 'henan-2016'],
    ['henan-2016', 'ladder.steps[interview].rectification.amount', 3, 'henan-2016'],
    ['henan-2016', 'ladder.steps[interview].firstReport.amount', 10, 'henan-2016'],
    ['henan-2016', 'ladder.steps[interview].firstReport.unit', 'working_day', 'henan-2016'],
    ['henan-2016', 'ladder.steps[interview].reportCadence.every', 1, 'henan-2016'],
    ['henan-2016', 'ladder.steps[interview].reportCadence.unit', 'month', 'henan-2016'],
    ['henan-2016', 'ladder.steps[listed_supervision].rectification.amount', 6, 'henan-2016'],
    ['henan-2016', 'ladder.steps[listed_supervision].firstReport.amount', 10, 'henan-2016'],
    ['henan-2016', 'ladder.steps[listed_supervision].reportCadence.every', 2, 'henan-2016'],
    ['henan-2016', 'ladder.steps[veto].decision.level', 'superior', 'henan-2016'],
    ['henan-2016', 'ladder.steps[interview].name.zh', '约谈', 'national-2016'],
    ['henan-2016', 'duties[committee-plenary].cadence.unit', 'year', 'henan-2016'],
    ['henan-2016', 'duties[sign-responsibility-letters].deadline.month', 3, 'henan-2016'],
    // Zhuzhou county 2018 (seed 000)
    [
      'zhuzhou-county-2018',
      'ladder.steps[listed_supervision].windows[listing-unit].months',
      6,
      'zhuzhou-county-2018',
    ],
    [
      'zhuzhou-county-2018',
      'ladder.steps[listed_supervision].windows[listing-leaders].who',
      ['principal', 'responsible', 'in_charge'],
      'zhuzhou-county-2018',
    ],
    ['zhuzhou-county-2018', 'ladder.steps[veto].windows[veto-unit].months', 12, 'zhuzhou-county-2018'],
    ['zhuzhou-county-2018', 'ladder.steps[veto].decision.body', 'committee', 'zhuzhou-county-2018'],
    ['zhuzhou-county-2018', 'ladder.steps[notice].decision.body', 'office', 'zhuzhou-county-2018'],
    ['zhuzhou-county-2018', 'ladder.rules[stationed-unit-veto].step', 'veto', 'zhuzhou-county-2018'],
    [
      'zhuzhou-county-2018',
      'duties[principal-hears-report].cadence.unit',
      'half_year',
      'zhuzhou-county-2018',
    ],
    [
      'zhuzhou-county-2018',
      'duties[quarterly-situation-report].cadence.unit',
      'quarter',
      'zhuzhou-county-2018',
    ],
    ['zhuzhou-county-2018', 'duties[annual-work-report].cadence.unit', 'year', 'zhuzhou-county-2018'],
    [
      'zhuzhou-county-2018',
      'incidentReporting.limits[major-incident].deadline.kind',
      'at_once',
      'zhuzhou-county-2018',
    ],
    [
      'zhuzhou-county-2018',
      'ladder.aggravating[concealment].description.zh',
      '弄虚作假、隐瞒事实真相、瞒报漏报重大情况',
      'zhuzhou-county-2018',
    ],
    // Zhejiang 2016 (seed 002)
    ['zhejiang-2016', 'ladder.rules[veto-after-two-failing-years].years', 2, 'zhejiang-2016'],
    ['zhejiang-2016', 'ladder.rules[veto-after-two-failing-years].outcome', 'veto', 'zhejiang-2016'],
    ['zhejiang-2016', 'ladder.steps[listed_supervision].windows[listing-unit].months', 6, 'zhejiang-2016'],
    ['zhejiang-2016', 'ladder.steps[veto].windows[veto-leaders].months', 12, 'zhejiang-2016'],
    [
      'zhejiang-2016',
      'ladder.steps[veto].triggers[listing-unrectified].kind',
      'previous_step_unrectified',
      'national-2016',
    ],
    // District of seed 001
    ['district-001', 'incidentReporting.limits[major-case-report].deadline.amount', 24, 'district-001'],
    ['district-001', 'incidentReporting.limits[major-case-report].deadline.unit', 'hour', 'district-001'],
    [
      'district-001',
      'incidentReporting.limits[major-case-report].measuredFrom',
      'occurrence',
      'district-001',
    ],
    ['district-001', 'incidentReporting.limits[major-case-investigation].deadline.amount', 1, 'district-001'],
    [
      'district-001',
      'incidentReporting.limits[major-case-investigation].deadline.unit',
      'month',
      'district-001',
    ],
    ['district-001', 'duties[party-committee-special-meeting].cadence.unit', 'quarter', 'district-001'],
    ['district-001', 'duties[committee-meeting].cadence.every', 2, 'district-001'],
    ['district-001', 'duties[committee-meeting].cadence.unit', 'month', 'district-001'],
    ['district-001', 'duties[office-meeting].cadence.unit', 'month', 'district-001'],
    ['district-001', 'duties[information-reports].cadence.timesPerPeriod.min', 12, 'district-001'],
    [
      'district-001',
      'indicators.items[criminal-case-rate].thresholds[criminal-cases-per-10k].value',
      7,
      'district-001',
    ],
    [
      'district-001',
      'indicators.items[patrol-team].thresholds[full-time-patrol-members].value',
      10,
      'district-001',
    ],
    [
      'district-001',
      'indicators.items[released-persons].thresholds[recidivism-rate].value',
      5,
      'district-001',
    ],
    ['district-001', 'indicators.omitted[target-19].number', 19, 'district-001'],
    // Qingdao / 即墨 / 铁山 (seed 003)
    ['qingdao-003', 'duties[public-safety-survey].cadence.unit', 'quarter', 'qingdao-003'],
    ['qingdao-003', 'duties[five-department-joint-meeting].cadence.unit', 'quarter', 'qingdao-003'],
    ['qingdao-003', 'ladder.rules[listed-twice-yellow-card].times', 2, 'qingdao-003'],
    ['qingdao-003', 'ladder.rules[listed-twice-yellow-card].outcome', 'yellow_card', 'qingdao-003'],
    ['qingdao-003', 'duties[weekly-report].cadence.unit', 'week', 'qingdao-003'],
    ['qingdao-003', 'duties[monthly-scoring].cadence.unit', 'month', 'qingdao-003'],
    ['qingdao-003', 'duties[quarterly-check].cadence.unit', 'quarter', 'qingdao-003'],
    ['qingdao-003', 'duties[annual-evaluation].cadence.unit', 'year', 'qingdao-003'],
    ['qingdao-003', 'roles[specific].holders.zh', '街道管区负责人、包村干部', 'qingdao-003'],
    // Supervision (RULES.md §4): kinds cited where a source states them; periods are product defaults
    ['national-2016', 'supervision.rectification.period.unit', 'month', 'national-2016'],
    ['national-2016', 'supervision.rectification.acceptanceRequired', true, 'national-2016'],
    ['district-001', 'supervision.kinds[half_year_check].carriedOutBy', 'office', 'district-001'],
    ['district-001', 'supervision.kinds[year_end_check].carriedOutBy', 'committee', 'district-001'],
    ['district-001', 'supervision.kinds[self_check].carriedOutBy', 'unit_itself', 'district-001'],
    ['zhuzhou-county-2018', 'supervision.kinds[unannounced].carriedOutBy', 'office', 'zhuzhou-county-2018'],
    ['henan-2016', 'supervision.kinds[patrol].name.zh', '巡视督查', 'national-2016'],
  ])('%s: %s = %j (from %s)', (id, path, value, fromRulebook) => {
    const entry = resolvePreset(id).provenance[path];
    expect(entry).toBeDefined();
    expect(entry?.value).toEqual(value);
    expect(entry?.fromRulebook).toBe(fromRulebook);
  });

  it.each([
    ['henan-2016', 'ladder.steps[interview].firstReport.amount', 'henan-2016', '第三十三条至第三十七条'],
    [
      'zhuzhou-county-2018',
      'ladder.steps[listed_supervision].windows[listing-unit].months',
      'zhuzhou-2018',
      '第二十九条',
    ],
    ['zhuzhou-county-2018', 'ladder.steps[veto].windows[veto-unit].months', 'zhuzhou-2018', '第三十一条'],
    ['zhuzhou-county-2018', 'ladder.rules[stationed-unit-veto].recommendTo.zh', 'zhuzhou-2018', '第三十二条'],
    [
      'zhuzhou-county-2018',
      'duties[principal-hears-report].cadence.every',
      'zhuzhou-2018',
      '第六条第（三）项',
    ],
    [
      'zhuzhou-county-2018',
      'ladder.mitigating[cooperation].description.en',
      'zhuzhou-2018',
      '第三十五条第（二）项',
    ],
    [
      'district-001',
      'incidentReporting.limits[major-case-report].deadline.amount',
      'district-001',
      '社会治安综合治理重大案件查究制度 第5项',
    ],
    [
      'district-001',
      'duties[committee-meeting].cadence.every',
      'district-001',
      '社会治安综合治理会议制度 第2项',
    ],
  ])('%s: %s cites %s %s', (id, path, doc, article) => {
    expect(resolvePreset(id).provenance[path]?.source).toMatchObject({ doc, article });
  });

  // Reminders, who files the monthly report and its filing window are product defaults no source document states:
  // every preset inherits them from the national baseline, cited as such, not to a source article.
  it.each(
    PRESET_IDS.flatMap((id) => [
      [id, 'reminders.dueSoonDays', 7],
      [id, 'reminders.notifyRoles', ['principal', 'in_charge']],
      [id, 'reports.monthlySafetyReport.filingWindow.monthsAfterReportMonth', 1],
      [id, 'reports.monthlySafetyReport.filers.kinds', ['town', 'department']],
    ]) as [string, string, unknown][],
  )('%s: %s is the product default %j', (id, path, value) => {
    const { provenance } = resolvePreset(id);
    expect(provenance[path]).toMatchObject({ value, source: { doc: 'product-defaults' } });
  });

  it('district-001 carries the 20 targets except target 19, recorded as deliberately omitted', () => {
    const { indicators } = resolvePreset('district-001').rulebook;
    expect(indicators.items.map((i) => i.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20,
    ]);
    expect(indicators.omitted).toMatchObject([
      { number: 19, reason: { en: expect.stringContaining('RULES.md §8') } },
    ]);
  });

  it('zhuzhou sets no rectification periods: its source leaves the deadline to the decision', () => {
    const { ladder } = resolvePreset('zhuzhou-county-2018').rulebook;
    expect(ladder.steps.map((s) => s.rectification)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
