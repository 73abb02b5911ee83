import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n/i18n';
import type { RectificationTask } from './inspections-api';

/** Green while time is left, yellow when due soon, red when overdue (the rulebook's due-soon days). */
const COLOURS = { green: 'green', yellow: 'gold', red: 'red', none: 'default' } as const;

export const StatusTag = ({ task }: { task: Pick<RectificationTask, 'status' | 'colour'> }) => {
  const { t } = useI18n();
  return (
    <Tag color={COLOURS[task.colour]} data-testid={`rectification-status-${task.status}`}>
      {t(`inspections.status.${task.status}`)}
    </Tag>
  );
};

/** Days left (or overdue) as a coloured tag; nothing for submitted or finished tasks. */
export const CountdownTag = ({ task }: { task: Pick<RectificationTask, 'daysLeft' | 'colour'> }) => {
  const { t } = useI18n();
  if (task.colour === 'none') return null;
  const text =
    task.daysLeft < 0
      ? t('inspections.daysOverdue', { n: -task.daysLeft })
      : task.daysLeft === 0
        ? t('inspections.dueToday')
        : t('inspections.daysLeft', { n: task.daysLeft });
  return (
    <Tag color={COLOURS[task.colour]} data-testid="rectification-countdown">
      {text}
    </Tag>
  );
};
