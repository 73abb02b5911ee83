import { describe, expect, it } from 'vitest';
import { applyLayer, errorPaths, getIn, setIn } from './rulebook-draft';

const layer = {
  id: 'henan-2016',
  extends: 'national-2016',
  ladder: { steps: [{ id: 'notice', rectification: { amount: 2, unit: 'month' } }] },
};

describe('rulebook draft paths', () => {
  it('reads and writes list entries by id, creating the entry a layer does not have yet', () => {
    const next = setIn(layer, ['ladder', 'steps', { id: 'interview' }, 'rectification', 'amount'], 4);
    expect(getIn(next, ['ladder', 'steps', { id: 'interview' }, 'rectification'])).toEqual({ amount: 4 });
    expect(getIn(next, ['ladder', 'steps', { id: 'notice' }, 'rectification', 'amount'])).toBe(2);
    expect(layer.ladder.steps).toHaveLength(1);
  });

  it('clearing a value drops what it leaves empty, so the layer inherits again', () => {
    const added = setIn(layer, ['ladder', 'steps', { id: 'interview' }, 'rectification', 'amount'], 4);
    const cleared = setIn(
      added,
      ['ladder', 'steps', { id: 'interview' }, 'rectification', 'amount'],
      undefined,
    );
    expect(cleared).toEqual(layer);
  });

  it('names a field as the server does, by index in the draft and by id', () => {
    expect(errorPaths(layer, ['ladder', 'steps', { id: 'notice' }, 'rectification', 'amount'])).toEqual([
      'ladder.steps[0].rectification.amount',
      'ladder.steps[notice].rectification.amount',
    ]);
    expect(errorPaths(layer, ['ladder', 'steps', { id: 'veto' }, 'rectification'])).toEqual([
      'ladder.steps[veto].rectification',
    ]);
  });

  it('applies a layer: merge by id, $remove, a different kind replaces, plain lists replaced', () => {
    const base = {
      duties: [
        { id: 'a', who: ['county'], deadline: { kind: 'fixed_date', month: 1, day: 15 } },
        { id: 'b', who: ['town'] },
      ],
      reminders: { dueSoonDays: 7, source: { doc: 'x', article: '1' } },
    };
    const patch = {
      duties: [
        { id: 'a', who: ['town'], deadline: { kind: 'end_of_period' } },
        { id: 'b', $remove: true },
        { id: 'c', who: ['county'] },
      ],
      reminders: { source: { $remove: true } },
    };
    expect(applyLayer(base, patch)).toEqual({
      duties: [
        { id: 'a', who: ['town'], deadline: { kind: 'end_of_period' } },
        { id: 'c', who: ['county'] },
      ],
      reminders: { dueSoonDays: 7 },
    });
  });
});
