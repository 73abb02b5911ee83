import { describe, expect, it } from 'vitest';
import { type UnitKind, checkUnitCode } from './unit-kinds';

describe('checkUnitCode', () => {
  it.each<[UnitKind, string, boolean]>([
    ['county', '430221000000', true],
    ['town', '430221100000', true],
    ['village', '430221100201', true],
    ['village', '43022110020', false],
    ['village', '4302211002011', false],
    ['town', '43022110000A', false],
    ['grid', '430221100201001', true],
    ['grid', '430221100201', false],
    ['department', 'D001', true],
    ['key_unit', 'ZS-135', true],
  ])('%s %s → %s', (kind, code, ok) => {
    expect(checkUnitCode(kind, code) === null).toBe(ok);
  });
});
