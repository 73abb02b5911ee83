import type { ResponsibilityRole } from '../responsibility/post-kinds';

/** A message in both languages of the product. Chinese first. */
export type Bilingual = { zh: string; en: string };

/** The roles whose absence the coverage report flags. */
export const COVERAGE_ROLES = ['principal', 'in_charge'] as const satisfies readonly ResponsibilityRole[];
export type CoverageRole = (typeof COVERAGE_ROLES)[number];

const LEADERSHIP: readonly CoverageRole[] = COVERAGE_ROLES;
const NONE: readonly CoverageRole[] = [];

/**
 * Kinds of unit. The territorial tree (province → … → grid) and, beside it, departments and
 * their subunits, key units (重点单位) and units of higher governments stationed in the county.
 * `requiredRoles` is what the coverage report (全覆盖, 000 art. 12) demands of a unit of the kind:
 * a grid has no leadership team, its 具体责任人 is the grid worker, so it needs neither role.
 */
export const UNIT_KIND_TABLE = [
  { kind: 'province', label: { zh: '省', en: 'Province' }, requiredRoles: LEADERSHIP },
  { kind: 'city', label: { zh: '市', en: 'City' }, requiredRoles: LEADERSHIP },
  { kind: 'county', label: { zh: '县（区）', en: 'County / district' }, requiredRoles: LEADERSHIP },
  { kind: 'town', label: { zh: '乡镇（街道）', en: 'Town / street' }, requiredRoles: LEADERSHIP },
  { kind: 'village', label: { zh: '村（社区）', en: 'Village / community' }, requiredRoles: LEADERSHIP },
  { kind: 'grid', label: { zh: '网格', en: 'Grid' }, requiredRoles: NONE },
  { kind: 'department', label: { zh: '部门', en: 'Department' }, requiredRoles: LEADERSHIP },
  { kind: 'subunit', label: { zh: '下属单位', en: 'Subordinate unit' }, requiredRoles: LEADERSHIP },
  { kind: 'key_unit', label: { zh: '重点单位', en: 'Key unit' }, requiredRoles: LEADERSHIP },
  { kind: 'stationed', label: { zh: '驻县单位', en: 'Stationed unit' }, requiredRoles: LEADERSHIP },
] as const satisfies readonly {
  kind: string;
  label: Bilingual;
  requiredRoles: readonly CoverageRole[];
}[];

export type UnitKind = (typeof UNIT_KIND_TABLE)[number]['kind'];
export const UNIT_KINDS = UNIT_KIND_TABLE.map((r) => r.kind) as [UnitKind, ...UnitKind[]];
export const UNIT_KIND_LABELS = Object.fromEntries(UNIT_KIND_TABLE.map((r) => [r.kind, r.label])) as Record<
  UnitKind,
  Bilingual
>;

/**
 * Territorial units carry the 12-digit administrative-division code (GB/T 2260 + the statistical
 * town and village extension: 省2 市2 县2 乡3 村3); a grid extends its village's code with a serial
 * of up to 7 digits. Departments and other units keep whatever code the jurisdiction uses.
 */
const TERRITORIAL_CODE = /^\d{12}$/;
const GRID_CODE = /^\d{13,19}$/;

export const checkUnitCode = (kind: UnitKind, code: string): Bilingual | null => {
  if (['province', 'city', 'county', 'town', 'village'].includes(kind) && !TERRITORIAL_CODE.test(code))
    return {
      zh: '行政区划类单位的编码应为 12 位数字（区划代码）',
      en: 'A territorial unit needs a 12-digit administrative-division code',
    };
  if (kind === 'grid' && !GRID_CODE.test(code))
    return {
      zh: '网格编码应为 13 至 19 位数字（村级代码加序号）',
      en: 'A grid code is 13–19 digits (village code + serial)',
    };
  return null;
};

export const REQUIRED_ROLES_BY_UNIT_KIND = Object.fromEntries(
  UNIT_KIND_TABLE.map((r) => [r.kind, r.requiredRoles]),
) as Record<UnitKind, readonly CoverageRole[]>;
