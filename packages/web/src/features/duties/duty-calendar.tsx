import { Badge, Button, Calendar, Grid, List, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { type DutyFilters, type DutyOccurrenceItem, useDuties } from './duties-api';
import { DutyStateTag } from './duty-state-tag';

const BADGE: Record<DutyOccurrenceItem['timeStatus'], 'success' | 'warning' | 'error'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

/** How many a day's cell names before "N more". */
const CELL_LINES = 3;

/** The month's deadlines per day; a day picked lists its duties below the calendar. */
export const DutyCalendar = ({
  filters,
  onOpen,
  onShowDay,
}: {
  filters: DutyFilters;
  onOpen: (id: number) => void;
  onShowDay: (day: string) => void;
}) => {
  const { t, pick } = useI18n();
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const [month, setMonth] = useState(() => dayjs(filters.from ?? undefined).startOf('month'));
  const [selected, setSelected] = useState<Dayjs>(() => dayjs());
  // A month of deadlines across a county can pass one page: the cells say how many there are.
  const duties = useDuties({
    ...filters,
    from: month.startOf('month').format('YYYY-MM-DD'),
    to: month.endOf('month').format('YYYY-MM-DD'),
    page: 1,
    pageSize: 500,
  });
  const byDay = new Map<string, DutyOccurrenceItem[]>();
  for (const d of duties.data?.items ?? []) byDay.set(d.deadline, [...(byDay.get(d.deadline) ?? []), d]);

  /** A day's duties grouped by duty and status: "党委专题会议 ×12". */
  const groups = (items: DutyOccurrenceItem[]) => {
    const g = new Map<string, { label: string; status: DutyOccurrenceItem['timeStatus']; count: number }>();
    for (const d of items) {
      const key = `${d.dutyId}:${d.timeStatus}`;
      const e = g.get(key) ?? { label: pick(d.dutyName), status: d.timeStatus, count: 0 };
      e.count += 1;
      g.set(key, e);
    }
    return [...g.values()];
  };

  const dayItems = byDay.get(selected.format('YYYY-MM-DD')) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="duties-calendar">
      <Calendar
        fullscreen={!mobile}
        value={selected}
        onPanelChange={(d) => setMonth(d.startOf('month'))}
        onSelect={(d) => {
          setSelected(d);
          if (!d.isSame(month, 'month')) setMonth(d.startOf('month'));
        }}
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
          if (items.length === 0) return null;
          if (mobile) {
            const worst = items.some((d) => d.timeStatus === 'red')
              ? 'red'
              : items.some((d) => d.timeStatus === 'yellow')
                ? 'yellow'
                : 'green';
            return <Badge status={BADGE[worst]} />;
          }
          const gs = groups(items);
          return (
            <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
              {gs.slice(0, CELL_LINES).map((g) => (
                <li
                  key={`${g.label}-${g.status}`}
                  style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                >
                  <Badge
                    status={BADGE[g.status]}
                    text={
                      <span style={{ fontSize: 12 }}>{g.count > 1 ? `${g.label} ×${g.count}` : g.label}</span>
                    }
                  />
                </li>
              ))}
              {gs.length > CELL_LINES && (
                <li style={{ fontSize: 12, color: '#888' }}>
                  {t('duties.more', { count: gs.length - CELL_LINES })}
                </li>
              )}
            </ul>
          );
        }}
      />
      <List
        size="small"
        bordered
        loading={duties.isFetching}
        header={
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text strong>
              {t('duties.dayDuties', { date: selected.format('YYYY-MM-DD') })}
            </Typography.Text>
            {dayItems.length > 0 && (
              <Button size="small" type="link" onClick={() => onShowDay(selected.format('YYYY-MM-DD'))}>
                {t('duties.showInList')}
              </Button>
            )}
          </Space>
        }
        dataSource={dayItems.slice(0, 50)}
        locale={{ emptyText: t('common.none') }}
        renderItem={(d) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(d.id)}
            extra={<DutyStateTag state={d.state} timeStatus={d.timeStatus} />}
          >
            <List.Item.Meta title={pick(d.dutyName)} description={`${d.unitName} · ${d.periodKey}`} />
          </List.Item>
        )}
      />
    </Space>
  );
};
