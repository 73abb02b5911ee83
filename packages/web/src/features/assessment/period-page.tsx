import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useShowError } from '../../lib/use-show-error';
import {
  type AssessmentBranch,
  type AssessmentResultRow,
  type AssessmentVerification,
  resultsXlsxUrl,
  usePeriodBranches,
  usePeriodPage,
  verifyPeriod,
} from './assessment-api';
import { EChart, type EChartOption, scoreColour } from './echart';
import { SafetySummaryCard } from './safety-summary-card';

const ADVANCED = [
  'selected',
  'selected_tied',
  'tied_out',
  'below_cut_off',
  'barred',
  'grade_not_eligible',
  'not_ranked',
  'not_applicable',
] as const;

/** The colour of a grade tag: failing red, the first (best) grade green, others blue. */
export const GradeTag = ({
  row,
}: {
  row: Pick<AssessmentResultRow, 'gradeId' | 'gradeName' | 'failing'>;
}) => {
  const { pick } = useI18n();
  if (!row.gradeName) return <>—</>;
  const colour = row.failing ? 'red' : row.gradeId === 'excellent' ? 'green' : 'blue';
  return <Tag color={colour}>{pick(row.gradeName)}</Tag>;
};

type TreeNode = {
  name: string;
  value: number;
  unitId: number;
  score: number | null;
  units: number;
  /** One assessed unit: a click opens its score page. */
  single: boolean;
  own?: boolean;
  children?: TreeNode[];
  itemStyle: { color: string };
};

/**
 * The heat map's nodes, whatever the size of the tree: the two levels below the period's root
 * (the server's branches), each box the mean score of the assessed units below it and sized by
 * their number. A province of 25,000 units draws its cities and counties, a county its towns and
 * villages; an assessed unit with boxes below it shows its own box beside theirs.
 */
const branchTree = (branches: AssessmentBranch[]): TreeNode[] => {
  const node = (b: AssessmentBranch): TreeNode => ({
    name: b.unitName,
    unitId: b.unitId,
    score: b.meanScore,
    units: b.units,
    value: b.units,
    single: b.assessed && b.units === 1,
    itemStyle: { color: scoreColour(b.meanScore) },
  });
  const below = new Map<number, TreeNode[]>();
  for (const b of branches)
    if (b.level === 2) below.set(b.parentId, [...(below.get(b.parentId) ?? []), node(b)]);
  return branches
    .filter((b) => b.level === 1)
    .map((b) => {
      const top = node(b);
      const children = below.get(b.unitId);
      if (!children) return top;
      const own: TreeNode = {
        ...top,
        score: b.score,
        units: 1,
        value: 1,
        single: true,
        own: true,
        itemStyle: { color: scoreColour(b.score) },
      };
      return { ...top, children: b.assessed ? [own, ...children] : children };
    });
};

/** 'kind=village|level=2' → 村 · 第 2 级: the ranking group in words. */
const useGroupLabel = () => {
  const { t } = useI18n();
  const labels = useDomainLabels();
  return (group: string) =>
    group
      .split('|')
      .map((part) => {
        const [k, v = ''] = part.split('=');
        if (k === 'kind') return labels.unitKind(v);
        if (k === 'level') return t('assessment.level', { level: v });
        return part;
      })
      .join(' · ');
};

/** The outcome of 复核重算: identical (green) or the differing units and what differs (amber). */
const VerificationResult = ({ id, result }: { id: number; result: AssessmentVerification }) => {
  const { t } = useI18n();
  const asOf = t('assessment.verify.factsAsOf', { version: result.version, date: result.factsAsOf });
  if (result.identical)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="assessment-verify-result"
        message={
          <span data-testid="assessment-verify-identical">
            {t('assessment.verify.identical', { units: result.units, ms: result.ms })}
          </span>
        }
        description={asOf}
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="assessment-verify-result"
      message={
        <span data-testid="assessment-verify-differing">
          {t('assessment.verify.differing', {
            differing: result.differing,
            units: result.units,
            ms: result.ms,
          })}
        </span>
      }
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <span>
            {asOf} {t('assessment.verify.differingHint')}
          </span>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="assessment-verify-differences">
            {result.differences.map((d) => (
              <li key={d.unitId} data-testid={`assessment-verify-unit-${d.unitId}`}>
                <Link to={`/assessment/periods/${id}/units/${d.unitId}`}>{d.unitName ?? `#${d.unitId}`}</Link>{' '}
                {d.fields.map((f) => (
                  <Tag key={f} color="orange">
                    {(VERIFY_FIELDS as readonly string[]).includes(f)
                      ? t(`assessment.verify.field.${f}` as MessageKey)
                      : f}
                  </Tag>
                ))}
              </li>
            ))}
          </ul>
          {result.differing > result.differences.length && (
            <Typography.Text type="secondary">
              {t('assessment.verify.listed', { listed: result.differences.length })}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
};

const VERIFY_FIELDS = [
  'score',
  'grade',
  'failing',
  'vetoed',
  'group',
  'rank',
  'notRanked',
  'advanced',
  'points',
  'facts',
  'unit',
] as const;

const PAGE_SIZE = 50;

/**
 * One period's results: the ranking table paged on the server (a group, a name, a page: a
 * 25,000-unit province as well as a county), a bar chart of the page shown, the heat map of the
 * two levels below the root, and 复核重算 (re-run and compare with the stored results).
 */
export const PeriodPage = () => {
  const { t } = useI18n();
  const groupLabel = useGroupLabel();
  const showError = useShowError();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AssessmentVerification | null>(null);
  const detail = usePeriodPage(id, { group, q, limit: pageSize, offset: (page - 1) * pageSize });
  const period = detail.data?.period;
  const rows = detail.data?.results ?? [];
  const groups = detail.data?.groups ?? [];
  const branchQuery = usePeriodBranches(id, period?.version ?? 0);
  const branches = useMemo(() => branchQuery.data ?? [], [branchQuery.data]);

  const barOption = useMemo<EChartOption>(() => {
    const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 60 },
      xAxis: { type: 'category', data: sorted.map((r) => r.unitName), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', min: 0 },
      series: [
        {
          type: 'bar',
          data: sorted.map((r) => ({ value: r.score, itemStyle: { color: scoreColour(r.score) } })),
        },
      ],
    };
  }, [rows]);

  const treeOption = useMemo<EChartOption>(
    () => ({
      tooltip: {
        formatter: (p: unknown) => {
          const d = (p as { data: TreeNode }).data;
          if (d.own) return t('assessment.heatmapOwn', { name: d.name, score: d.score ?? '—' });
          return t('assessment.heatmapBranch', { name: d.name, units: d.units, score: d.score ?? '—' });
        },
      },
      series: [
        {
          type: 'treemap',
          data: branchTree(branches),
          name: period?.rootUnitName ?? '',
          leafDepth: 1,
          roam: false,
          label: {
            show: true,
            formatter: (p: { data?: unknown }) =>
              `${(p.data as TreeNode).name}\n${(p.data as TreeNode).score ?? '—'}`,
          },
          upperLabel: { show: true, height: 22 },
          breadcrumb: { show: true },
        },
      ],
    }),
    [branches, period?.rootUnitName, t],
  );

  if (detail.isLoading) return <Spin />;
  if (!period || !detail.data) return <Empty />;
  const computed = period.version > 0;

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    try {
      setVerification(await verifyPeriod(id));
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AssessmentResultRow> = [
    {
      title: t('assessment.rank'),
      key: 'rank',
      width: 70,
      render: (_, r) => <span data-testid={`assessment-rank-${r.unitId}`}>{r.rank ?? '—'}</span>,
    },
    {
      title: t('common.unit'),
      key: 'unit',
      render: (_, r) => (
        <Link to={`/assessment/periods/${id}/units/${r.unitId}`} data-testid={`assessment-unit-${r.unitId}`}>
          {r.unitName}
        </Link>
      ),
    },
    ...(group === undefined
      ? [
          {
            title: t('assessment.group'),
            key: 'group',
            render: (_: unknown, r: AssessmentResultRow) => groupLabel(r.group),
          },
        ]
      : []),
    {
      title: t('assessment.score'),
      key: 'score',
      align: 'right',
      render: (_, r) => <span data-testid={`assessment-score-${r.unitId}`}>{r.score ?? '—'}</span>,
    },
    {
      title: t('assessment.grade'),
      key: 'grade',
      render: (_, r) => (
        <Space size={4} data-testid={`assessment-grade-${r.unitId}`}>
          <GradeTag row={r} />
          {r.vetoed && <Tag color="volcano">{t('assessment.vetoed')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('assessment.notRanked'),
      key: 'notRanked',
      render: (_, r) => (r.notRanked ? t(`assessment.notRanked.${r.notRanked}`) : ''),
    },
    {
      title: t('assessment.advanced'),
      key: 'advanced',
      render: (_, r) => {
        const label = (ADVANCED as readonly string[]).includes(r.advanced)
          ? t(`assessment.advanced.${r.advanced}` as MessageKey)
          : r.advanced;
        const reasons = r.advancedReasons.map((a) =>
          t('assessment.barReason', { caseId: a.caseId, step: a.step, bar: a.bar, from: a.fromDate }),
        );
        return (
          <span data-testid={`assessment-advanced-${r.unitId}`}>
            <Tag
              color={r.advanced.startsWith('selected') ? 'gold' : r.advanced === 'barred' ? 'red' : 'default'}
            >
              {label}
            </Tag>
            {reasons.length > 0 && (
              <Tooltip title={reasons.join('；')}>
                <Typography.Text type="danger">{reasons[0]}</Typography.Text>
              </Tooltip>
            )}
          </span>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <span data-testid="assessment-period-title">
            {t('assessment.resultsTitle', { unit: period.rootUnitName, key: period.periodKey })}
          </span>
        }
        extra={
          computed && (
            <Space>
              <Tooltip title={t('assessment.verifyHint')}>
                <Button
                  icon={<SafetyCertificateOutlined />}
                  loading={verifying}
                  onClick={() => void verify()}
                  data-testid="assessment-verify"
                >
                  {t('assessment.verify')}
                </Button>
              </Tooltip>
              <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(id)} data-testid="assessment-export">
                {t('assessment.export')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('assessment.kind')}>
            {t(`assessment.kind.${period.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.dates')}>
            {period.periodStart} ~ {period.periodEnd}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.rulebook')}>
            {t('assessment.rulebookVersion', { id: period.rulebookId, version: period.rulebookVersion })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.status')}>
            {t(`assessment.status.${period.status}`)} · {t('assessment.version')} {period.version}
          </Descriptions.Item>
        </Descriptions>
        {!computed && <Alert type="info" showIcon message={t('assessment.noResults')} />}
        {verifying && (
          <Space data-testid="assessment-verifying">
            <Spin size="small" />
            <Typography.Text type="secondary">{t('assessment.verifying')}</Typography.Text>
          </Space>
        )}
        {verification && <VerificationResult id={id} result={verification} />}
      </Card>
      {computed && (
        <Card
          size="small"
          title={
            group === undefined ? t('assessment.groupAll') : `${t('assessment.group')}：${groupLabel(group)}`
          }
          extra={
            <Space wrap>
              <Select
                allowClear
                style={{ minWidth: 220 }}
                placeholder={t('assessment.groupAll')}
                value={group}
                data-testid="assessment-group-filter"
                onChange={(g?: string) => {
                  setGroup(g);
                  setPage(1);
                }}
                options={groups.map((g) => ({
                  value: g.group,
                  label: t('assessment.groupOption', { group: groupLabel(g.group), units: g.units }),
                }))}
              />
              <Input.Search
                allowClear
                style={{ width: 220 }}
                placeholder={t('assessment.searchUnit')}
                data-testid="assessment-search"
                onSearch={(text) => {
                  setQ(text.trim() || undefined);
                  setPage(1);
                }}
              />
            </Space>
          }
        >
          <Table
            rowKey="unitId"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={detail.isFetching}
            pagination={{
              current: page,
              pageSize,
              total: detail.data.total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('assessment.totalUnits', { total }),
              onChange: (p, size) => {
                setPage(size === pageSize ? p : 1);
                setPageSize(size);
              },
            }}
            scroll={{ x: true }}
            data-testid="assessment-ranking"
            onRow={(r) => ({ 'data-testid': `assessment-row-${r.unitId}` }) as object}
          />
        </Card>
      )}
      {rows.length > 0 && (
        <Card size="small" title={t('assessment.chartScoresPage', { count: rows.length })}>
          <EChart option={barOption} height={280} testId="assessment-bar-chart" />
        </Card>
      )}
      {branches.length > 0 && (
        <Card size="small" title={t('assessment.heatmap')}>
          <Typography.Paragraph type="secondary">{t('assessment.heatmapHint')}</Typography.Paragraph>
          <EChart
            option={treeOption}
            height={380}
            testId="assessment-heatmap"
            onClick={(item) => {
              const d = item.data as TreeNode | undefined;
              if (d && !d.children && d.single) void navigate(`/assessment/periods/${id}/units/${d.unitId}`);
            }}
          />
        </Card>
      )}
      <SafetySummaryCard rootUnitId={period.rootUnitId} periodKey={period.periodKey} />
    </Space>
  );
};
