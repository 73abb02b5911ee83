import { describe, expect, it } from 'vitest';
import { assessmentSchemeFor } from '../assessment/assessment-scheme';
import { scoreUnit } from '../assessment/score-unit';
import { buildRulebookChain } from './build-rulebook-chain';
import { loadRulebook } from './load-rulebook';
import { type EffectiveRulebook, resolveEffectiveRulebook } from './resolve-effective-rulebook';
import { COMPUTED_FACTS, MEASURE_UNITS } from './rulebook.schema';
import { readPresetFiles } from './test/load-presets';
import { layer, rootRulebook } from './test/rulebook-factory';
import { validateRulebook } from './validate-rulebook';

// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong values at arbitrary paths of a copy
type Loose = Record<string, any>;

const signingIndicator = (overrides: Loose = {}): Loose => ({
  id: 'signing',
  name: { zh: '签状率', en: 'signing rate' },
  method: 'threshold',
  dataSource: 'computed',
  fact: 'signing_rate',
  thresholds: [
    { id: 'rate', measure: { zh: '签状率', en: 'rate' }, comparator: 'gte', value: 100, unit: 'percent' },
  ],
  scoring: { kind: 'threshold', pointsMet: 10, pointsNotMet: 0 },
  source: { doc: 'root-doc', article: 'art. 12' },
  ...overrides,
});

const rootWith = (change: (r: Loose) => void): unknown => {
  const copy = structuredClone(rootRulebook()) as Loose;
  change(copy);
  return copy;
};

const errorsOf = (input: unknown) => {
  const result = validateRulebook(input);
  return result.ok ? [] : result.errors.map((e) => [e.path, e.message.en]);
};

describe('indicator parameters of the rulebook', () => {
  it('accepts an indicator for each scoring method', () => {
    const items = [
      signingIndicator(),
      signingIndicator({
        id: 'satisfaction',
        method: 'linear',
        fact: 'satisfaction',
        thresholds: [],
        scoring: { kind: 'linear', lower: 60, upper: 100, direction: 'higher_is_better', maxPoints: 20 },
      }),
      signingIndicator({
        id: 'steps',
        method: 'deduction',
        fact: 'accountability_steps_received',
        thresholds: [],
        scoring: { kind: 'deduction', maxPoints: 10, perOccurrence: 2, floor: 0 },
      }),
      signingIndicator({
        id: 'major-case',
        method: 'veto_item',
        dataSource: 'entered',
        fact: undefined,
        scoring: { kind: 'veto_item' },
      }),
      signingIndicator({
        id: 'creation',
        method: 'qualitative',
        dataSource: 'entered',
        fact: undefined,
        thresholds: [],
        scoring: { kind: 'qualitative', maxPoints: 5 },
      }),
    ];
    expect(
      errorsOf(
        rootWith((r) => {
          r.indicators.items = items;
        }),
      ),
    ).toEqual([]);
  });

  // Burden reduction (RULES.md §9): no check-in, online-time or mileage indicator can be written.
  it.each([
    'check_in_count',
    'check_ins',
    'online_time',
    'online_hours',
    'login_count',
    'mileage',
    'patrol_km',
  ])('rejects the activity-trace fact %s', (fact) => {
    const errors = errorsOf(
      rootWith((r) => {
        r.indicators.items = [signingIndicator({ fact })];
      }),
    );
    expect(errors).toEqual([
      [
        'indicators.items[0].fact',
        'the data source must be one of the computed outcome facts (no check-in, online-time or mileage indicators)',
      ],
    ]);
  });

  it('offers no activity-trace fact nor a unit of time or distance to measure one in', () => {
    for (const fact of COMPUTED_FACTS)
      expect(fact).not.toMatch(/check|online|login|mileage|km|distance|hour|minute|duration/);
    for (const unit of MEASURE_UNITS) expect(unit).not.toMatch(/hour|minute|second|km|metre|meter|mile/);
  });

  it.each<[string, (r: Loose) => void, string, string]>([
    [
      'a fact on an entered indicator',
      (r) => {
        r.indicators.items = [signingIndicator({ dataSource: 'entered' })];
      },
      'indicators.items[0].fact',
      'only a computed indicator (`dataSource: computed`) names a fact',
    ],
    [
      'scoring parameters of another method',
      (r) => {
        r.indicators.items = [signingIndicator({ method: 'linear' })];
      },
      'indicators.items[0].scoring.kind',
      'the scoring parameters must be of the indicator’s method',
    ],
    [
      'more points when not met than when met',
      (r) => {
        r.indicators.items = [
          signingIndicator({ scoring: { kind: 'threshold', pointsMet: 1, pointsNotMet: 2 } }),
        ];
      },
      'indicators.items[0].scoring',
      'points when not met cannot exceed points when met',
    ],
    [
      'linear bounds the wrong way round',
      (r) => {
        r.indicators.items = [
          signingIndicator({
            method: 'linear',
            thresholds: [],
            scoring: { kind: 'linear', lower: 100, upper: 60, direction: 'higher_is_better', maxPoints: 5 },
          }),
        ];
      },
      'indicators.items[0].scoring',
      'the lower bound must be below the upper bound',
    ],
    [
      'a deduction floor above the maximum',
      (r) => {
        r.indicators.items = [
          signingIndicator({
            method: 'deduction',
            thresholds: [],
            scoring: { kind: 'deduction', maxPoints: 5, perOccurrence: 1, floor: 6 },
          }),
        ];
      },
      'indicators.items[0].scoring',
      'the floor cannot exceed the maximum points',
    ],
    [
      'grades without one starting at 0',
      (r) => {
        r.indicators.grades[1].minScore = 30;
      },
      'indicators.grades',
      'one grade must start at 0 so that every score has a grade',
    ],
    [
      'two grades with the same minimum',
      (r) => {
        r.indicators.grades[0].minScore = 0;
      },
      'indicators.grades[1].minScore',
      'grades need distinct minimum scores, none above the maximum score',
    ],
    [
      'a grade above the maximum score',
      (r) => {
        r.indicators.grades[0].minScore = 120;
      },
      'indicators.grades[0].minScore',
      'grades need distinct minimum scores, none above the maximum score',
    ],
    [
      'advanced places from a grade that does not exist',
      (r) => {
        r.indicators.assessment.advanced.eligibleGrades = ['gold'];
      },
      'indicators.assessment.advanced.eligibleGrades[0]',
      'refers to a grade that does not exist',
    ],
    [
      'a quota above 100 %',
      (r) => {
        r.indicators.assessment.advanced.quotaPercent = 120;
      },
      'indicators.assessment.advanced.quotaPercent',
      'must be at most 100',
    ],
    [
      'an individuals quota above 100 %',
      (r) => {
        r.indicators.assessment.advancedIndividuals.percent = 120;
      },
      'indicators.assessment.advancedIndividuals.percent',
      'must be at most 100',
    ],
    [
      'an individuals quota counting no role',
      (r) => {
        r.indicators.assessment.advancedIndividuals.roles = [];
      },
      'indicators.assessment.advancedIndividuals.roles',
      'must be at least 1',
    ],
    [
      'an individuals quota counting an unknown role',
      (r) => {
        r.indicators.assessment.advancedIndividuals.roles = ['principal', 'mayor'];
      },
      'indicators.assessment.advancedIndividuals.roles[1]',
      'must be one of: principal, in_charge, member, specific',
    ],
    [
      'an individuals quota without its parameter',
      (r) => {
        delete r.indicators.assessment.advancedIndividuals;
      },
      'indicators.assessment.advancedIndividuals',
      'required parameter is missing',
    ],
    [
      'a ranking group by something other than kind and level',
      (r) => {
        r.indicators.assessment.ranking.groupBy = ['kind', 'population'];
      },
      'indicators.assessment.ranking.groupBy[1]',
      'must be one of: kind, level',
    ],
    [
      'a weekly assessment period',
      (r) => {
        r.indicators.assessment.periods[0].unit = 'week';
      },
      'indicators.assessment.periods[0].unit',
      'must be one of: month, quarter, year',
    ],
  ])('rejects %s', (_, change, path, message) => {
    expect(errorsOf(rootWith(change))).toContainEqual([path, message]);
  });

  it('lets a layer set the points of an inherited indicator and its ranking minimum', () => {
    const root = rootRulebook({
      indicators: {
        ...rootRulebook().indicators,
        items: [signingIndicator({ scoring: undefined }) as never],
      },
    });
    const county = layer('county', 'root', {
      indicators: {
        items: [
          {
            id: 'signing',
            scoring: {
              kind: 'threshold',
              pointsMet: 15,
              pointsNotMet: 5,
              source: { doc: 'county-doc', article: '第三条' },
            },
          },
        ],
        assessment: { ranking: { minimumIndicators: 2, source: { doc: 'county-doc', article: '第四条' } } },
      },
    });
    const effective = resolveEffectiveRulebook({ chain: [root, county] });
    if (!effective.ok) throw new Error(JSON.stringify(effective.errors));
    expect(effective.provenance['indicators.items[signing].scoring.pointsMet']).toMatchObject({
      value: 15,
      fromRulebook: 'county',
    });
    expect(effective.rulebook.indicators.assessment.ranking).toMatchObject({
      groupBy: ['kind', 'level'],
      minimumIndicators: 2,
    });
    const score = scoreUnit(assessmentSchemeFor({ rulebook: effective.rulebook, unitKind: 'town' }), {
      signing_rate: { value: 90 },
    });
    expect(score).toMatchObject({
      rulebook: { id: 'county', version: 1 },
      score: 33.33,
      grade: { id: 'bad' },
    });
  });
});

describe('assessment parameters of the shipped presets', () => {
  const rulebooks = [...readPresetFiles().values()].map(loadRulebook);
  const resolve = (id: string): Extract<EffectiveRulebook, { ok: true }> => {
    const chain = buildRulebookChain({ id, rulebooks });
    if (!chain.ok) throw new Error(JSON.stringify(chain.errors));
    const effective = resolveEffectiveRulebook({ chain: chain.chain });
    if (!effective.ok) throw new Error(JSON.stringify(effective.errors));
    return effective;
  };
  const PRESETS = [
    'district-001',
    'henan-2016',
    'national-2016',
    'qingdao-003',
    'zhejiang-2016',
    'zhuzhou-county-2018',
  ];

  // No source states score thresholds, a quota, ranking groups or a minimum of data: product defaults.
  it.each(
    PRESETS.flatMap((id) => [
      [id, 'indicators.grades[excellent].minScore', 90],
      [id, 'indicators.grades[pass].minScore', 60],
      [id, 'indicators.grades[fail].minScore', 0],
      [id, 'indicators.grades[fail].failing', true],
      [id, 'indicators.assessment.maxScore', 100],
      [id, 'indicators.assessment.missingData', 'exclude'],
      [id, 'indicators.assessment.ranking.groupBy', ['kind', 'level']],
      [id, 'indicators.assessment.ranking.minimumIndicators', 3],
      [id, 'indicators.assessment.advanced.quotaPercent', 20],
      [id, 'indicators.assessment.advanced.ties', 'all_out'],
      [id, 'indicators.assessment.advancedIndividuals.percent', 10],
      [id, 'indicators.assessment.advancedIndividuals.roles', ['principal', 'in_charge']],
    ]) as [string, string, unknown][],
  )('%s: %s is the product default %j', (id, path, value) => {
    expect(resolve(id).provenance[path]).toMatchObject({ value, source: { doc: 'product-defaults' } });
  });

  it.each([
    // Henan art. 20 names the grades (their score thresholds stay product defaults).
    ['henan-2016', 'indicators.grades[pass].name.zh', '合格', 'henan-2016', '第二十条'],
    // 003 铁山: 月比 / 季查 / 年评
    [
      'qingdao-003',
      'indicators.assessment.periods[monthly-scoring].unit',
      'month',
      'qingdao-003',
      '铁山街道 三、严格督导，完善制度（二是）',
    ],
    [
      'qingdao-003',
      'indicators.assessment.periods[monthly-scoring].purpose',
      'score_and_rank',
      'qingdao-003',
      '铁山街道 三、严格督导，完善制度（二是）',
    ],
    [
      'qingdao-003',
      'indicators.assessment.periods[quarterly-check].unit',
      'quarter',
      'qingdao-003',
      '铁山街道 三、严格督导，完善制度（三是）',
    ],
    [
      'qingdao-003',
      'indicators.assessment.periods[annual-evaluation].unit',
      'year',
      'qingdao-003',
      '铁山街道 三、严格督导，完善制度（四是）',
    ],
    // 即墨 weights public opinion: the indicator reads the survey, unscored until bounds are set.
    [
      'qingdao-003',
      'indicators.items[public-safety-sense].fact',
      'survey_result',
      'qingdao-003',
      '即墨区 一、健全完善领导责任机制（三是）',
    ],
    // Zhuzhou art. 22 / 25: the county assesses yearly.
    [
      'zhuzhou-county-2018',
      'indicators.assessment.periods[annual-evaluation].graded',
      true,
      'zhuzhou-county-2018',
      '第二十二条、第二十五条',
    ],
    // 001 target 3: the signing rate is the computed fact.
    [
      'district-001',
      'indicators.items[signing-rate].fact',
      'signing_rate',
      'district-001',
      '社会治安综合治理目标管理责任制 第3项',
    ],
  ])('%s: %s = %j from %s (%s)', (id, path, value, fromRulebook, article) => {
    expect(resolve(id).provenance[path]).toMatchObject({ value, fromRulebook, source: { article } });
  });

  it('national-2016 assesses yearly only; 铁山 adds the monthly score-and-rank and the quarterly check', () => {
    expect(resolve('national-2016').rulebook.indicators.assessment.periods.map((p) => p.id)).toEqual([
      'annual-evaluation',
    ]);
    expect(
      resolve('qingdao-003').rulebook.indicators.assessment.periods.map((p) => [p.id, p.ranked, p.graded]),
    ).toEqual([
      ['annual-evaluation', true, true],
      ['monthly-scoring', true, false],
      ['quarterly-check', false, false],
    ]);
  });

  it('district-001 scores nothing yet: its source gives targets without points', () => {
    const { rulebook } = resolve('district-001');
    const score = scoreUnit(assessmentSchemeFor({ rulebook, unitKind: 'town' }), {
      signing_rate: { value: 100 },
    });
    expect(score.score).toBeNull();
    expect(score.indicators.every((i) => i.status === 'not_scored')).toBe(true);
    expect(score.rulebook).toEqual({ id: 'district-001', version: 1 });
  });
});
