import type { BarReason } from '@zongzhi/contracts';
import type { StoredBar } from './eligibility.repository';

/** A stored bar as the API shows it: the case, the step, the rule and article, and its dates. */
export const toBarReason = (b: StoredBar): BarReason => ({
  id: b.id,
  partyKind: b.partyKind,
  partyId: b.partyId,
  caseId: b.caseId,
  stepId: b.stepId,
  step: b.step as BarReason['step'],
  caseUnitId: b.caseUnitId,
  caseUnitName: b.caseUnitName,
  decidedOn: b.decidedOn,
  relevantOn: b.relevantOn,
  roles: b.roles,
  bar: b.bar,
  from: b.from,
  to: b.to,
  rule: {
    rulebookId: b.rulebookId,
    rulebookVersion: b.rulebookVersion,
    windowId: b.windowId,
    citation: b.citation,
    months: b.months,
    until: b.until,
  },
});
