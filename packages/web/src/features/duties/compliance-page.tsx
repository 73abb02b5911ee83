import { Alert, Card, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { type ComplianceResponse, useCompliance } from './duties-api';

type Row = ComplianceResponse['rows'][number];
type Cell = Row['months'][number];

const CELL_BACKGROUND: Record<NonNullable<Cell['timeStatus']>, string> = {
  green: '#d9f7be',
  yellow: '#fff1b8',
  red: '#ffccc7',
};

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 履职情况: units × deadline months, each cell coloured by the worst time status in it. */
export const CompliancePage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? dayjs().year());
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : null;
  const grid = useCompliance(year, unitId);

  const set = (k: string, v: string | number | null) => {
    const p = new URLSearchParams(params);
    if (v === null) p.delete(k);
    else p.set(k, String(v));
    setParams(p, { replace: true });
  };

  /** A cell opens the ledger filtered to the unit and the month (its own duties for the 本级 row). */
  const open = (row: Row, month: number) => {
    const start = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
    const q = new URLSearchParams({
      unitId: String(row.unitId),
      from: start.format('YYYY-MM-DD'),
      to: start.endOf('month').format('YYYY-MM-DD'),
    });
    navigate(`/duties?${q}`);
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('common.unit'),
      key: 'unit',
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <span>
          {r.unitName}
          {r.scope === 'self' && <Typography.Text type="secondary">{t('compliance.self')}</Typography.Text>}
        </span>
      ),
    },
    ...MONTHS.map((m) => ({
      title: t('compliance.month', { month: m }),
      key: `m${m}`,
      width: 64,
      align: 'center' as const,
      onCell: (r: Row) => {
        const c = r.months.find((x) => x.month === m);
        return {
          style: {
            background: c?.timeStatus ? CELL_BACKGROUND[c.timeStatus] : undefined,
            cursor: c && c.total > 0 ? 'pointer' : undefined,
          },
          onClick: () => c && c.total > 0 && open(r, m),
          'data-testid': `compliance-cell-${r.unitId}-${m}`,
        };
      },
      render: (_: unknown, r: Row) => {
        const c = r.months.find((x) => x.month === m);
        if (!c || c.total === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Tooltip
            title={t('compliance.cell', {
              total: c.total,
              done: c.done,
              doneLate: c.doneLate,
              overdue: c.overdue,
              waived: c.waived,
              open: c.open,
            })}
          >
            <span style={{ fontSize: 12 }}>
              {c.done + c.doneLate}/{c.total - c.waived}
            </span>
          </Tooltip>
        );
      },
    })),
  ];

  return (
    <Card title={t('compliance.title')} size="small">
      <Typography.Paragraph type="secondary">{t('compliance.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          prefix={t('compliance.year')}
          onChange={(v) => v !== null && set('year', v)}
          data-testid="compliance-year"
        />
        <UnitPicker
          value={unitId}
          placeholder={t('common.allUnits')}
          onChange={(v) => set('unitId', v)}
          data-testid="compliance-unit"
        />
        <Space size={4}>
          <Tag color="green">{t('compliance.legendGreen')}</Tag>
          <Tag color="gold">{t('compliance.legendYellow')}</Tag>
          <Tag color="red">{t('compliance.legendRed')}</Tag>
        </Space>
        {grid.data && (
          <Typography.Text type="secondary">{t('compliance.asOf', { date: grid.data.asOf })}</Typography.Text>
        )}
      </Space>
      {grid.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table<Row>
          data-testid="compliance-grid"
          size="small"
          bordered
          rowKey={(r) => `${r.scope}-${r.unitId}`}
          loading={grid.isFetching}
          columns={columns}
          dataSource={grid.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 150 + 12 * 64 }}
        />
      )}
    </Card>
  );
};
