import type { Bilingual } from '../units/unit-kinds';

/**
 * Responsibility roles of a unit (000 arts. 6–8; 003 铁山 adds the third level, 具体责任人).
 * Order matters: it is the order in which the roles are listed everywhere.
 */
export const RESPONSIBILITY_ROLES = ['principal', 'in_charge', 'member', 'specific'] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

export const RESPONSIBILITY_ROLE_LABELS: Record<ResponsibilityRole, Bilingual> = {
  principal: { zh: '第一责任人', en: 'Principal (first responsible)' },
  in_charge: { zh: '直接责任人', en: 'Leader in charge (directly responsible)' },
  member: { zh: '其他责任人', en: 'Team member (responsible for own portfolio)' },
  specific: { zh: '具体责任人', en: 'Specific (cadre on the ground)' },
};

/**
 * The post a person holds in a unit decides their responsibility role: 党政同责 makes both the
 * party secretary and the administrative head principals; 一岗双责 makes every other team member
 * responsible for their own portfolio. Data, not code: a jurisdiction adding a post kind adds a row.
 */
export const POST_KIND_TABLE = [
  { kind: 'party_secretary', role: 'principal', label: { zh: '党委（党组）书记', en: 'Party secretary' } },
  {
    kind: 'chief',
    role: 'principal',
    label: { zh: '行政主职（镇长/主任/局长）', en: 'Administrative head' },
  },
  { kind: 'deputy_in_charge', role: 'in_charge', label: { zh: '分管负责人', en: 'Deputy in charge' } },
  { kind: 'member', role: 'member', label: { zh: '班子成员', en: 'Leadership team member' } },
  { kind: 'village_cadre', role: 'specific', label: { zh: '村（社区）干部', en: 'Village/community cadre' } },
  { kind: 'grid_worker', role: 'specific', label: { zh: '网格员', en: 'Grid worker' } },
  { kind: 'liaison_cadre', role: 'specific', label: { zh: '包村干部', en: 'Village liaison cadre' } },
] as const satisfies readonly { kind: string; role: ResponsibilityRole; label: Bilingual }[];

export type PostKind = (typeof POST_KIND_TABLE)[number]['kind'];

export const POST_KINDS = POST_KIND_TABLE.map((r) => r.kind) as [PostKind, ...PostKind[]];

const ROLE_BY_KIND = new Map<string, ResponsibilityRole>(POST_KIND_TABLE.map((r) => [r.kind, r.role]));

export const POST_KIND_LABELS = Object.fromEntries(POST_KIND_TABLE.map((r) => [r.kind, r.label])) as Record<
  PostKind,
  Bilingual
>;

export const isPostKind = (kind: string): kind is PostKind => ROLE_BY_KIND.has(kind);

/** The responsibility role a post kind carries; throws on a kind outside the table. */
export const getRoleOfPostKind = (kind: PostKind): ResponsibilityRole => {
  const role = ROLE_BY_KIND.get(kind);
  if (!role) throw new Error(`unknown post kind ${kind}`);
  return role;
};

/** The post kinds that carry any of these roles (used to narrow a query to the posts that matter). */
export const calculatePostKindsForRoles = (roles: readonly ResponsibilityRole[]): PostKind[] =>
  POST_KIND_TABLE.filter((r) => roles.includes(r.role)).map((r) => r.kind);
