import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { useResponsible } from '../units/units-api';
import {
  type CaseDetail,
  type CaseStep,
  type Proposal,
  type StepDeadline,
  useCase,
} from './accountability-api';
import { CaseDocuments } from './case-documents';
import {
  AcceptRectificationDialog,
  type CircumstancePreset,
  CircumstanceDialog,
  DecideStepDialog,
  RecordReportDialog,
} from './case-dialogs';
import { ProposalQueue } from './cases-page';
import { DeadlineCountdown, LadderSteps, StepTag } from './ladder';

type Dialog = 'report' | 'acceptance' | 'decide' | 'circumstance' | null;

/** A case: its facts, the unit's responsible people then, each step with its deadlines, reports, circumstances, proposals and documents. */
export const CasePage = () => {
  const { t, pick } = useI18n();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { canWrite } = useAccess();
  const detail = useCase(Number.isFinite(id) ? id : null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [preset, setPreset] = useState<CircumstancePreset | null>(null);
  if (detail.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (detail.error || !detail.data)
    return (
      <Alert
        type="error"
        showIcon
        title={
          detail.error instanceof ApiError ? pick(detail.error.problem.message) : t('common.networkError')
        }
      />
    );
  const c = detail.data;
  const writable = canWrite('accountability') && c.status === 'open';
  const current = c.steps[c.steps.length - 1];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-page">
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
          <Space wrap align="center">
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/accountability')}
              aria-label={t('common.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-unit">
              {c.unitName}
            </Typography.Title>
            <Typography.Text type="secondary">{t('accountability.caseNo', { id: c.id })}</Typography.Text>
            <StepTag step={c.currentStep} testId="case-current-step" />
            <Tag color={c.status === 'open' ? 'processing' : 'default'} data-testid="case-status">
              {t(`accountability.status.${c.status}`)}
            </Tag>
            {c.majorCase && <Tag color="volcano">{t('accountability.major')}</Tag>}
          </Space>
          <Space wrap size={8}>
            {canWrite('accountabilityReports') && c.status === 'open' && (
              <Button onClick={() => setDialog('report')} data-testid="case-report-open">
                {t('accountability.report.record')}
              </Button>
            )}
            {writable && (
              <>
                <Button onClick={() => setDialog('acceptance')} data-testid="case-acceptance-open">
                  {t('accountability.acceptance')}
                </Button>
                <Button
                  onClick={() => {
                    setPreset(null);
                    setDialog('circumstance');
                  }}
                  data-testid="case-circumstance-open"
                >
                  {t('accountability.circumstance.record')}
                </Button>
                <Button
                  danger
                  type="primary"
                  onClick={() => setDialog('decide')}
                  data-testid="case-decide-open"
                >
                  {t('accountability.decide')}
                </Button>
              </>
            )}
          </Space>
        </div>
        <div style={{ overflowX: 'auto', margin: '16px 0' }}>
          <LadderSteps
            current={c.currentStep}
            overdue={c.overdue}
            closed={c.status === 'closed'}
            size="medium"
            testId="case-ladder"
          />
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'situation',
              label: t('accountability.situation'),
              children: pick(c.situation),
              span: 'filled',
            },
            {
              key: 'facts',
              label: t('accountability.facts'),
              span: 'filled',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.facts}</span>,
            },
            {
              key: 'unit',
              label: t('common.unit'),
              children: <Link to={`/units/${c.unitId}`}>{c.unitName}</Link>,
            },
            { key: 'relevantOn', label: t('accountability.relevantOn'), children: c.relevantOn },
            {
              key: 'openedOn',
              label: t('accountability.openedOn'),
              children: `${c.openedOn}（${c.openedBy}）`,
            },
            {
              key: 'next',
              label: t('accountability.nextDeadline'),
              children: <DeadlineCountdown deadline={c.nextDeadline} testId="case-next-deadline" />,
            },
            {
              key: 'rulebook',
              label: t('accountability.rulebook'),
              children: `${c.rulebookId} v${c.rulebookVersion}`,
            },
            ...(c.closedOn
              ? [{ key: 'closed', label: t('accountability.closedOn'), children: c.closedOn }]
              : []),
            ...(c.incidentId
              ? [
                  {
                    key: 'incident',
                    label: t('accountability.incident'),
                    children: <Link to={`/incidents?open=${c.incidentId}`}>#{c.incidentId}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <ProposalQueue unitId={null} caseId={c.id} writable={canWrite('accountability')} />

      <Card size="small" title={t('accountability.steps')}>
        <StepsTable steps={c.steps} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xl={8}>
          <ResponsibleCard unitId={c.unitId} date={c.relevantOn} />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <Card size="small" title={t('accountability.deadlines')}>
            <DeadlinesTable deadlines={c.deadlines} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('accountability.reports')}>
            <ReportsList c={c} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('accountability.circumstances')}>
        <Circumstances
          c={c}
          writable={writable}
          onRecord={(p) => {
            setPreset(p);
            setDialog('circumstance');
          }}
        />
      </Card>

      <Card size="small" title={t('accountability.documents')}>
        <CaseDocuments steps={c.steps} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('accountability.proposals.history')}>
            <ProposalHistory proposals={c.proposals} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('accountability.timeline')}>
            <Timeline
              data-testid="case-timeline"
              items={c.timeline.map((e, i) => ({
                key: `${e.kind}-${e.refId ?? i}-${i}`,
                color:
                  e.kind === 'step'
                    ? 'red'
                    : e.kind === 'proposal'
                      ? 'orange'
                      : e.kind === 'closed'
                        ? 'green'
                        : 'blue',
                content: (
                  <>
                    <Typography.Text strong>{e.on}</Typography.Text> {pick(e.text)}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      {dialog === 'report' && <RecordReportDialog caseId={c.id} onClose={() => setDialog(null)} />}
      {dialog === 'acceptance' && current && (
        <AcceptRectificationDialog caseId={c.id} onClose={() => setDialog(null)} />
      )}
      {dialog === 'decide' && <DecideStepDialog detail={c} onClose={() => setDialog(null)} />}
      {dialog === 'circumstance' && (
        <CircumstanceDialog detail={c} preset={preset} onClose={() => setDialog(null)} />
      )}
    </Space>
  );
};

const StepsTable = ({ steps }: { steps: CaseStep[] }) => {
  const { t, pick } = useI18n();
  const columns: TableColumnsType<CaseStep> = [
    { title: t('accountability.proposal.step'), key: 'step', render: (_, s) => <StepTag step={s.step} /> },
    { title: t('accountability.decidedOn'), dataIndex: 'decidedOn' },
    {
      title: t('accountability.decisionBody'),
      key: 'body',
      responsive: ['md'],
      render: (_, s) => pick(s.decisionBodyName),
    },
    {
      title: t('accountability.deadline.rectification'),
      key: 'rect',
      render: (_, s) => s.rectificationDue ?? '—',
    },
    {
      title: t('accountability.cadence'),
      key: 'cadence',
      responsive: ['lg'],
      render: (_, s) =>
        s.firstReportDue || s.reportDueDates.length > 0 ? (
          <span title={s.reportDueDates.join('、')}>
            {s.firstReportDue ? t('accountability.firstReportOn', { date: s.firstReportDue }) : ''}
            {s.reportDueDates.length > 0 &&
              ` ${t('accountability.thenReports', { n: s.reportDueDates.length, first: s.reportDueDates[0] ?? '' })}`}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('accountability.stepState'),
      key: 'state',
      render: (_, s) =>
        s.liftedOn ? (
          <Tag color="green">{t('accountability.liftedOn', { date: s.liftedOn })}</Tag>
        ) : s.acceptedOn ? (
          <Tag color="green">{t('accountability.acceptedOnDate', { date: s.acceptedOn })}</Tag>
        ) : (
          <Tag>{t('accountability.inForce')}</Tag>
        ),
    },
  ];
  return (
    <Table<CaseStep>
      data-testid="case-steps"
      size="small"
      rowKey="id"
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={steps}
      pagination={false}
      expandable={{
        rowExpandable: (s) => Boolean(s.reason || s.triggerId),
        expandedRowRender: (s) => (
          <Typography.Text type="secondary">
            {s.reason}
            {s.triggerId ? `（${t('accountability.trigger')}：${s.triggerId}）` : ''}
            {` · ${s.decidedBy} · ${s.rulebookId} v${s.rulebookVersion}`}
          </Typography.Text>
        ),
      }}
    />
  );
};

const DeadlinesTable = ({ deadlines }: { deadlines: StepDeadline[] }) => {
  const { t } = useI18n();
  if (deadlines.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.deadlines.empty')} />;
  return (
    <Table<StepDeadline>
      data-testid="case-deadlines"
      size="small"
      rowKey={(d) => `${d.kind}-${d.date}`}
      pagination={false}
      dataSource={[...deadlines].sort((a, b) => a.date.localeCompare(b.date))}
      columns={[
        {
          title: t('accountability.deadlineKind'),
          key: 'kind',
          render: (_, d) => t(`accountability.deadline.${d.kind}`),
        },
        {
          title: t('accountability.countdown'),
          key: 'date',
          render: (_, d) => <DeadlineCountdown deadline={d} />,
        },
      ]}
    />
  );
};

const ReportsList = ({ c }: { c: CaseDetail }) => {
  const { t } = useI18n();
  if (c.reports.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.reports.empty')} />;
  return (
    <Timeline
      data-testid="case-reports"
      items={[...c.reports]
        .sort((a, b) => b.submittedOn.localeCompare(a.submittedOn))
        .map((r) => ({
          key: r.id,
          color: r.kind === 'rectification_submission' ? 'green' : 'blue',
          content: (
            <>
              <Typography.Text strong>{r.submittedOn}</Typography.Text>{' '}
              <Tag>{t(`accountability.report.kind.${r.kind}`)}</Tag>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.recordedBy}
              </Typography.Text>
            </>
          ),
        }))}
    />
  );
};

const Circumstances = ({
  c,
  writable,
  onRecord,
}: {
  c: CaseDetail;
  writable: boolean;
  onRecord: (p: CircumstancePreset) => void;
}) => {
  const { t, pick } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {c.suggestedCircumstances.map((s) => (
        <Alert
          key={`${s.circumstanceId}-${s.incidentId}`}
          type="warning"
          showIcon
          data-testid={`circumstance-suggested-${s.incidentId}`}
          title={`${t('accountability.circumstance.suggested')}：${pick(s.description)}`}
          description={`${t(`accountability.circumstance.basis.${s.basis}`)} · ${s.incidentSummary}`}
          action={
            writable ? (
              <Button
                size="small"
                onClick={() =>
                  onRecord({ kind: s.kind, circumstanceId: s.circumstanceId, incidentId: s.incidentId })
                }
              >
                {t('accountability.circumstance.record')}
              </Button>
            ) : undefined
          }
        />
      ))}
      {c.circumstances.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.circumstances.empty')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="case-circumstances"
          dataSource={c.circumstances}
          columns={[
            {
              title: t('accountability.circumstance.kind'),
              key: 'kind',
              render: (_, x) => (
                <Tag color={x.kind === 'aggravating' ? 'red' : 'green'}>
                  {t(`accountability.circumstance.${x.kind}`)}
                </Tag>
              ),
            },
            {
              title: t('accountability.circumstance.which'),
              key: 'd',
              render: (_, x) => pick(x.description),
            },
            {
              title: t('accountability.note'),
              dataIndex: 'note',
              responsive: ['md'],
              render: (v: string | null) => v ?? '',
            },
            { title: t('accountability.recordedBy'), dataIndex: 'recordedBy', responsive: ['lg'] },
          ]}
        />
      )}
    </Space>
  );
};

const ProposalHistory = ({ proposals }: { proposals: Proposal[] }) => {
  const { t, pick } = useI18n();
  if (proposals.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.proposals.none')} />;
  return (
    <Table<Proposal>
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="case-proposals"
      dataSource={proposals}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('accountability.proposal.proposedOn'), dataIndex: 'proposedOn' },
        { title: t('accountability.proposal.step'), key: 's', render: (_, p) => <StepTag step={p.step} /> },
        { title: t('accountability.proposal.reason'), key: 'r', render: (_, p) => pick(p.reasonText) },
        {
          title: t('accountability.proposal.status'),
          key: 'st',
          render: (_, p) => (
            <span>
              <Tag color={p.status === 'accepted' ? 'green' : p.status === 'rejected' ? 'default' : 'orange'}>
                {t(`accountability.proposal.status.${p.status}`)}
              </Tag>
              {p.decidedOn ? `${p.decidedOn} ${p.decidedBy ?? ''}` : ''}
              {p.rejectionReason ? `：${p.rejectionReason}` : ''}
            </span>
          ),
        },
      ]}
    />
  );
};

/** The unit's responsible people on the date the case looks at: they answer for it. */
const ResponsibleCard = ({ unitId, date }: { unitId: number; date: string }) => {
  const { t } = useI18n();
  const { responsibilityRole } = useDomainLabels();
  const responsible = useResponsible(unitId, date);
  const roles = responsible.data?.roles;
  const rows = roles
    ? (['principal', 'in_charge', 'member', 'specific'] as const).flatMap((role) =>
        roles[role].map((h) => ({ ...h, role, key: `${role}-${h.postId}` })),
      )
    : [];
  return (
    <Card size="small" title={t('accountability.responsibleOn', { date })}>
      {responsible.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table
          size="small"
          loading={responsible.isLoading}
          pagination={false}
          data-testid="case-responsible"
          dataSource={rows}
          locale={{ emptyText: t('units.responsibleEmpty') }}
          columns={[
            { title: t('accountability.role'), key: 'role', render: (_, r) => responsibilityRole(r.role) },
            {
              title: t('accountability.person'),
              key: 'name',
              render: (_, r) => <Link to={`/people/${r.personId}`}>{r.name}</Link>,
            },
            { title: t('posts.title'), dataIndex: 'title', responsive: ['md'] },
          ]}
        />
      )}
    </Card>
  );
};
