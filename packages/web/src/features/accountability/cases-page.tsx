import { AlertOutlined, PlusOutlined } from '@ant-design/icons';
import { ACCOUNTABILITY_STEPS, CASE_STATUSES } from '@zongzhi/domain';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Empty,
  Spin,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import {
  type AccountabilityStepId,
  type CaseFilters,
  type CaseStatus,
  type CaseSummary,
  type Proposal,
  useCases,
  useProposals,
} from './accountability-api';
import { OpenCaseDialog, OpenMajorCaseDialog } from './case-dialogs';
import { DeadlineCountdown, LadderSteps, StepTag } from './ladder';
import { AcceptProposalDialog, RejectProposalDialog } from './proposal-dialogs';

const isStep = (s: string | null): s is AccountabilityStepId =>
  ACCOUNTABILITY_STEPS.includes(s as AccountabilityStepId);
const isStatus = (s: string | null): s is CaseStatus => CASE_STATUSES.includes(s as CaseStatus);

/** 责任追究: every case on the ladder with its next deadline, and the proposals waiting for a decision. */
export const CasesPage = () => {
  const { t } = useI18n();
  const { canWrite } = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const step = params.get('step');
  const status = params.get('status');
  const filters: CaseFilters = {
    unitId: params.get('unitId') ? Number(params.get('unitId')) : null,
    step: isStep(step) ? step : null,
    status: status === 'all' ? null : isStatus(status) ? status : 'open',
    pending: params.get('pending') === 'true' ? 'true' : null,
    overdue: params.get('overdue') === 'true' ? 'true' : null,
  };
  const page = Number(params.get('page') ?? 1);
  const [pageSize, setPageSize] = useState(20);
  const cases = useCases({ ...filters, page, pageSize });
  const [opening, setOpening] = useState<'case' | 'major' | null>(null);
  const writable = canWrite('accountability');

  const update = (next: Record<string, string | number | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    if (!('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('common.unit'),
      key: 'unit',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/accountability/cases/${c.id}`} data-testid={`case-open-${c.id}`}>
            {c.unitName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('accountability.caseNo', { id: c.id })} · {c.openedOn}
            {c.majorCase && (
              <Tag color="volcano" style={{ marginLeft: 4 }}>
                {t('accountability.major')}
              </Tag>
            )}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('accountability.ladder'),
      key: 'ladder',
      responsive: ['lg'],
      width: 460,
      render: (_, c) => (
        <LadderSteps current={c.currentStep} overdue={c.overdue} closed={c.status === 'closed'} />
      ),
    },
    {
      title: t('accountability.currentStep'),
      key: 'step',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <StepTag step={c.currentStep} testId={`case-step-${c.id}`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.currentStepDecidedOn}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('accountability.nextDeadline'),
      key: 'deadline',
      render: (_, c) =>
        c.status === 'closed' ? (
          <Tag>{t('accountability.status.closed')}</Tag>
        ) : (
          <DeadlineCountdown deadline={c.nextDeadline} testId={`case-deadline-${c.id}`} />
        ),
    },
    {
      title: t('accountability.pendingProposals'),
      key: 'pending',
      width: 90,
      render: (_, c) =>
        c.pendingProposals > 0 ? (
          <Badge count={c.pendingProposals} data-testid={`case-pending-${c.id}`} />
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('accountability.situation'),
      key: 'situation',
      responsive: ['xl'],
      ellipsis: true,
      render: (_, c) => <SituationText c={c} />,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ProposalQueue
        unitId={filters.unitId}
        writable={writable}
        onOpenCase={(id) => navigate(`/accountability/cases/${id}`)}
      />
      <Card
        title={t('accountability.title')}
        size="small"
        extra={
          writable && (
            <Space wrap size={4}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setOpening('case')}
                data-testid="case-open-new"
              >
                {t('accountability.open')}
              </Button>
              <Button
                icon={<AlertOutlined />}
                onClick={() => setOpening('major')}
                data-testid="case-major-new"
              >
                {t('accountability.openMajor')}
              </Button>
            </Space>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <UnitPicker
            value={filters.unitId}
            placeholder={t('common.allUnits')}
            onChange={(v) => update({ unitId: v })}
            data-testid="cases-unit"
          />
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('accountability.allSteps')}
            value={filters.step ?? undefined}
            options={ACCOUNTABILITY_STEPS.map((s) => ({ value: s, label: t(`accountability.step.${s}`) }))}
            onChange={(v) => update({ step: v ?? null })}
            data-testid="cases-step"
          />
          <Select
            style={{ minWidth: 120 }}
            value={filters.status ?? 'all'}
            options={[
              ...CASE_STATUSES.map((s) => ({ value: s, label: t(`accountability.status.${s}`) })),
              { value: 'all', label: t('accountability.status.all') },
            ]}
            onChange={(v) => update({ status: v === 'open' ? null : v })}
            data-testid="cases-status"
          />
          <Checkbox
            checked={filters.pending === 'true'}
            onChange={(e) => update({ pending: e.target.checked ? 'true' : null })}
            data-testid="cases-pending"
          >
            {t('accountability.onlyPending')}
          </Checkbox>
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : null })}
            data-testid="cases-overdue"
          >
            {t('accountability.onlyOverdue')}
          </Checkbox>
        </Space>
        {cases.error ? (
          <Alert type="error" showIcon title={t('common.networkError')} />
        ) : (
          <Table<CaseSummary>
            data-testid="cases-table"
            size="small"
            rowKey="id"
            loading={cases.isFetching}
            columns={columns}
            dataSource={cases.data?.items ?? []}
            rowClassName={(c) => (c.overdue ? 'case-overdue' : '')}
            onRow={(c) => ({ 'data-testid': `case-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('accountability.empty')}</Typography.Text>,
            }}
            pagination={{
              current: page,
              pageSize,
              total: cases.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p, size) => {
                setPageSize(size);
                update({ page: p > 1 ? p : null });
              },
            }}
          />
        )}
      </Card>
      {opening === 'case' && (
        <OpenCaseDialog
          onClose={() => setOpening(null)}
          onOpened={(c) => navigate(`/accountability/cases/${c.id}`)}
        />
      )}
      {opening === 'major' && (
        <OpenMajorCaseDialog
          onClose={() => setOpening(null)}
          onOpened={(c) => navigate(`/accountability/cases/${c.id}`)}
        />
      )}
    </Space>
  );
};

const SituationText = ({ c }: { c: CaseSummary }) => {
  const { pick } = useI18n();
  return <span title={pick(c.situation)}>{pick(c.situation)}</span>;
};

/** 系统建议，待决定: what the sweep proposed from missed deadlines and facts; people accept or reject. */
export const ProposalQueue = ({
  unitId,
  caseId,
  writable,
  onOpenCase,
}: {
  unitId: number | null;
  caseId?: number;
  writable: boolean;
  onOpenCase?: (caseId: number) => void;
}) => {
  const { t, pick } = useI18n();
  const proposals = useProposals({ unitId, status: 'pending', caseId: caseId ?? null });
  const [accepting, setAccepting] = useState<Proposal | null>(null);
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const items = proposals.data?.items ?? [];
  if (caseId !== undefined && items.length === 0) return null;
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('accountability.proposals.title')}
          <Badge count={proposals.data?.total ?? 0} showZero color={items.length ? 'red' : 'gray'} />
        </Space>
      }
      data-testid="proposal-queue"
    >
      {proposals.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.proposals.empty')} />
      ) : (
        <Spin spinning={proposals.isFetching}>
          {items.map((p, i) => (
            <div
              key={p.id}
              data-testid={`proposal-${p.id}`}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                justifyContent: 'space-between',
                gap: 8,
                padding: '8px 0',
                borderTop: i === 0 ? undefined : '1px solid rgba(5, 5, 5, 0.06)',
              }}
            >
              <div style={{ minWidth: 0, flex: '1 1 320px' }}>
                <Space wrap size={4}>
                  {p.caseId !== null && onOpenCase ? (
                    <Button
                      type="link"
                      style={{ padding: 0, height: 'auto' }}
                      onClick={() => onOpenCase(p.caseId as number)}
                    >
                      {p.unitName}
                    </Button>
                  ) : (
                    <Typography.Text strong>{p.unitName}</Typography.Text>
                  )}
                  <span>→</span>
                  <StepTag step={p.step} testId={`proposal-step-${p.id}`} />
                </Space>
                <div data-testid={`proposal-reason-${p.id}`}>
                  {pick(p.reasonText)}
                  {p.dueTo && (
                    <Typography.Text type="danger">
                      {' '}
                      （{t(`accountability.deadline.${p.dueTo.kind}`)} {p.dueTo.date}）
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">
                    {' '}
                    · {t('accountability.proposal.proposedOn')} {p.proposedOn}
                  </Typography.Text>
                </div>
              </div>
              {writable && (
                <Space size={8}>
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => setAccepting(p)}
                    data-testid={`proposal-accept-open-${p.id}`}
                  >
                    {t('accountability.proposal.accept')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setRejecting(p)}
                    data-testid={`proposal-reject-open-${p.id}`}
                  >
                    {t('accountability.proposal.reject')}
                  </Button>
                </Space>
              )}
            </div>
          ))}
        </Spin>
      )}
      {accepting && <AcceptProposalDialog proposal={accepting} onClose={() => setAccepting(null)} />}
      {rejecting && <RejectProposalDialog proposal={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
};
