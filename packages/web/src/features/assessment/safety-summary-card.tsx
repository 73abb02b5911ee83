import { DownloadOutlined } from '@ant-design/icons';
import {
  SAFETY_REPORT_ENTERED_FIELDS,
  SAFETY_REPORT_FIGURES,
  SAFETY_REPORT_FIGURE_KEYS,
  SAFETY_REPORT_SUMMED_FIELD_KEYS,
  type SafetyReportSummaryCells,
  type SafetyReportSummaryMonth,
} from '@zongzhi/contracts';
import { Alert, Button, Card, Col, Empty, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import {
  type SafetyReportSummary,
  safetyReportSummaryXlsxUrl,
  useSafetyReportSummary,
} from '../safety-reports/safety-reports-api';
import { EChart, type EChartOption, scoreColour } from './echart';

type Child = SafetyReportSummary['children'][number];
type TotalsKey = keyof SafetyReportSummaryCells['totals'];

const STATE_COLOUR = { not_started: 'default', open: 'blue', closed: 'default' } as const;
const SUMMED: { key: TotalsKey; label: { zh: string; en: string } }[] = [
  ...SAFETY_REPORT_FIGURE_KEYS.map((key) => ({ key, label: SAFETY_REPORT_FIGURES[key].label })),
  ...SAFETY_REPORT_SUMMED_FIELD_KEYS.map((key) => ({ key, label: SAFETY_REPORT_ENTERED_FIELDS[key].label })),
];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/**
 * 平安报表汇总 of the period's root unit (issue 6 §5): each month's filing (due, on time, late, not
 * filed) and the filed reports' figures summed, a line of the filing rate, and a drill-down to a
 * town or department below. Figures come from the filed reports; nothing is entered here.
 */
export const SafetySummaryCard = ({ rootUnitId, periodKey }: { rootUnitId: number; periodKey: string }) => {
  const { t, pick } = useI18n();
  const summary = useSafetyReportSummary(periodKey, rootUnitId);
  const [childId, setChildId] = useState<number | null>(null);
  const d = summary.data;
  const child: Child | undefined = d?.children.find((c) => c.unitId === childId);
  const shown = child
    ? { unitId: child.unitId, unitName: child.unitName, months: child.months, total: child.total }
    : d
      ? { unitId: d.unit.id, unitName: d.unit.name, months: d.months, total: d.total }
      : undefined;

  const rateOption = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
      grid: { left: 48, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: (shown?.months ?? []).map((m) => m.month) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('assessment.safety.rate'),
          connectNulls: false,
          data: (shown?.months ?? []).map((m) =>
            m.filingRate === null ? null : Math.round(m.filingRate * 1000) / 10,
          ),
        },
      ],
    }),
    [shown?.months, t],
  );

  const unitOption = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
      grid: { left: 48, right: 16, top: 16, bottom: 50 },
      xAxis: {
        type: 'category',
        data: (d?.children ?? []).map((c) => c.unitName),
        axisLabel: { rotate: 20 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          data: (d?.children ?? []).map((c) => {
            const v = c.total.filingRate === null ? null : Math.round(c.total.filingRate * 1000) / 10;
            return {
              value: v,
              unitId: c.unitId,
              itemStyle: {
                color: c.unitId === childId ? '#1677ff' : scoreColour(v),
              },
            };
          }),
        },
      ],
    }),
    [d?.children, childId],
  );

  const cellColumns = <T,>(cells: (r: T) => SafetyReportSummaryCells): TableColumnsType<T> => {
    const col = (key: string, title: string, value: (c: SafetyReportSummaryCells) => ReactNode) => ({
      title,
      key,
      align: 'right' as const,
      render: (_: unknown, r: T) => value(cells(r)),
    });
    return [
      col('expected', t('assessment.safety.expected'), (c) => c.expected),
      col('filed', t('assessment.safety.filed'), (c) => c.filed),
      col('onTime', t('assessment.safety.onTime'), (c) => c.filedOnTime),
      col('late', t('assessment.safety.late'), (c) =>
        c.filedLate ? <Typography.Text type="warning">{c.filedLate}</Typography.Text> : 0,
      ),
      col('pending', t('assessment.safety.pending'), (c) => c.pending),
      col('missed', t('assessment.safety.missed'), (c) =>
        c.missed ? <Typography.Text type="danger">{c.missed}</Typography.Text> : 0,
      ),
      col('rate', t('assessment.safety.rate'), (c) => percent(c.filingRate)),
      ...SUMMED.map((s) => col(s.key, pick(s.label), (c) => c.totals[s.key])),
    ];
  };

  if (summary.isLoading)
    return (
      <Card size="small" title={t('assessment.safety.title')}>
        <Spin />
      </Card>
    );
  if (summary.error || !d || !shown)
    return (
      <Card size="small" title={t('assessment.safety.title')} data-testid="safety-summary-card">
        <Alert type="error" showIcon message={t('assessment.safety.loadFailed')} />
      </Card>
    );

  type MonthRow = SafetyReportSummaryMonth | (SafetyReportSummaryCells & { month: null });
  const monthColumns: TableColumnsType<MonthRow> = [
    {
      title: t('assessment.safety.month'),
      key: 'month',
      fixed: 'left',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, r) =>
        r.month === null ? (
          <b>{t('assessment.safety.total')}</b>
        ) : (
          <Link
            to={`/safety-reports?month=${r.month}&unitId=${shown.unitId}`}
            title={t('assessment.safety.openMonth')}
            data-testid={`safety-summary-month-${r.month}`}
          >
            {r.month}
          </Link>
        ),
    },
    {
      title: t('assessment.safety.state'),
      key: 'state',
      render: (_, r) =>
        'state' in r ? (
          <Tag color={STATE_COLOUR[r.state]}>{t(`assessment.safety.state.${r.state}`)}</Tag>
        ) : (
          ''
        ),
    },
    {
      title: t('assessment.safety.closesOn'),
      key: 'closesOn',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, r) => ('closesOn' in r ? (r.closesOn ?? '—') : ''),
    },
    ...cellColumns<MonthRow>((r) => r),
  ];

  const childColumns: TableColumnsType<Child> = [
    {
      title: t('common.unit'),
      key: 'unit',
      fixed: 'left',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setChildId(c.unitId)}
          data-testid={`safety-summary-child-${c.unitId}`}
        >
          {c.unitName}
        </Button>
      ),
    },
    ...cellColumns<Child>((c) => c.total),
  ];

  const monthRows: MonthRow[] = [...shown.months, { ...shown.total, month: null }];

  return (
    <Card
      size="small"
      title={t('assessment.safety.title')}
      data-testid="safety-summary-card"
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={safetyReportSummaryXlsxUrl(d.period, d.unit.id)}
          data-testid="safety-summary-export"
        >
          {t('assessment.safety.export')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text type="secondary">
            {t('assessment.safety.scope', { unit: d.unit.name, from: d.firstDay, to: d.lastDay })}
          </Typography.Text>
          {child && (
            <>
              <Tag color="blue" data-testid="safety-summary-viewing">
                {t('assessment.safety.viewing', { unit: child.unitName })}
              </Tag>
              <Button size="small" onClick={() => setChildId(null)} data-testid="safety-summary-back">
                {t('assessment.safety.backToAll')}
              </Button>
            </>
          )}
        </Space>
        {d.total.expected === 0 ? (
          <Empty description={t('assessment.safety.noFilers')} />
        ) : (
          <>
            <Table<MonthRow>
              rowKey={(r) => r.month ?? 'total'}
              size="small"
              bordered
              columns={monthColumns}
              dataSource={monthRows}
              pagination={false}
              scroll={{ x: true }}
              data-testid="safety-summary-months"
              onRow={(r) => ({ 'data-testid': `safety-summary-row-${r.month ?? 'total'}` }) as object}
            />
            <Row gutter={16}>
              <Col xs={24} lg={d.children.length ? 12 : 24}>
                <Typography.Text strong>
                  {t('assessment.safety.rateChart')} · {shown.unitName}
                </Typography.Text>
                <EChart option={rateOption} height={240} testId="safety-summary-rate-chart" />
              </Col>
              {d.children.length > 0 && (
                <Col xs={24} lg={12}>
                  <Typography.Text strong>{t('assessment.safety.unitChart')}</Typography.Text>
                  <EChart
                    option={unitOption}
                    height={240}
                    testId="safety-summary-unit-chart"
                    onClick={(item) => {
                      const id = (item.data as { unitId?: number } | undefined)?.unitId;
                      if (id !== undefined) setChildId(id);
                    }}
                  />
                </Col>
              )}
            </Row>
            {d.children.length > 0 && (
              <>
                <Typography.Text strong>{t('assessment.safety.byUnit')}</Typography.Text>
                <Typography.Text type="secondary">{t('assessment.safety.drillHint')}</Typography.Text>
                <Table<Child>
                  rowKey="unitId"
                  size="small"
                  bordered
                  columns={childColumns}
                  dataSource={d.children}
                  pagination={false}
                  scroll={{ x: true }}
                  data-testid="safety-summary-children"
                  onRow={(c) =>
                    ({
                      'data-testid': `safety-summary-child-row-${c.unitId}`,
                      style: c.unitId === childId ? { background: '#e6f4ff' } : undefined,
                    }) as object
                  }
                />
              </>
            )}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
              {t('assessment.safety.totalsNote')}
            </Typography.Paragraph>
          </>
        )}
      </Space>
    </Card>
  );
};
