import { EyeInvisibleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateIncidentRequest } from '@zongzhi/contracts';
import { INCIDENT_KINDS, INCIDENT_KIND_LABELS, REPORT_TIMELINESS } from '@zongzhi/domain';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import {
  type Incident,
  type IncidentFilters,
  type IncidentKind,
  type ReportTimeliness,
  recordIncident,
  useIncident,
  useIncidents,
  useInvalidateIncidents,
} from './incidents-api';

/** Ant Design colours of the timeliness tags: on time green, late orange, unreported red. */
const TIMELINESS_COLORS: Record<ReportTimeliness, string> = {
  on_time: 'green',
  late: 'orange',
  unreported: 'red',
  unassessed: 'default',
};

export const TimelinessTag = ({ timeliness }: { timeliness: ReportTimeliness }) => {
  const { t } = useI18n();
  return (
    <Tag color={TIMELINESS_COLORS[timeliness]} data-testid={`incident-timeliness-${timeliness}`}>
      {t(`incidents.timeliness.${timeliness}`)}
    </Tag>
  );
};

const isKind = (s: string | null): s is IncidentKind => INCIDENT_KINDS.includes(s as IncidentKind);
const isTimeliness = (s: string | null): s is ReportTimeliness =>
  REPORT_TIMELINESS.includes(s as ReportTimeliness);

const formatInstant = (s: string | null) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm') : '—');

/** 案事件登记: the incidents of my jurisdiction, with how each was reported against its limit. */
export const IncidentsPage = () => {
  const { t, pick } = useI18n();
  const { canWrite } = useAccess();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const timeliness = params.get('timeliness');
  const filters: IncidentFilters = {
    unitId: params.get('unitId') ? Number(params.get('unitId')) : null,
    kind: isKind(kind) ? kind : null,
    from: params.get('from'),
    to: params.get('to'),
    timeliness: isTimeliness(timeliness) ? timeliness : null,
  };
  const page = Number(params.get('page') ?? 1);
  const [pageSize, setPageSize] = useState(20);
  const openId = params.get('open') ? Number(params.get('open')) : null;
  const [recording, setRecording] = useState<'reported' | 'discovered' | null>(null);
  const incidents = useIncidents({ ...filters, page, pageSize });

  const update = (next: Record<string, string | number | null>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    if (!keepPage && !('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<Incident> = [
    {
      title: t('incidents.occurredAt'),
      key: 'occurredAt',
      width: 140,
      render: (_, i) => (
        <Button
          type="link"
          style={{ paddingInline: 0, height: 'auto' }}
          onClick={() => update({ open: i.id }, true)}
          data-testid={`incident-open-${i.id}`}
        >
          {formatInstant(i.occurredAt)}
        </Button>
      ),
    },
    { title: t('common.unit'), dataIndex: 'unitName', responsive: ['sm'] },
    {
      title: t('incidents.kind'),
      key: 'kind',
      render: (_, i) => pick(INCIDENT_KIND_LABELS[i.kind]),
    },
    { title: t('incidents.place'), dataIndex: 'place', responsive: ['lg'], ellipsis: true },
    {
      title: t('incidents.casualties'),
      key: 'casualties',
      width: 110,
      responsive: ['md'],
      render: (_, i) => t('incidents.casualtiesValue', { deaths: i.deaths, injuries: i.injuries }),
    },
    {
      title: t('incidents.timeliness'),
      key: 'timeliness',
      width: 100,
      render: (_, i) => <TimelinessTag timeliness={i.timeliness} />,
    },
  ];

  return (
    <Card
      title={t('incidents.title')}
      size="small"
      extra={
        <Space wrap size={4}>
          {canWrite('incidents') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording('reported')}
              data-testid="incident-report-open"
            >
              {t('incidents.report')}
            </Button>
          )}
          {canWrite('incidentDiscovery') && (
            <Button
              danger
              icon={<EyeInvisibleOutlined />}
              onClick={() => setRecording('discovered')}
              data-testid="incident-discover-open"
            >
              {t('incidents.discover')}
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
          data-testid="incidents-unit"
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('incidents.allKinds')}
          value={filters.kind ?? undefined}
          options={INCIDENT_KINDS.map((k) => ({ value: k, label: pick(INCIDENT_KIND_LABELS[k]) }))}
          onChange={(v) => update({ kind: v ?? null })}
          data-testid="incidents-kind"
        />
        <Select
          allowClear
          style={{ minWidth: 130 }}
          placeholder={t('incidents.allTimeliness')}
          value={filters.timeliness ?? undefined}
          options={REPORT_TIMELINESS.map((s) => ({
            value: s,
            label: <Tag color={TIMELINESS_COLORS[s]}>{t(`incidents.timeliness.${s}`)}</Tag>,
          }))}
          onChange={(v) => update({ timeliness: v ?? null })}
          data-testid="incidents-timeliness"
        />
        <DatePicker.RangePicker
          placeholder={[t('incidents.occurredFrom'), t('incidents.occurredTo')]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          allowEmpty={[true, true]}
          onChange={(r) =>
            update({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })
          }
          data-testid="incidents-range"
        />
      </Space>
      {incidents.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table<Incident>
          data-testid="incidents-table"
          size="small"
          rowKey="id"
          loading={incidents.isFetching}
          columns={columns}
          dataSource={incidents.data?.items ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('incidents.empty')}</Typography.Text> }}
          pagination={{
            current: page,
            pageSize,
            total: incidents.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPageSize(size);
              update({ page: p > 1 ? p : null });
            },
          }}
        />
      )}
      <IncidentDrawer id={openId} onClose={() => update({ open: null }, true)} />
      {recording && (
        <IncidentForm
          source={recording}
          unitId={filters.unitId}
          onClose={() => setRecording(null)}
          onRecorded={(i) => update({ open: i.id }, true)}
        />
      )}
    </Card>
  );
};

const IncidentDrawer = ({ id, onClose }: { id: number | null; onClose: () => void }) => {
  const { t, pick } = useI18n();
  const incident = useIncident(id);
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const i = incident.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 600}
      title={i ? pick(INCIDENT_KIND_LABELS[i.kind]) : t('incidents.detail')}
      destroyOnHidden
      data-testid="incident-drawer"
    >
      {incident.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {incident.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      {i && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {i.source === 'discovered' && (
            <Alert
              type="error"
              showIcon
              title={t('incidents.discoveredAlert', { from: i.discoveredFrom ?? '—' })}
            />
          )}
          <Descriptions
            size="small"
            column={1}
            bordered
            data-testid="incident-detail"
            items={[
              {
                key: 'timeliness',
                label: t('incidents.timeliness'),
                children: (
                  <Space wrap>
                    <TimelinessTag timeliness={i.timeliness} />
                    <Typography.Text type="secondary">{t(`incidents.basis.${i.basis}`)}</Typography.Text>
                  </Space>
                ),
              },
              {
                key: 'unit',
                label: t('common.unit'),
                children: <Link to={`/units/${i.unitId}`}>{i.unitName}</Link>,
              },
              { key: 'kind', label: t('incidents.kind'), children: pick(INCIDENT_KIND_LABELS[i.kind]) },
              { key: 'occurredAt', label: t('incidents.occurredAt'), children: formatInstant(i.occurredAt) },
              { key: 'place', label: t('incidents.place'), children: i.place },
              {
                key: 'summary',
                label: t('incidents.summary'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{i.summary}</span>,
              },
              { key: 'deaths', label: t('incidents.deaths'), children: i.deaths },
              { key: 'injuries', label: t('incidents.injuries'), children: i.injuries },
              {
                key: 'losses',
                label: t('incidents.lossesYuan'),
                children: i.lossesYuan === null ? '—' : i.lossesYuan.toLocaleString('zh-CN'),
              },
              {
                key: 'source',
                label: t('incidents.source'),
                children: t(`incidents.source.${i.source}`),
              },
              ...(i.discoveredFrom
                ? [{ key: 'from', label: t('incidents.discoveredFrom'), children: i.discoveredFrom }]
                : []),
              { key: 'reportedAt', label: t('incidents.reportedAt'), children: formatInstant(i.reportedAt) },
              {
                key: 'rulebook',
                label: t('incidents.rulebook'),
                children: i.rulebookId
                  ? `${i.rulebookId} ${t('rulebooks.versionN', { version: i.rulebookVersion ?? 0 })}`
                  : t('incidents.noRulebook'),
              },
              { key: 'limit', label: t('incidents.limit'), children: i.limitId ?? '—' },
              { key: 'deadline', label: t('incidents.deadlineAt'), children: formatInstant(i.deadlineAt) },
              { key: 'recordedBy', label: t('incidents.recordedBy'), children: i.recordedBy },
              { key: 'recordedAt', label: t('incidents.recordedAt'), children: formatInstant(i.recordedAt) },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
};

type IncidentValues = {
  unitId: number;
  kind: IncidentKind;
  occurredAt: Dayjs;
  place: string;
  summary: string;
  deaths: number;
  injuries: number;
  lossesYuan: number | null;
  discoveredFrom?: string;
};

/** 报告案事件 (operator, liaison) or, for the operator, 登记瞒报/漏报 with where it was learned. */
const IncidentForm = ({
  source,
  unitId,
  onClose,
  onRecorded,
}: {
  source: 'reported' | 'discovered';
  unitId: number | null;
  onClose: () => void;
  onRecorded: (incident: Incident) => void;
}) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<IncidentValues>();
  const invalidate = useInvalidateIncidents();
  const testId = source === 'reported' ? 'incident-report-form' : 'incident-discover-form';
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<IncidentValues>
      title={source === 'reported' ? t('incidents.report') : t('incidents.discover')}
      open
      onClose={onClose}
      form={form}
      testId={testId}
      danger={source === 'discovered'}
      width={640}
      initialValues={{ unitId: unitId ?? undefined, occurredAt: dayjs(), deaths: 0, injuries: 0 }}
      onSubmit={async (v) => {
        const facts = {
          unitId: v.unitId,
          kind: v.kind,
          occurredAt: v.occurredAt.format(),
          place: v.place.trim(),
          summary: v.summary.trim(),
          deaths: v.deaths ?? 0,
          injuries: v.injuries ?? 0,
          lossesYuan: v.lossesYuan ?? null,
        };
        const body: CreateIncidentRequest =
          source === 'reported'
            ? { source: 'reported', ...facts }
            : { source: 'discovered', ...facts, discoveredFrom: (v.discoveredFrom ?? '').trim() };
        const recorded = await recordIncident(body);
        await invalidate();
        onRecorded(recorded);
      }}
    >
      {source === 'discovered' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('incidents.discoverHint')} />
      )}
      <Form.Item name="unitId" label={t('common.unit')} rules={required}>
        <UnitPicker style={{ width: '100%' }} data-testid={`${testId}-unitId`} />
      </Form.Item>
      <Form.Item name="kind" label={t('incidents.kind')} rules={required}>
        <Select
          data-testid={`${testId}-kind`}
          options={INCIDENT_KINDS.map((k) => ({
            value: k,
            label: pick(INCIDENT_KIND_LABELS[k]),
            'data-testid': `incident-kind-option-${k}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="occurredAt" label={t('incidents.occurredAt')} rules={required}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid={`${testId}-occurredAt`}
        />
      </Form.Item>
      <Form.Item name="place" label={t('incidents.place')} rules={[{ ...required[0], whitespace: true }]}>
        <Input maxLength={200} data-testid={`${testId}-place`} />
      </Form.Item>
      <Form.Item name="summary" label={t('incidents.summary')} rules={[{ ...required[0], whitespace: true }]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          data-testid={`${testId}-summary`}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="deaths" label={t('incidents.deaths')}>
          <InputNumber min={0} max={100_000} precision={0} data-testid={`${testId}-deaths`} />
        </Form.Item>
        <Form.Item name="injuries" label={t('incidents.injuries')}>
          <InputNumber min={0} max={100_000} precision={0} data-testid={`${testId}-injuries`} />
        </Form.Item>
        <Form.Item name="lossesYuan" label={t('incidents.lossesYuan')}>
          <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid={`${testId}-lossesYuan`} />
        </Form.Item>
      </Space>
      {source === 'discovered' && (
        <Form.Item
          name="discoveredFrom"
          label={t('incidents.discoveredFrom')}
          extra={t('incidents.discoveredFromHint')}
          rules={[{ ...required[0], whitespace: true }]}
        >
          <Input maxLength={500} data-testid={`${testId}-discoveredFrom`} />
        </Form.Item>
      )}
    </FormModal>
  );
};
