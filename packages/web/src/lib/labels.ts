import { AUDIT_OUTCOME_LABELS, type AuditOutcome } from '@zongzhi/contracts';
import {
  POST_KIND_LABELS,
  RESPONSIBILITY_ROLE_LABELS,
  type ResponsibilityRole,
  UNIT_KIND_LABELS,
} from '@zongzhi/domain';
import { useI18n } from './i18n/i18n';

// Labels of the domain's own words come from the domain tables, so the web and the API never
// disagree on what 第一责任人 or 网格 is called.
export const useDomainLabels = () => {
  const { lang } = useI18n();
  return {
    unitKind: (kind: string) =>
      (UNIT_KIND_LABELS as Record<string, { zh: string; en: string }>)[kind]?.[lang] ?? kind,
    postKind: (kind: string) =>
      (POST_KIND_LABELS as Record<string, { zh: string; en: string }>)[kind]?.[lang] ?? kind,
    responsibilityRole: (role: ResponsibilityRole) => RESPONSIBILITY_ROLE_LABELS[role][lang],
    auditOutcome: (o: AuditOutcome) => AUDIT_OUTCOME_LABELS[o][lang],
  };
};
