import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Unit, fetchChildren } from '../units/units-api';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import type { MessageKey } from '../../lib/i18n/i18n';
import { type AssessmentResultRow, resultsXlsxUrl, usePeriod } from './assessment-api';
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
  children?: TreeNode[];
  itemStyle: { color: string };
};

/**
 * The subtree from the period's root down to the deepest assessed unit, as the treemap's nodes:
 * each assessed unit a box coloured by its score, each unit above the mean of its boxes.
 */
const loadTree = async (rootId: number, rootName: string, rows: AssessmentResultRow[]): Promise<TreeNode> => {
  const byId = new Map(rows.map((r) => [r.unitId, r]));
  const maxDepth = Math.max(...rows.map((r) => r.unitDepth));
  const build = async (
    id: number,
    name: string,
    depth: number,
    childCount: number,
  ): Promise<TreeNode | null> => {
    const own = byId.get(id);
    const children: TreeNode[] = [];
    if (childCount > 0 && depth < maxDepth) {
      const kids: Unit[] = await fetchChildren(id);
      for (const k of await Promise.all(kids.map((c) => build(c.id, c.name, c.depth, c.childCount))))
        if (k) children.push(k);
    }
    if (!own && children.length === 0) return null;
    const scores = children.map((c) => c.score).filter((s): s is number => s !== null);
    const score = own
      ? own.score
      : scores.length
        ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10
        : null;
    const node: TreeNode = {
      name,
      unitId: id,
      score,
      value: own ? 1 : children.reduce((a, c) => a + c.value, 0),
      itemStyle: { color: scoreColour(score) },
    };
    // An assessed unit with assessed units below it shows its own box beside theirs.
    if (children.length) node.children = own ? [{ ...node, value: 1 }, ...children] : children;
    return node;
  };
  const rootDepth = Math.min(...rows.map((r) => r.unitDepth)) - 1;
  return (
    (await build(rootId, rootName, rootDepth, 1)) ?? {
      name: rootName,
      unitId: rootId,
      score: null,
      value: 0,
      itemStyle: { color: scoreColour(null) },
    }
  );
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

/** One period's results: the ranking within each group, a bar chart and the heat map by unit. */
export const PeriodPage = () => {
  const { t } = useI18n();
  const groupLabel = useGroupLabel();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const detail = usePeriod(id);
  const period = detail.data?.period;
  const rows = detail.data?.results ?? [];

  const groups = useMemo(() => {
    const m = new Map<string, AssessmentResultRow[]>();
    for (const r of rows) m.set(r.group, [...(m.get(r.group) ?? []), r]);
    for (const list of m.values())
      list.sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
          (b.score ?? -1) - (a.score ?? -1),
      );
    return [...m.entries()];
  }, [rows]);

  const tree = useQuery({
    queryKey: ['assessment', 'tree', id, detail.data?.version],
    queryFn: () => loadTree(period!.rootUnitId, period!.rootUnitName, rows),
    enabled: !!period && rows.length > 0,
  });

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
          return `${d.name}：${d.score ?? '—'}`;
        },
      },
      series: [
        {
          type: 'treemap',
          data: tree.data ? (tree.data.children ?? [tree.data]) : [],
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
    [tree.data, period?.rootUnitName],
  );

  if (detail.isLoading) return <Spin />;
  if (!period) return <Empty />;

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
          period.version > 0 && (
            <Button icon={<DownloadOutlined />} href={resultsXlsxUrl(id)} data-testid="assessment-export">
              {t('assessment.export')}
            </Button>
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
        {rows.length === 0 && <Alert type="info" showIcon message={t('assessment.noResults')} />}
      </Card>
      {groups.map(([group, list]) => (
        <Card key={group} size="small" title={`${t('assessment.group')}：${groupLabel(group)}`}>
          <Table
            rowKey="unitId"
            size="small"
            columns={columns}
            dataSource={list}
            pagination={false}
            scroll={{ x: true }}
            data-testid={`assessment-ranking-${group}`}
            onRow={(r) => ({ 'data-testid': `assessment-row-${r.unitId}` }) as object}
          />
        </Card>
      ))}
      {rows.length > 0 && (
        <Card size="small" title={t('assessment.chartScores')}>
          <EChart option={barOption} height={280} testId="assessment-bar-chart" />
        </Card>
      )}
      {rows.length > 0 && (
        <Card size="small" title={t('assessment.heatmap')}>
          <Typography.Paragraph type="secondary">{t('assessment.heatmapHint')}</Typography.Paragraph>
          {tree.isLoading ? (
            <Spin />
          ) : (
            <EChart
              option={treeOption}
              height={380}
              testId="assessment-heatmap"
              onClick={(item) => {
                const d = item.data as TreeNode | undefined;
                if (d && !d.children && rows.some((r) => r.unitId === d.unitId))
                  void navigate(`/assessment/periods/${id}/units/${d.unitId}`);
              }}
            />
          )}
        </Card>
      )}
      <SafetySummaryCard rootUnitId={period.rootUnitId} periodKey={period.periodKey} />
    </Space>
  );
};
