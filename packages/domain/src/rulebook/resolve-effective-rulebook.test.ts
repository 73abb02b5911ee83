import { describe, expect, it } from 'vitest';
import { buildRulebookChain } from './build-rulebook-chain';
import type { RulebookDocument } from './rulebook-layer.schema';
import { resolveEffectiveRulebook } from './resolve-effective-rulebook';
import { layer, rootRulebook } from './test/rulebook-factory';

const root = rootRulebook();
const province = (body: Parameters<typeof layer>[2], version = 1) => layer('province', 'root', body, version);
const county = (body: Parameters<typeof layer>[2]) => layer('county', 'province', body);

const resolveOk = (chain: RulebookDocument[]) => {
  const result = resolveEffectiveRulebook({ chain });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};

describe('resolveEffectiveRulebook: inheritance and provenance', () => {
  it.each<[string, RulebookDocument[], string, unknown, string | null, string | null]>([
    [
      'a root parameter, with its citation',
      [root],
      'ladder.steps[interview].rectification.amount',
      2,
      'root',
      'art. 5',
    ],
    [
      'inherited unchanged through two layers',
      [root, province({}), county({})],
      'ladder.steps[interview].rectification.amount',
      2,
      'root',
      'art. 5',
    ],
    [
      'overridden by the province',
      [
        root,
        province({
          ladder: {
            steps: [
              {
                id: 'interview',
                rectification: { amount: 3, source: { doc: 'province-doc', article: '第三十四条' } },
              },
            ],
          },
        }),
      ],
      'ladder.steps[interview].rectification.amount',
      3,
      'province',
      '第三十四条',
    ],
    [
      'a sibling field of an override stays inherited',
      [root, province({ ladder: { steps: [{ id: 'interview', rectification: { amount: 3 } }] } })],
      'ladder.steps[interview].rectification.unit',
      'month',
      'root',
      'art. 5',
    ],
    [
      'an override without a citation is not given the parent\u2019s',
      [root, province({ ladder: { steps: [{ id: 'interview', rectification: { amount: 3 } }] } })],
      'ladder.steps[interview].rectification.amount',
      3,
      'province',
      null,
    ],
    [
      'the citation of the enclosing entry covers its fields',
      [
        root,
        province({
          duties: [
            {
              id: 'committee-meeting',
              cadence: { every: 2, unit: 'month' },
              source: { doc: 'province-doc', article: '第九条' },
            },
          ],
        }),
      ],
      'duties[committee-meeting].cadence.every',
      2,
      'province',
      '第九条',
    ],
    [
      'the county overrides what the province overrode',
      [
        root,
        province({ duties: [{ id: 'committee-meeting', cadence: { every: 2, unit: 'month' } }] }),
        county({
          duties: [
            {
              id: 'committee-meeting',
              cadence: { every: 1 },
              source: { doc: 'county-doc', article: '第六条' },
            },
          ],
        }),
      ],
      'duties[committee-meeting].cadence.every',
      1,
      'county',
      '第六条',
    ],
    [
      'a list of plain values is replaced whole',
      [root, province({ duties: [{ id: 'committee-meeting', who: ['department'] }] })],
      'duties[committee-meeting].who',
      ['department'],
      'province',
      null,
    ],
    [
      'a duty added by the county',
      [
        root,
        province({}),
        county({
          duties: [
            {
              id: 'survey',
              name: { zh: '安全感调查', en: 'Safety survey' },
              kind: 'survey',
              who: ['county'],
              cadence: { kind: 'periodic', every: 1, unit: 'quarter' },
              deadline: { kind: 'end_of_period' },
              evidenceRequired: false,
              source: { doc: 'county-doc', article: '二、（一是）' },
            },
          ],
        }),
      ],
      'duties[survey].cadence.unit',
      'quarter',
      'county',
      '二、（一是）',
    ],
    [
      'a cadence changed to event-driven replaces the periodic one',
      [
        root,
        province({
          duties: [
            {
              id: 'annual-report',
              cadence: { kind: 'event', trigger: { zh: '发生时', en: 'when it happens' } },
              deadline: { kind: 'at_once' },
            },
          ],
        }),
      ],
      'duties[annual-report].cadence.kind',
      'event',
      'province',
      null,
    ],
    [
      'a window added to an inherited step',
      [
        root,
        province({
          ladder: {
            steps: [
              {
                id: 'veto',
                windows: [
                  {
                    id: 'unit',
                    months: 12,
                    bars: ['comprehensive_honours'],
                    who: ['unit'],
                    source: { doc: 'province-doc', article: '第三十一条' },
                  },
                ],
              },
            ],
          },
        }),
      ],
      'ladder.steps[veto].windows[unit].months',
      12,
      'province',
      '第三十一条',
    ],
  ])('%s', (_, chain, path, value, fromRulebook, article) => {
    const entry = resolveOk(chain).provenance[path];
    expect(entry).toMatchObject({ value, fromRulebook, version: 1 });
    expect(entry?.source?.article ?? null).toBe(article);
  });

  it.each<[string, RulebookDocument[], string]>([
    [
      'a duty removed with the explicit marker',
      [root, province({ duties: [{ id: 'annual-report', $remove: true }] })],
      'duties[annual-report].cadence.unit',
    ],
    [
      'an optional field removed with the explicit marker',
      [root, province({ ladder: { steps: [{ id: 'interview', rectification: { $remove: true } }] } })],
      'ladder.steps[interview].rectification.amount',
    ],
    [
      'fields of the old kind do not survive a kind change',
      [
        root,
        province({
          duties: [
            {
              id: 'annual-report',
              cadence: { kind: 'event', trigger: { zh: '发生时', en: 'when it happens' } },
              deadline: { kind: 'at_once' },
            },
          ],
        }),
      ],
      'duties[annual-report].deadline.month',
    ],
  ])('%s', (_, chain, path) => {
    const result = resolveOk(chain);
    expect(Object.keys(result.provenance)).not.toContain(path);
  });

  it('records who removed what, with the citation of the removal', () => {
    const result = resolveOk([
      root,
      province(
        {
          duties: [{ id: 'annual-report', $remove: true, source: { doc: 'province-doc', article: '附则' } }],
        },
        3,
      ),
    ]);
    expect(result.rulebook.duties.map((d) => d.id)).toEqual(['committee-meeting']);
    expect(result.removed).toEqual([
      {
        path: 'duties[annual-report]',
        byRulebook: 'province',
        version: 3,
        source: { doc: 'province-doc', article: '附则' },
      },
    ]);
  });

  it('a removed duty can be added again further down, and then comes from there', () => {
    const readded = rootRulebook().duties[1]!;
    const result = resolveOk([
      root,
      province({ duties: [{ id: 'annual-report', $remove: true }] }),
      county({ duties: [{ ...readded, source: { doc: 'county-doc', article: '第三条' } } as never] }),
    ]);
    expect(result.provenance['duties[annual-report].deadline.day']).toMatchObject({
      value: 15,
      fromRulebook: 'county',
    });
  });

  it('the effective rulebook takes the leaf\u2019s metadata and the sources of the whole chain', () => {
    const result = resolveOk([root, province({}), county({})]);
    expect(result.rulebook).toMatchObject({ id: 'county', extends: 'province', jurisdictionLevel: 'county' });
    expect(result.rulebook.sources.map((s) => s.id)).toEqual(['root-doc', 'province-doc', 'county-doc']);
    expect(result.chain).toEqual([
      { id: 'root', version: 1 },
      { id: 'province', version: 1 },
      { id: 'county', version: 1 },
    ]);
  });

  it('is pure: the same chain gives the same result and the inputs are not changed', () => {
    const chain: RulebookDocument[] = [
      root,
      province({
        duties: [
          { id: 'annual-report', $remove: true },
          { id: 'committee-meeting', who: ['town'] },
        ],
      }),
    ];
    const before = structuredClone(chain);
    const first = resolveOk(chain);
    const second = resolveOk(chain);
    expect(second).toEqual(first);
    expect(JSON.stringify(Object.keys(second.provenance))).toBe(
      JSON.stringify(Object.keys(first.provenance)),
    );
    expect(chain).toEqual(before);
  });
});

describe('resolveEffectiveRulebook: errors', () => {
  it.each<[string, RulebookDocument[], { path: string; rulebook?: string; en: string }]>([
    ['an empty chain', [], { path: '', en: 'the chain is empty' }],
    ['a root that extends', [province({})], { path: 'extends', rulebook: 'province', en: 'must not extend' }],
    [
      'a chain out of order',
      [root, county({})],
      { path: 'extends', rulebook: 'county', en: '`extends` must name the previous rulebook' },
    ],
    [
      'removing what is not inherited',
      [root, province({ duties: [{ id: 'no-such-duty', $remove: true }] })],
      { path: 'duties[no-such-duty]', rulebook: 'province', en: 'no inherited entry' },
    ],
    [
      'a new duty missing its cadence',
      [
        root,
        province({
          duties: [
            {
              id: 'half-done',
              name: { zh: '半成品', en: 'Half done' },
              kind: 'report',
              who: ['town'],
              deadline: { kind: 'end_of_period' },
              evidenceRequired: false,
              source: { doc: 'province-doc', article: '第一条' },
            },
          ],
        }),
      ],
      { path: 'duties[half-done].cadence', rulebook: 'province', en: 'required parameter is missing' },
    ],
    [
      'a required field removed',
      [root, province({ ladder: { steps: [{ id: 'notice', name: { $remove: true } as never }] } })],
      { path: 'ladder.steps[0].name', rulebook: 'province', en: 'cannot be removed' },
    ],
    [
      'a wrong value in a layer, named by its path in that layer',
      [root, province({ ladder: { steps: [{ id: 'interview', rectification: { amount: -1 } }] } })],
      { path: 'ladder.steps[0].rectification.amount', rulebook: 'province', en: 'greater than 0' },
    ],
  ])('%s', (_, chain, expected) => {
    const result = resolveEffectiveRulebook({ chain });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        path: expected.path,
        ...(expected.rulebook === undefined ? {} : { rulebook: expected.rulebook }),
        message: expect.objectContaining({ en: expect.stringContaining(expected.en) }),
      }),
    );
  });
});

describe('buildRulebookChain', () => {
  const province1 = province({});
  const county1 = county({});
  it.each<[string, string, RulebookDocument[], string[] | string]>([
    ['root alone', 'root', [root], ['root']],
    [
      'county up to the root, in any input order',
      'county',
      [county1, root, province1],
      ['root', 'province', 'county'],
    ],
    ['a missing parent', 'county', [county1, root], 'the rulebook it extends was not found'],
    ['an unknown id', 'nowhere', [root], 'the rulebook it extends was not found'],
    ['a cycle', 'a', [layer('a', 'b', {}), layer('b', 'a', {})], 'the extends relation forms a cycle'],
  ])('%s', (_, id, rulebooks, expected) => {
    const result = buildRulebookChain({ id, rulebooks });
    if (Array.isArray(expected)) expect(result.ok && result.chain.map((r) => r.id)).toEqual(expected);
    else expect(!result.ok && result.errors[0]?.message.en).toBe(expected);
  });
});
