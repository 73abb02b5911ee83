import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { StepTag } from '../accountability/ladder';
import type { BarReason, EligibilityAnswer } from './eligibility-api';

/** The rule behind a bar: rulebook and version, document and article, and its window. */
export const RuleText = ({ rule }: { rule: BarReason['rule'] }) => {
  const { t, pick } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {rule.citation ? `${rule.citation.doc} ${rule.citation.article}` : t('eligibility.noCitation')}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rule.rulebookId} v{rule.rulebookVersion} · {rule.windowId}
        {rule.months !== null ? ` · ${t('eligibility.months', { months: rule.months })}` : ''}
        {rule.until ? ` · ${pick(rule.until)}` : ''}
      </Typography.Text>
    </Space>
  );
};

/** Every bar with its case, step, rule and article, and the date it ends. */
export const BarReasonsTable = ({ reasons, testId }: { reasons: BarReason[]; testId?: string }) => {
  const { t, pick } = useI18n();
  const { responsibilityRole } = useDomainLabels();
  const { canRead } = useAccess();
  const columns: TableColumnsType<BarReason> = [
    {
      title: t('eligibility.case'),
      key: 'case',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {canRead('accountability') ? (
            <Link to={`/accountability/cases/${r.caseId}`}>{r.caseUnitName}</Link>
          ) : (
            <span>{r.caseUnitName}</span>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('accountability.caseNo', { id: r.caseId })} · {r.decidedOn}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('eligibility.step'), key: 'step', render: (_, r) => <StepTag step={r.step} /> },
    {
      title: t('eligibility.roles'),
      key: 'roles',
      responsive: ['md'],
      render: (_, r) =>
        r.partyKind === 'unit'
          ? t('eligibility.theUnit')
          : r.roles.map((role) => responsibilityRole(role)).join('、') || '—',
    },
    {
      title: t('eligibility.bar'),
      key: 'bar',
      render: (_, r) => <Tag color="red">{t(`eligibility.bar.${r.bar}`)}</Tag>,
    },
    { title: t('eligibility.rule'), key: 'rule', render: (_, r) => <RuleText rule={r.rule} /> },
    { title: t('eligibility.from'), dataIndex: 'from' },
    {
      title: t('eligibility.to'),
      key: 'to',
      render: (_, r) =>
        r.to ?? <Tag color="volcano">{r.rule.until ? pick(r.rule.until) : t('eligibility.untilLifted')}</Tag>,
    },
  ];
  return (
    <Table<BarReason>
      data-testid={testId}
      size="small"
      rowKey="id"
      scroll={{ x: 'max-content' }}
      pagination={false}
      columns={columns}
      dataSource={reasons}
    />
  );
};

/** 符合 / 不符合: the answer, when the party is eligible again, and every reason. */
export const EligibilityAnswerView = ({ answer }: { answer: EligibilityAnswer }) => {
  const { t } = useI18n();
  const purpose = t(`eligibility.purpose.${answer.purpose}`);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="eligibility-answer">
      {answer.eligible ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          data-testid="eligibility-verdict"
          data-eligible="true"
          title={t('eligibility.eligible', { name: answer.party.name, date: answer.date, purpose })}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<CloseCircleFilled />}
          data-testid="eligibility-verdict"
          data-eligible="false"
          title={t('eligibility.notEligible', { name: answer.party.name, date: answer.date, purpose })}
          description={
            answer.eligibleFrom
              ? t('eligibility.eligibleFrom', { date: answer.eligibleFrom })
              : t('eligibility.openEnded')
          }
        />
      )}
      {answer.reasons.length > 0 && <BarReasonsTable reasons={answer.reasons} testId="eligibility-reasons" />}
    </Space>
  );
};
