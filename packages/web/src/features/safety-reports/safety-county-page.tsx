import { DownloadOutlined, PrinterOutlined, RobotOutlined } from '@ant-design/icons';
import {
  SAFETY_REPORT_ENTERED_FIELDS,
  SAFETY_REPORT_FIGURES,
  SAFETY_REPORT_FIGURE_KEYS,
  type SafetyReportFieldKey,
} from '@zongzhi/contracts';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { apiUrl } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { currentMonth, isMonth } from './safety-report-page';
import { type CountySafetyReport, useCountySafetyReports } from './safety-reports-api';

type Row = CountySafetyReport['rows'][number];

const COUNT_FIELDS: SafetyReportFieldKey[] = ['disputesScreened', 'disputesResolved', 'publicityActivities'];
const MISSING_BACKGROUND = '#fff1f0';

/** 平安报表汇总: every town and department of a month side by side, those not filed in red. */
export const SafetyCountyPage = () => {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const month = isMonth(params.get('month')) ? (params.get('month') as string) : currentMonth();
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : null;
  const county = useCountySafetyReports(month, unitId);
  const d = county.data;

  const set = (k: string, v: string | number | null) => {
    const p = new URLSearchParams(params);
    if (v === null) p.delete(k);
    else p.set(k, String(v));
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('common.unit'),
      key: 'unit',
      fixed: 'left',
      width: 130,
      render: (_, r) => (
        <Link to={`/safety-reports/${r.unitId}/${month}`} data-testid={`safety-county-open-${r.unitId}`}>
          {r.unitName}
        </Link>
      ),
    },
    {
      title: t('safety.status'),
      key: 'status',
      width: 100,
      render: (_, r) =>
        r.status === 'filed' ? (
          <Tag color="green">{t('safety.filedRevision', { revision: r.revision ?? 1 })}</Tag>
        ) : (
          <Tag color="red">{t('safety.missingTag')}</Tag>
        ),
    },
    ...SAFETY_REPORT_FIGURE_KEYS.map((k) => ({
      title: (
        <span>
          {pick(SAFETY_REPORT_FIGURES[k].label)} <RobotOutlined style={{ color: '#1677ff' }} />
        </span>
      ),
      key: k,
      width: 96,
      align: 'right' as const,
      render: (_: unknown, r: Row) => r.figures[k],
    })),
    ...COUNT_FIELDS.map((k) => ({
      title: pick(SAFETY_REPORT_ENTERED_FIELDS[k].label),
      key: k,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (r.entered ? r.entered[k] : '—'),
    })),
    {
      title: pick(SAFETY_REPORT_ENTERED_FIELDS.situation.label),
      key: 'situation',
      width: 240,
      ellipsis: true,
      render: (_, r) => r.entered?.situation ?? '—',
    },
  ];

  return (
    <Card
      title={t('safety.countyTitle')}
      size="small"
      extra={
        <Space wrap size={4}>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl(`/safety-reports/county/${month}.xlsx`, { unitId })}
            data-testid="safety-county-download"
          >
            {t('safety.download')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="safety-county-print">
            {t('safety.print')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(x) => x.isAfter(dayjs(), 'month')}
          onChange={(x) => x && set('month', x.format('YYYY-MM'))}
          data-testid="safety-county-month"
        />
        <UnitPicker
          value={unitId}
          placeholder={t('common.allUnits')}
          onChange={(v) => set('unitId', v)}
          data-testid="safety-county-unit"
        />
        {d && (
          <Typography.Text data-testid="safety-county-summary">
            {t('safety.countySummary', {
              expected: d.expected,
              filed: d.filed,
              missing: d.missing.length,
            })}
          </Typography.Text>
        )}
      </Space>
      {d && d.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="safety-county-missing"
          title={t('safety.missingTitle')}
          description={
            <Space wrap size={[4, 4]}>
              {d.missing.map((m) => (
                <Link key={m.unitId} to={`/safety-reports/${m.unitId}/${month}`}>
                  <Tag color="red" data-testid={`safety-missing-${m.unitId}`}>
                    {m.unitName}
                  </Tag>
                </Link>
              ))}
            </Space>
          }
        />
      )}
      {d && d.missing.length === 0 && d.expected > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="safety-county-missing"
          title={t('safety.allFiled')}
        />
      )}
      {county.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table<Row>
          data-testid="safety-county-table"
          size="small"
          bordered
          rowKey="unitId"
          loading={county.isFetching}
          columns={columns}
          dataSource={d?.rows ?? []}
          pagination={false}
          onRow={(r) => ({
            style: r.status === 'missing' ? { background: MISSING_BACKGROUND } : undefined,
            'data-testid': `safety-county-row-${r.unitId}`,
          })}
          scroll={{ x: 130 + 100 + SAFETY_REPORT_FIGURE_KEYS.length * 96 + COUNT_FIELDS.length * 110 + 240 }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        <RobotOutlined style={{ color: '#1677ff' }} /> {t('safety.autoLegend')}
      </Typography.Paragraph>
    </Card>
  );
};
