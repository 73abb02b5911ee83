import { DownloadOutlined } from '@ant-design/icons';
import { RECTIFICATION_STATUSES } from '@zongzhi/domain';
import { Alert, Button, Card, DatePicker, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { CountdownTag, StatusTag } from './countdown-tag';
import {
  type RectificationStatus,
  type RectificationTask,
  findingsExportUrl,
  useRectificationSummary,
  useRectifications,
} from './inspections-api';

const isStatus = (s: string | null): s is RectificationStatus =>
  RECTIFICATION_STATUSES.includes(s as RectificationStatus);

/** Counts per child unit: overdue visible up the tree. */
const SummaryTable = ({ unitId, asOf }: { unitId: number | null; asOf: string | null }) => {
  const { t } = useI18n();
  const summary = useRectificationSummary(unitId, asOf);
  const rows = summary.data?.children.filter((c) => c.total > 0 || !c.self) ?? [];
  return (
    <Table
      size="small"
      rowKey="unitId"
      loading={summary.isLoading}
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      data-testid="rectification-summary"
      title={() => (
        <Typography.Text strong>
          {t('inspections.summaryTitle')}
          {summary.data ? `：${summary.data.unitName}` : ''}
        </Typography.Text>
      )}
      columns={[
        {
          title: t('common.unit'),
          key: 'unit',
          render: (_, c) => `${c.unitName}${c.self ? t('inspections.self') : ''}`,
        },
        { title: t('inspections.total'), dataIndex: 'total', width: 70 },
        { title: t('inspections.openCount'), dataIndex: 'open', width: 80 },
        {
          title: t('inspections.overdueCount'),
          key: 'overdue',
          width: 70,
          render: (_, c) => (c.overdue > 0 ? <Tag color="red">{c.overdue}</Tag> : 0),
        },
        { title: t('inspections.submittedCount'), dataIndex: 'submitted', width: 80, responsive: ['sm'] },
        {
          title: t('inspections.acceptedOnTime'),
          dataIndex: 'acceptedOnTime',
          width: 90,
          responsive: ['md'],
        },
        { title: t('inspections.acceptedLate'), dataIndex: 'acceptedLate', width: 90, responsive: ['md'] },
      ]}
    />
  );
};

/** 整改跟踪: every rectification of my jurisdiction with its countdown, overdue first. Phone-friendly. */
export const RectificationsPage = () => {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : null;
  const asOf = params.get('asOf');
  const page = Number(params.get('page') ?? 1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRectifications({ unitId, status: isStatus(status) ? status : null, asOf, page, pageSize });

  const update = (next: Record<string, string | number | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    if (!('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<RectificationTask> = [
    {
      title: t('inspections.description'),
      key: 'description',
      render: (_, r) => (
        <Link to={`/rectifications/${r.id}`} data-testid={`rectification-open-${r.id}`}>
          {r.description}
        </Link>
      ),
    },
    { title: t('inspections.owner'), dataIndex: 'ownerUnitName', width: 120 },
    {
      title: t('inspections.severity'),
      key: 'severity',
      width: 80,
      responsive: ['md'],
      render: (_, r) => t(`inspections.severity.${r.severity}`),
    },
    { title: t('inspections.responsible'), dataIndex: 'responsibleName', width: 90, responsive: ['lg'] },
    { title: t('inspections.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('inspections.status'),
      key: 'status',
      width: 180,
      render: (_, r) => (
        <Space size={4} wrap>
          <StatusTag task={r} />
          <CountdownTag task={r} />
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={t('inspections.trackerTitle')}
        extra={
          unitId !== null && (
            <Button
              icon={<DownloadOutlined />}
              href={findingsExportUrl(unitId)}
              data-testid="findings-export"
            >
              {t('inspections.exportFindings')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <UnitPicker
            value={unitId}
            placeholder={t('common.allUnits')}
            onChange={(v) => update({ unitId: v })}
            data-testid="rectifications-unit"
          />
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('inspections.allStatuses')}
            value={isStatus(status) ? status : undefined}
            options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`inspections.status.${s}`) }))}
            onChange={(v) => update({ status: v ?? null })}
            data-testid="rectifications-status"
          />
          <DatePicker
            placeholder={t('inspections.asOf')}
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => update({ asOf: d?.format('YYYY-MM-DD') ?? null })}
            data-testid="rectifications-asof"
          />
        </Space>
        {list.error ? (
          <Alert type="error" showIcon title={t('common.networkError')} />
        ) : screens.md ? (
          <Table
            size="small"
            rowKey="id"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items ?? []}
            data-testid="rectifications-table"
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              onChange: (p, s) => {
                setPageSize(s);
                update({ page: p });
              },
            }}
          />
        ) : (
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            rowKey="id"
            data-testid="rectifications-list"
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              size: 'small',
              onChange: (p) => update({ page: p }),
            }}
            renderItem={(r) => (
              <List.Item>
                <Link
                  to={`/rectifications/${r.id}`}
                  style={{ width: '100%' }}
                  data-testid={`rectification-open-${r.id}`}
                >
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Typography.Text strong>{r.description}</Typography.Text>
                    <Typography.Text type="secondary">
                      {r.ownerUnitName} · {t('inspections.deadline')} {r.deadline}
                    </Typography.Text>
                    <Space size={4} wrap>
                      <StatusTag task={r} />
                      <CountdownTag task={r} />
                    </Space>
                  </Space>
                </Link>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small">
        <SummaryTable unitId={unitId} asOf={asOf} />
      </Card>
    </Space>
  );
};
