import type { Inspection, InspectionPlan } from '@zongzhi/contracts';
import type { InspectionRow, PlanRow } from './inspections.repository';

export const presentPlan = ({ inspectingUnitPath: _, targets, ...plan }: PlanRow): InspectionPlan => ({
  ...plan,
  targets: targets.map(({ unitPath: __, ...t }) => t),
});

export const presentInspection = ({
  inspectingUnitPath: _,
  unitPath: __,
  ...inspection
}: InspectionRow): Inspection => inspection;
