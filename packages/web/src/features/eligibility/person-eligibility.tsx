import { Alert, Card, Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { todayIso } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { StepTag } from '../accountability/ladder';
import { BarReasonsTable } from './bar-reasons';
import { type BarReason, type PersonSanctions, type PersonStep, usePersonSanctions } from './eligibility-api';

const inForce = (b: BarReason, today: string) => b.from <= today && (b.to === null || today < b.to);

type Event = { on: string; key: string; color: string; text: string };

/** The person's eligibility through time: each step they answered for, each bar starting and ending. */
const eligibilityEvents = (s: PersonSanctions, t: ReturnType<typeof useI18n>['t']): Event[] => {
  const events: Event[] = [];
  for (const st of s.steps) {
    events.push({
      on: st.decidedOn,
      key: `step-${st.stepId}`,
      color: 'red',
      text: t('eligibility.timeline.step', {
        unit: st.caseUnitName,
        step: t(`accountability.step.${st.step}`),
      }),
    });
    if (st.liftedOn)
      events.push({
        on: st.liftedOn,
        key: `lift-${st.stepId}`,
        color: 'green',
        text: t('eligibility.timeline.lifted', {
          unit: st.caseUnitName,
          step: t(`accountability.step.${st.step}`),
        }),
      });
  }
  for (const b of s.bars) {
    events.push({
      on: b.from,
      key: `bar-${b.id}`,
      color: 'orange',
      text: t('eligibility.timeline.barFrom', {
        bar: t(`eligibility.bar.${b.bar}`),
        to: b.to ?? t('eligibility.untilLifted'),
      }),
    });
    if (b.to)
      events.push({
        on: b.to,
        key: `bar-end-${b.id}`,
        color: 'green',
        text: t('eligibility.timeline.barEnds', { bar: t(`eligibility.bar.${b.bar}`) }),
      });
  }
  return events.sort((a, b) => b.on.localeCompare(a.on) || a.key.localeCompare(b.key));
};

/** 责任追究与资格 on the person page: sanctions, bars with their dates, and the eligibility timeline. */
export const PersonEligibilitySection = ({ personId }: { personId: number }) => {
  const { t } = useI18n();
  const { canRead } = useAccess();
  const { responsibilityRole } = useDomainLabels();
  const readable = canRead('eligibility');
  const sanctions = usePersonSanctions(personId, readable);
  if (!readable) return null;
  const today = todayIso();
  const s = sanctions.data;
  const stepColumns: TableColumnsType<PersonStep> = [
    {
      title: t('eligibility.case'),
      key: 'case',
      render: (_, st) =>
        canRead('accountability') ? (
          <Link to={`/accountability/cases/${st.caseId}`}>{st.caseUnitName}</Link>
        ) : (
          st.caseUnitName
        ),
    },
    { title: t('eligibility.step'), key: 'step', render: (_, st) => <StepTag step={st.step} /> },
    { title: t('accountability.decidedOn'), dataIndex: 'decidedOn' },
    { title: t('accountability.relevantOn'), dataIndex: 'relevantOn', responsive: ['md'] },
    {
      title: t('eligibility.roles'),
      key: 'roles',
      responsive: ['md'],
      render: (_, st) => st.roles.map((r) => responsibilityRole(r)).join('、'),
    },
    {
      title: t('accountability.stepState'),
      key: 'lifted',
      render: (_, st) =>
        st.liftedOn ? (
          <Tag color="green">{t('accountability.liftedOn', { date: st.liftedOn })}</Tag>
        ) : (
          <Tag>{t('accountability.inForce')}</Tag>
        ),
    },
  ];
  const current = s ? s.bars.filter((b) => inForce(b, today)) : [];
  return (
    <Card size="small" title={t('eligibility.personSection')} data-testid="person-eligibility">
      {sanctions.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {sanctions.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      {s &&
        (s.steps.length === 0 && s.bars.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eligibility.noSanctions')} />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <div data-testid="person-bars-now">
              <Typography.Text strong>{t('eligibility.now', { date: today })}</Typography.Text>{' '}
              {current.length === 0 ? (
                <Tag color="green">{t('eligibility.noBarNow')}</Tag>
              ) : (
                current.map((b) => (
                  <Tag key={b.id} color="red">
                    {t(`eligibility.bar.${b.bar}`)} → {b.to ?? t('eligibility.untilLifted')}
                  </Tag>
                ))
              )}
            </div>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('eligibility.sanctions')}
            </Typography.Title>
            <Table<PersonStep>
              data-testid="person-sanctions"
              size="small"
              rowKey="stepId"
              scroll={{ x: 'max-content' }}
              pagination={false}
              columns={stepColumns}
              dataSource={s.steps}
            />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('eligibility.bars')}
            </Typography.Title>
            <BarReasonsTable reasons={s.bars} testId="person-bars" />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('eligibility.timeline')}
            </Typography.Title>
            <Timeline
              data-testid="person-eligibility-timeline"
              items={eligibilityEvents(s, t).map((e) => ({
                key: e.key,
                color: e.color,
                content: (
                  <>
                    <Typography.Text strong>{e.on}</Typography.Text> {e.text}
                  </>
                ),
              }))}
            />
          </Space>
        ))}
    </Card>
  );
};
