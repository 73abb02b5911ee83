import { describe, expect, it } from 'vitest';
import { consecutiveFailures, type YearGrade } from './consecutive-failures';

const zhejiang = { id: 'veto-after-two-failing-years', years: 2, outcome: 'veto' as const };
const y = (year: number, failing: boolean): YearGrade => ({
  year,
  gradeId: failing ? 'fail' : 'pass',
  failing,
});

describe('consecutiveFailures (Zhejiang: two failing years in a row → veto proposal)', () => {
  it.each<[string, YearGrade[], number[], number[] | null]>([
    ['no results', [], [], null],
    ['one failing year', [y(2025, true)], [2025], null],
    ['two failing years in a row', [y(2024, true), y(2025, true)], [2024, 2025], [2024, 2025]],
    ['in any input order', [y(2025, true), y(2023, false), y(2024, true)], [2024, 2025], [2024, 2025]],
    ['failing, passing, failing', [y(2023, true), y(2024, false), y(2025, true)], [2025], null],
    ['an earlier streak is over', [y(2023, true), y(2024, true), y(2025, false)], [], null],
    ['a year without a result breaks the streak', [y(2023, true), y(2025, true)], [2025], null],
    [
      'a third failing year proposes again for the last two',
      [y(2023, true), y(2024, true), y(2025, true)],
      [2023, 2024, 2025],
      [2024, 2025],
    ],
  ])('%s', (_, results, failingYears, proposalYears) => {
    const result = consecutiveFailures(results, zhejiang);
    expect(result.failingYears).toEqual(failingYears);
    expect(result.proposal?.years ?? null).toEqual(proposalYears);
    if (proposalYears) expect(result.proposal).toMatchObject({ ruleId: zhejiang.id, outcome: 'veto' });
  });

  it('reads the number of years from the rule', () => {
    const threeYears = { ...zhejiang, years: 3 };
    expect(consecutiveFailures([y(2024, true), y(2025, true)], threeYears).proposal).toBeNull();
    expect(
      consecutiveFailures([y(2023, true), y(2024, true), y(2025, true)], threeYears).proposal?.years,
    ).toEqual([2023, 2024, 2025]);
  });

  it('rejects two results for one year', () => {
    expect(() => consecutiveFailures([y(2025, true), y(2025, false)], zhejiang)).toThrow(RangeError);
  });
});
