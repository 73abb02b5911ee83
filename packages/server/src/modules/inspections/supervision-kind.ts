import type { InspectionKindId, Supervision } from '@zongzhi/domain';
import { field, invalid } from '../../platform/errors';

/** The rulebook's entry for a kind; a kind the inspecting unit's rulebook lacks is a wrong `body.kind`. */
export const findKindRule = (supervision: Supervision, kind: InspectionKindId) => {
  const rule = supervision.kinds.find((k) => k.id === kind);
  if (!rule)
    throw invalid([
      field(
        'body.kind',
        '检查单位的制度中没有这种检查方式',
        'the inspecting unit’s rulebook has no such kind of inspection',
      ),
    ]);
  return rule;
};
