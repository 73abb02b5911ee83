import { describe, expect, it } from 'vitest';
import { advancedIndividualPlaces } from './individual-quota';

describe('先进个人名额 (advanced individuals quota)', () => {
  it.each([
    [30, 10, 'floor', 3],
    [29, 10, 'floor', 2],
    [29, 10, 'ceil', 3],
    [25, 10, 'round', 3],
    [24, 10, 'round', 2],
    [0, 10, 'ceil', 0],
    [7, 0, 'ceil', 0],
    [7, 100, 'floor', 7],
  ] as const)('%i leaders at %i percent, %s → %i places', (leaders, percent, rounding, places) => {
    expect(advancedIndividualPlaces(leaders, { percent, rounding })).toBe(places);
  });
});
