import { describe, expect, it } from 'vitest';
import { diffRulebooks, isEmptyRulebookDiff } from './diff-rulebooks';
import { resolveEffectiveRulebook } from './resolve-effective-rulebook';
import { layer, rootRulebook } from './test/rulebook-factory';

const cite = (article: string) => ({ doc: 'root-doc', article });

describe('diffRulebooks', () => {
  it('finds nothing between a rulebook and itself, or a copy with keys in another order', () => {
    const root = rootRulebook();
    expect(isEmptyRulebookDiff(diffRulebooks({ before: root, after: root }))).toBe(true);
    expect(isEmptyRulebookDiff(diffRulebooks({ before: root, after: { ...root } }))).toBe(true);
    expect(diffRulebooks({ before: { a: { x: 1, y: 2 } }, after: { a: { y: 2, x: 1 } } })).toEqual({
      changed: [],
      added: [],
      removed: [],
    });
  });

  it.each([
    [
      'a changed number, addressed by entry id',
      { ladder: { steps: [{ id: 'interview', rectification: { amount: 2, unit: 'month' } }] } },
      { ladder: { steps: [{ id: 'interview', rectification: { amount: 3, unit: 'month' } }] } },
      { changed: [{ path: 'ladder.steps[interview].rectification.amount', before: 2, after: 3 }] },
    ],
    [
      'an added entry lists each of its leaves',
      { duties: [{ id: 'a', kind: 'meeting' }] },
      {
        duties: [
          { id: 'a', kind: 'meeting' },
          { id: 'b', kind: 'report', who: ['town'] },
        ],
      },
      {
        added: [
          { path: 'duties[b].kind', after: 'report' },
          { path: 'duties[b].who', after: ['town'] },
        ],
      },
    ],
    [
      'a removed optional field',
      { step: { rectification: { amount: 6, unit: 'month' }, name: 'x' } },
      { step: { name: 'x' } },
      {
        removed: [
          { path: 'step.rectification.amount', before: 6 },
          { path: 'step.rectification.unit', before: 'month' },
        ],
      },
    ],
    [
      'a list of plain values is one leaf, compared whole',
      { who: ['town', 'village'] },
      { who: ['town'] },
      { changed: [{ path: 'who', before: ['town', 'village'], after: ['town'] }] },
    ],
    [
      'reordering entries is not a change',
      {
        duties: [
          { id: 'a', n: 1 },
          { id: 'b', n: 2 },
        ],
      },
      {
        duties: [
          { id: 'b', n: 2 },
          { id: 'a', n: 1 },
        ],
      },
      {},
    ],
    [
      'a cadence that changes kind: old fields removed, new ones added',
      { cadence: { kind: 'periodic', every: 1, unit: 'quarter' } },
      { cadence: { kind: 'event', trigger: { zh: '发生时', en: 'when it happens' } } },
      {
        changed: [{ path: 'cadence.kind', before: 'periodic', after: 'event' }],
        added: [
          { path: 'cadence.trigger.zh', after: '发生时' },
          { path: 'cadence.trigger.en', after: 'when it happens' },
        ],
        removed: [
          { path: 'cadence.every', before: 1 },
          { path: 'cadence.unit', before: 'quarter' },
        ],
      },
    ],
    [
      'a removal marker of a layer is shown as such',
      { duties: [{ id: 'a', kind: 'meeting' }] },
      { duties: [{ id: 'a', $remove: true }] },
      {
        added: [{ path: 'duties[a].$remove', after: true }],
        removed: [{ path: 'duties[a].kind', before: 'meeting' }],
      },
    ],
    [
      'nothing before: everything is added',
      undefined,
      { bodies: { office: { name: { zh: '综治办' } } } },
      { added: [{ path: 'bodies.office.name.zh', after: '综治办' }] },
    ],
    [
      'an empty list has no leaves',
      { roles: [] },
      { roles: [{ id: 'principal', name: 'p' }] },
      { added: [{ path: 'roles[principal].name', after: 'p' }] },
    ],
  ])('%s', (_, before, after, expected) => {
    expect(diffRulebooks({ before, after })).toEqual({ changed: [], added: [], removed: [], ...expected });
  });

  it('leaves out ignored keys wherever they are (citations)', () => {
    const before = {
      a: { amount: 2, source: cite('art. 1') },
      b: [{ id: 'x', n: 1, source: cite('art. 2') }],
    };
    const after = {
      a: { amount: 2, source: cite('art. 9') },
      b: [{ id: 'x', n: 1, source: cite('art. 3') }],
    };
    expect(isEmptyRulebookDiff(diffRulebooks({ before, after, ignoreKeys: ['source'] }))).toBe(true);
    expect(diffRulebooks({ before, after }).changed.map((c) => c.path)).toEqual([
      'a.source.article',
      'b[x].source.article',
    ]);
  });

  it('shows what a layer overrides against the values it inherits', () => {
    const root = rootRulebook();
    const county = layer('county', 'root', {
      ladder: {
        steps: [
          { id: 'interview', rectification: { amount: 1, source: { doc: 'county-doc', article: '第5条' } } },
        ],
      },
    });
    const inherited = resolveEffectiveRulebook({ chain: [root] });
    const effective = resolveEffectiveRulebook({ chain: [root, county] });
    if (!inherited.ok || !effective.ok) throw new Error('fixtures must resolve');
    const pick = (r: typeof effective.rulebook) => ({ ladder: r.ladder, duties: r.duties });
    expect(
      diffRulebooks({
        before: pick(inherited.rulebook),
        after: pick(effective.rulebook),
        ignoreKeys: ['source'],
      }),
    ).toEqual({
      changed: [{ path: 'ladder.steps[interview].rectification.amount', before: 2, after: 1 }],
      added: [],
      removed: [],
    });
  });

  it('does not change its inputs', () => {
    const before = rootRulebook();
    const after = rootRulebook({ version: 2 });
    const copy = JSON.parse(JSON.stringify({ before, after }));
    diffRulebooks({ before, after });
    expect({ before, after }).toEqual(copy);
  });
});
