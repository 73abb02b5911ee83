import { Tag } from 'antd';
import type { DutyState } from '@zongzhi/domain';
import { useI18n } from '../../lib/i18n/i18n';

export type TimeStatus = 'green' | 'yellow' | 'red';

/** Ant Design colours of the time status the API decides (绿/黄/红). */
export const TIME_STATUS_COLORS: Record<TimeStatus, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** A duty's state, coloured by its time status; a waived duty is grey whatever its dates. */
export const DutyStateTag = ({ state, timeStatus }: { state: DutyState; timeStatus: TimeStatus }) => {
  const { t } = useI18n();
  return (
    <Tag
      color={state === 'waived' ? 'default' : TIME_STATUS_COLORS[timeStatus]}
      data-testid={`duty-state-${state}`}
    >
      {t(`duties.state.${state}`)}
    </Tag>
  );
};
