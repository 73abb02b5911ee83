import type { Bilingual } from '../units/unit-kinds';

/**
 * Kinds of major case or incident a unit reports (000 art. 16: 案事件、事故; 000 art. 26 and
 * Zhejiang: 重大刑事案件、群体性事件、公共安全事故; 001 target: 治安灾害事故).
 */
export const INCIDENT_KIND_TABLE = [
  { kind: 'major_criminal_case', label: { zh: '重大刑事案件', en: 'Major criminal case' } },
  { kind: 'mass_incident', label: { zh: '群体性事件', en: 'Mass incident' } },
  { kind: 'public_safety_accident', label: { zh: '公共安全事故', en: 'Public-safety accident' } },
  { kind: 'security_disaster', label: { zh: '治安灾害事故', en: 'Public-order disaster accident' } },
  { kind: 'other_major_incident', label: { zh: '其他重大案事件', en: 'Other major case or incident' } },
] as const satisfies readonly { kind: string; label: Bilingual }[];

export type IncidentKind = (typeof INCIDENT_KIND_TABLE)[number]['kind'];
export const INCIDENT_KINDS = INCIDENT_KIND_TABLE.map((r) => r.kind) as [IncidentKind, ...IncidentKind[]];
export const INCIDENT_KIND_LABELS = Object.fromEntries(
  INCIDENT_KIND_TABLE.map((r) => [r.kind, r.label]),
) as Record<IncidentKind, Bilingual>;
