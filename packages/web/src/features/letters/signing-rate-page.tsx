import { Alert, Button, Card, Col, Progress, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { yearOptions } from './batch-wizard-page';
import { type SigningRate, useSigningRate } from './letters-api';

type Cell = { total: number; signed: number; rate: number | null };
type LevelRow = SigningRate['byLevel'][number];
type IssuerRow = SigningRate['byIssuer'][number];
type UnsignedRow = SigningRate['unsigned'][number];

const RateBar = ({ cell, testId }: { cell: Cell; testId?: string }) => {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid={testId}>
      <Progress
        percent={cell.rate ?? 0}
        size="small"
        status={cell.rate === 100 ? 'success' : 'normal'}
        format={() => (cell.rate === null ? '—' : `${cell.rate}%`)}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('letters.rate.signedOf', { signed: cell.signed, total: cell.total })}
      </Typography.Text>
    </Space>
  );
};

/** 签状率: letters fully signed by level and by issuing unit, and who has not signed yet. */
export const SigningRatePage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const labels = useDomainLabels();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : null;
  const rate = useSigningRate(year, unitId);
  const d = rate.data;

  const set = (k: string, v: string | number | null) => {
    const p = new URLSearchParams(params);
    if (v === null) p.delete(k);
    else p.set(k, String(v));
    setParams(p, { replace: true });
  };

  const levelColumns: TableColumnsType<LevelRow> = [
    {
      title: t('letters.rate.level'),
      key: 'level',
      width: 160,
      render: (_, r) => labels.unitKind(r.unitKind),
    },
    {
      title: t('letters.rate.rate'),
      key: 'rate',
      render: (_, r) => <RateBar cell={r} testId={`letters-rate-level-${r.unitKind}`} />,
    },
  ];
  const issuerColumns: TableColumnsType<IssuerRow> = [
    {
      title: t('letters.issuer'),
      key: 'unit',
      width: 180,
      render: (_, r) => (
        <span style={{ paddingInlineStart: Math.max(0, r.depth - 1) * 12 }}>{r.unitName}</span>
      ),
    },
    {
      title: t('letters.rate.rate'),
      key: 'rate',
      render: (_, r) => <RateBar cell={r} testId={`letters-rate-issuer-${r.unitId}`} />,
    },
  ];
  const unsignedColumns: TableColumnsType<UnsignedRow> = [
    {
      title: t('letters.rate.person'),
      key: 'person',
      render: (_, r) => <Link to={`/letters/${r.letterId}`}>{r.personName}</Link>,
    },
    { title: t('common.unit'), dataIndex: 'unitName' },
    {
      title: t('letters.rate.party'),
      key: 'party',
      width: 90,
      render: (_, r) => t(`letters.party.${r.party}`),
    },
    { title: t('letters.issuer'), dataIndex: 'issuerUnitName', responsive: ['md'] },
    { title: t('letters.issueDate'), dataIndex: 'issueDate', width: 110, responsive: ['md'] },
    {
      title: t('letters.rate.days'),
      dataIndex: 'daysSinceIssue',
      width: 90,
      align: 'right',
    },
  ];

  return (
    <Card
      size="small"
      title={t('letters.rate.title')}
      extra={<Button onClick={() => navigate('/letters')}>{t('common.back')}</Button>}
      data-testid="letters-rate"
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={year}
          options={yearOptions()}
          onChange={(v) => set('year', v)}
          style={{ width: 120 }}
          data-testid="letters-rate-year"
        />
        <UnitPicker
          value={unitId}
          placeholder={t('common.allUnits')}
          onChange={(v) => set('unitId', v)}
          data-testid="letters-rate-unit"
        />
      </Space>
      {rate.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={16} align="middle">
            <Col xs={24} sm={8}>
              <Statistic
                title={t('letters.rate.overall')}
                value={d.overall.rate === null ? '—' : d.overall.rate}
                suffix={d.overall.rate === null ? undefined : '%'}
                data-testid="letters-rate-overall"
              />
            </Col>
            <Col xs={24} sm={16}>
              <RateBar cell={d.overall} testId="letters-rate-overall-bar" />
            </Col>
          </Row>
          <Typography.Text data-testid="letters-rate-summary">
            {t('letters.rate.summary', {
              total: d.overall.total,
              signed: d.overall.signed,
              people: d.unsigned.length,
            })}
          </Typography.Text>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('letters.rate.byLevel')}</Typography.Title>
              <Table<LevelRow>
                size="small"
                rowKey={(r) => `${r.unitKind}-${r.depth}`}
                columns={levelColumns}
                dataSource={d.byLevel}
                pagination={false}
                data-testid="letters-rate-levels"
              />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('letters.rate.byIssuer')}</Typography.Title>
              <Table<IssuerRow>
                size="small"
                rowKey="unitId"
                columns={issuerColumns}
                dataSource={d.byIssuer}
                pagination={false}
                data-testid="letters-rate-issuers"
              />
            </Col>
          </Row>
          <div>
            <Typography.Title level={5}>
              {t('letters.rate.unsigned', { n: d.unsigned.length })}
            </Typography.Title>
            <Table<UnsignedRow>
              size="small"
              rowKey={(r) => `${r.letterId}-${r.party}-${r.personId}`}
              columns={unsignedColumns}
              dataSource={d.unsigned}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              data-testid="letters-rate-unsigned"
              onRow={(r) => ({ 'data-testid': `letters-unsigned-${r.letterId}-${r.personId}` }) as never}
              locale={{ emptyText: t('letters.rate.allSigned') }}
            />
          </div>
        </Space>
      )}
    </Card>
  );
};
