import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Alert, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { type MessageKey, useI18n } from '../../lib/i18n/i18n';
import {
  type AssessmentPeriodSummary,
  type FactSource,
  type UnitScore,
  fetchExplanation,
  useExplanation,
  usePeriods,
} from './assessment-api';
import { EChart, type EChartOption } from './echart';
import { GradeTag } from './period-page';

type IndicatorRow = UnitScore['indicators'][number];
type FactRow = FactSource & { key: string };

const FACT_KEYS = [
  'signing_rate',
  'duties_on_time',
  'incident_reports_on_time',
  'rectifications_accepted_on_time',
  'accountability_steps_received',
] as const;
const TABLES = [
  'letters',
  'duty_occurrences',
  'incidents',
  'rectification_tasks',
  'accountability_steps',
  'indicator_values',
] as const;

const isFactSource = (v: unknown): v is FactSource =>
  typeof v === 'object' && v !== null && typeof (v as FactSource).table === 'string';

/** The unit's score in the periods of the same root and kind that were computed, oldest first. */
const useTrend = (current: AssessmentPeriodSummary | undefined, unitId: number) => {
  const periods = usePeriods(current?.rootUnitId ?? null);
  const same = (periods.data?.items ?? [])
    .filter((p) => p.kind === current?.kind && p.version > 0)
    .sort((a, b) => a.periodKey.localeCompare(b.periodKey))
    .slice(-12);
  return useQuery({
    queryKey: ['assessment', 'trend', unitId, same.map((p) => `${p.id}:${p.version}`).join(',')],
    queryFn: async () => {
      const points = await Promise.all(
        same.map(async (p) => {
          try {
            const e = await fetchExplanation(p.id, unitId);
            return { key: p.periodKey, score: e.result.score };
          } catch {
            return null; // the unit was not assessed in that period
          }
        }),
      );
      return points.filter((p): p is { key: string; score: number | null } => p !== null);
    },
    enabled: !!current && same.length > 1,
  });
};

/** One unit's score explained: each indicator's inputs, rule, rulebook version and points, down to the facts. */
export const UnitPage = () => {
  const { t, pick } = useI18n();
  const params = useParams();
  const id = Number(params.id);
  const unitId = Number(params.unitId);
  const explanation = useExplanation(id, unitId);
  const e = explanation.data;
  const score = e?.unitScore as UnitScore | undefined;
  const trend = useTrend(e?.period, unitId);

  const trendOption = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: (trend.data ?? []).map((p) => p.key) },
      yAxis: { type: 'value', min: 0 },
      series: [{ type: 'line', data: (trend.data ?? []).map((p) => p.score) }],
    }),
    [trend.data],
  );

  if (explanation.isLoading) return <Spin />;
  if (!e || !score) return <Empty />;

  const factsOf = (row: IndicatorRow): FactRow[] =>
    row.inputs.flatMap((input) => {
      const f = e.facts[input.key];
      return isFactSource(f) ? [{ ...f, key: input.key }] : [];
    });

  // A computed fact by its name; an entered value by its indicator's (or threshold's) name.
  const factLabel = (key: string, row: IndicatorRow) => {
    if ((FACT_KEYS as readonly string[]).includes(key)) return t(`assessment.fact.${key}` as MessageKey);
    if (key === row.indicatorId) return pick(row.name);
    const check = row.checks.find((c) => c.thresholdId === key);
    return check ? pick(check.measure) : key;
  };
  const tableLabel = (table: string) =>
    (TABLES as readonly string[]).includes(table)
      ? `${t(`assessment.table.${table}` as MessageKey)}（${table}）`
      : table;

  const inputText = (row: IndicatorRow) =>
    row.inputs.map((i) => {
      const label = factLabel(i.key, row);
      if (!i.fact) return `${label}：${t('assessment.missing')}`;
      const basis = i.fact.basis ? `（${i.fact.basis.numerator} / ${i.fact.basis.denominator}）` : '';
      return `${label}：${i.fact.value}${basis}`;
    });

  const columns: TableColumnsType<IndicatorRow> = [
    { title: t('assessment.indicator'), key: 'name', render: (_, r) => pick(r.name) },
    {
      title: t('assessment.inputs'),
      key: 'inputs',
      render: (_, r) => (
        <span data-testid={`indicator-inputs-${r.indicatorId}`}>
          {inputText(r).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </span>
      ),
    },
    {
      title: t('assessment.rule'),
      key: 'rule',
      render: (_, r) => <span data-testid={`indicator-rule-${r.indicatorId}`}>{pick(r.rule)}</span>,
    },
    {
      title: t('assessment.points'),
      key: 'points',
      align: 'right',
      render: (_, r) => (
        <span data-testid={`indicator-points-${r.indicatorId}`}>
          {r.status === 'missing_data' ? (
            <Tag>{t('assessment.missing')}</Tag>
          ) : r.status === 'not_scored' ? (
            <Tag>{t('assessment.notScored')}</Tag>
          ) : r.method === 'veto_item' ? (
            r.vetoes ? (
              <Tag color="volcano">{t('assessment.vetoed')}</Tag>
            ) : (
              '—'
            )
          ) : (
            `${r.points} / ${r.maxPoints}`
          )}
        </span>
      ),
    },
    {
      title: t('assessment.contribution'),
      key: 'contribution',
      align: 'right',
      render: (_, r) => (r.contribution === null ? '—' : r.contribution),
    },
    {
      title: t('assessment.source'),
      key: 'source',
      render: (_, r) => (r.source ? `${r.source.doc} ${r.source.article}` : '—'),
    },
  ];

  const factColumns = (row: IndicatorRow): TableColumnsType<FactRow> => [
    { title: t('assessment.factKey'), key: 'key', render: (_, f) => factLabel(f.key, row) },
    {
      title: t('assessment.factTable'),
      key: 'table',
      render: (_, f) => <span data-testid={`fact-table-${f.key}`}>{tableLabel(f.table)}</span>,
    },
    { title: t('assessment.factRule'), dataIndex: 'rule', key: 'rule' },
    {
      title: t('assessment.factCounts'),
      key: 'counts',
      render: (_, f) => (
        <span data-testid={`fact-counts-${f.key}`}>
          {Object.entries(f.counts)
            .map(([k, v]) => `${k}=${v}`)
            .join('，') || '—'}
        </span>
      ),
    },
    {
      title: t('assessment.factIds'),
      key: 'ids',
      render: (_, f) => (
        <span data-testid={`fact-ids-${f.key}`}>{f.ids.length ? f.ids.join('，') : '—'}</span>
      ),
    },
  ];

  const { period, result } = e;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <span data-testid="assessment-unit-title">
            {t('assessment.unitTitle', { unit: result.unitName, key: period.periodKey })}
          </span>
        }
        extra={<Link to={`/assessment/periods/${id}`}>{t('common.back')}</Link>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('assessment.score')}>
            <span data-testid="assessment-unit-score">
              {score.score ?? '—'} / {score.maxScore}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.grade')}>
            <GradeTag row={result} />
            {result.vetoed && <Tag color="volcano">{t('assessment.vetoed')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rank')}>{result.rank ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.rulebook')}>
            <span data-testid="assessment-unit-rulebook">
              {t('assessment.rulebookVersion', { id: e.rulebook.id, version: e.rulebook.version })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.version')}>{e.version}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.computedAt')}>
            {dayjs(e.computedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.factsAsOf')}>{e.factsAsOf}</Descriptions.Item>
        </Descriptions>
        {e.reason && (
          <Alert type="info" showIcon message={t('assessment.reasonShown', { reason: e.reason })} />
        )}
        {e.factsChanged.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="assessment-facts-changed"
            message={t('assessment.factsChanged', {
              date: e.factsAsOf,
              facts: e.factsChanged
                .map((key) =>
                  (FACT_KEYS as readonly string[]).includes(key)
                    ? t(`assessment.fact.${key}` as MessageKey)
                    : key,
                )
                .join('、'),
            })}
          />
        )}
      </Card>
      <Card size="small" title={t('assessment.indicator')}>
        <Table
          rowKey="indicatorId"
          size="small"
          columns={columns}
          dataSource={score.indicators}
          pagination={false}
          scroll={{ x: true }}
          onRow={(r) => ({ 'data-testid': `indicator-row-${r.indicatorId}` }) as object}
          expandable={{
            expandedRowRender: (r) => {
              const facts = factsOf(r);
              return (
                <div data-testid={`indicator-facts-${r.indicatorId}`}>
                  <Typography.Text strong>{t('assessment.facts')}</Typography.Text>
                  {facts.length === 0 ? (
                    <div>{t('assessment.noFacts')}</div>
                  ) : (
                    <Table
                      rowKey="key"
                      size="small"
                      columns={factColumns(r)}
                      dataSource={facts}
                      pagination={false}
                    />
                  )}
                </div>
              );
            },
          }}
        />
      </Card>
      <Card size="small" title={t('assessment.trend')}>
        {trend.data && trend.data.length > 1 ? (
          <EChart option={trendOption} height={240} testId="assessment-trend" />
        ) : trend.isLoading && trend.fetchStatus !== 'idle' ? (
          <Spin />
        ) : (
          <Typography.Text type="secondary" data-testid="assessment-no-trend">
            {t('assessment.noTrend')}
          </Typography.Text>
        )}
      </Card>
    </Space>
  );
};
