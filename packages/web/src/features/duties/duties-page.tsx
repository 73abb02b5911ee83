import { CalendarOutlined, ThunderboltOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { DUTY_STATES, type DutyState } from '@zongzhi/domain';
import { Button, Card, DatePicker, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { type DutyFilters, type DutyOccurrenceItem, useDuties, useDutyDefinitions } from './duties-api';
import { DutyCalendar } from './duty-calendar';
import { DutyDrawer } from './duty-drawer';
import { DutyStateTag } from './duty-state-tag';
import { GenerateDutiesDialog } from './generate-duties-dialog';

const isState = (s: string | null): s is DutyState => DUTY_STATES.includes(s as DutyState);

/** The filters live in the address, so a compliance cell or a notification can link to a list. */
export const useDutyFilters = () => {
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const filters: DutyFilters = {
    unitId: params.get('unitId') ? Number(params.get('unitId')) : null,
    dutyId: params.get('dutyId'),
    state: isState(state) ? state : null,
    periodKey: params.get('periodKey'),
    from: params.get('from'),
    to: params.get('to'),
  };
  const update = (next: Record<string, string | number | null>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    if (!keepPage && !('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };
  return { params, filters, update };
};

/** 履职台账: the duties of my jurisdiction, as a list or a calendar of deadlines. */
export const DutiesPage = () => {
  const { t, pick } = useI18n();
  const { session, canWrite } = useAccess();
  const { params, filters, update } = useDutyFilters();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const page = Number(params.get('page') ?? 1);
  const [pageSize, setPageSize] = useState(20);
  const openId = params.get('open') ? Number(params.get('open')) : null;
  const duties = useDuties({ ...filters, page, pageSize }, view === 'list');
  const [generating, setGenerating] = useState(false);
  const scopeUnitId = filters.unitId ?? session?.grants[0]?.unitId ?? null;
  const definitions = useDutyDefinitions(scopeUnitId);

  const columns: TableColumnsType<DutyOccurrenceItem> = [
    {
      title: t('duties.duty'),
      key: 'duty',
      render: (_, d) => (
        <Button
          type="link"
          style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => update({ open: d.id }, true)}
          data-testid={`duty-open-${d.id}`}
        >
          {pick(d.dutyName)}
        </Button>
      ),
    },
    { title: t('common.unit'), dataIndex: 'unitName', responsive: ['sm'] },
    { title: t('duties.period'), dataIndex: 'periodKey', width: 110, responsive: ['md'] },
    { title: t('duties.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('duties.state'),
      key: 'state',
      width: 120,
      render: (_, d) => <DutyStateTag state={d.state} timeStatus={d.timeStatus} />,
    },
    {
      title: t('duties.fulfilledOn'),
      key: 'fulfilledOn',
      width: 110,
      responsive: ['lg'],
      render: (_, d) => d.fulfilledOn ?? '—',
    },
  ];

  const dutyOptions = (definitions.data ?? []).map((d) => ({ value: d.id, label: pick(d.name) }));
  if (filters.dutyId && !dutyOptions.some((o) => o.value === filters.dutyId))
    dutyOptions.push({ value: filters.dutyId, label: filters.dutyId });

  return (
    <Card
      title={t('duties.title')}
      size="small"
      extra={
        <Space wrap size={4}>
          <Segmented
            value={view}
            onChange={(v) => update({ view: v === 'list' ? null : v })}
            options={[
              { value: 'list', icon: <UnorderedListOutlined />, label: t('duties.list') },
              { value: 'calendar', icon: <CalendarOutlined />, label: t('duties.calendar') },
            ]}
            data-testid="duties-view"
          />
          {canWrite('dutyGeneration') && (
            <Button
              icon={<ThunderboltOutlined />}
              onClick={() => setGenerating(true)}
              data-testid="duty-generate-open"
            >
              {t('duties.generate')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={filters.unitId}
          placeholder={t('common.allUnits')}
          onChange={(v) => update({ unitId: v })}
          data-testid="duties-unit"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          placeholder={t('duties.allDuties')}
          value={filters.dutyId ?? undefined}
          options={dutyOptions}
          onChange={(v) => update({ dutyId: v ?? null })}
          data-testid="duties-duty"
        />
        <Select
          allowClear
          style={{ minWidth: 130 }}
          placeholder={t('duties.allStates')}
          value={filters.state ?? undefined}
          options={DUTY_STATES.map((s) => ({ value: s, label: t(`duties.state.${s}`) }))}
          onChange={(v) => update({ state: v ?? null })}
          data-testid="duties-state"
        />
        <Input.Search
          allowClear
          key={filters.periodKey ?? ''}
          defaultValue={filters.periodKey ?? ''}
          placeholder={t('duties.periodPlaceholder')}
          onSearch={(v) => update({ periodKey: v.trim() })}
          style={{ width: 200 }}
          data-testid="duties-period"
        />
        {view === 'list' && (
          <DatePicker.RangePicker
            placeholder={[t('duties.deadline'), t('duties.deadline')]}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            allowEmpty={[true, true]}
            onChange={(r) =>
              update({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })
            }
            data-testid="duties-range"
          />
        )}
      </Space>
      {view === 'list' ? (
        <Table<DutyOccurrenceItem>
          data-testid="duties-table"
          size="small"
          rowKey="id"
          loading={duties.isFetching}
          columns={columns}
          dataSource={duties.data?.items ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('duties.empty')}</Typography.Text> }}
          pagination={{
            current: page,
            pageSize,
            total: duties.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPageSize(size);
              update({ page: p > 1 ? p : null });
            },
          }}
        />
      ) : (
        <DutyCalendar
          filters={filters}
          onOpen={(id) => update({ open: id }, true)}
          onShowDay={(day) => update({ view: null, from: day, to: day })}
        />
      )}
      <DutyDrawer id={openId} onClose={() => update({ open: null }, true)} />
      {generating && <GenerateDutiesDialog onClose={() => setGenerating(false)} />}
    </Card>
  );
};
