import { describe, expect, it } from 'vitest';
import { gradeFor, vetoGradeOf } from './grade-for';
import { GRADES } from './test/assessment-factory';

describe('gradeFor', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'pass'],
    [60, 'pass'],
    [59.99, 'fail'],
    [0, 'fail'],
  ])('%d → %s (a score equal to a minimum earns the grade)', (score, id) => {
    expect(gradeFor(score, GRADES)?.id).toBe(id);
  });

  it('does not depend on the order the grades are listed in', () => {
    expect(gradeFor(75, [...GRADES].reverse())?.id).toBe('pass');
  });

  it('is null without grades', () => {
    expect(gradeFor(75, [])).toBeNull();
  });
});

describe('vetoGradeOf', () => {
  it.each([
    ['the lowest failing grade', GRADES, 'fail'],
    [
      'the lowest failing grade of two',
      [...GRADES, { id: 'bad', name: { zh: '较差', en: 'Poor' }, minScore: 40, failing: true }],
      'fail',
    ],
    ['the lowest grade when none is failing', GRADES.map((g) => ({ ...g, failing: false })), 'fail'],
  ])('%s', (_, grades, id) => {
    expect(vetoGradeOf(grades)?.id).toBe(id);
  });
});
