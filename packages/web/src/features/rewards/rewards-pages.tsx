import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  InputNumber,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { BarReasonsTable } from '../eligibility/bar-reasons';
import {
  type RewardRound,
  createRound,
  decideRound,
  proposeCandidate,
  useInvalidateRewards,
  useRound,
} from './rewards-api';

type Candidate = RewardRound['candidates'][number];

/** Opens a round for a closed annual period, or goes to an existing one. */
export const RewardsPage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const { canWrite } = useAccess();
  const [roundId, setRoundId] = useState<number | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('rewards.nav')}</Typography.Title>
      {canWrite('rewards') && (
        <Card title={t('rewards.open')}>
          <Form
            layout="inline"
            onFinish={async (v: { periodId: number }) => {
              try {
                navigate(`/rewards/rounds/${(await createRound(v.periodId)).id}`);
              } catch (e) {
                showError(e);
              }
            }}
          >
            <Form.Item name="periodId" label={t('rewards.periodId')} rules={[{ required: true }]}>
              <InputNumber min={1} data-testid="rewards-period" />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              {t('rewards.open')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('rewards.roundId')}>
        <Space>
          <InputNumber min={1} value={roundId} onChange={(v) => setRoundId(v)} />
          <Button disabled={!roundId} onClick={() => navigate(`/rewards/rounds/${roundId}`)}>
            {t('rewards.go')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
};

/** A round: candidates, exclusions with their reasons, proposing individuals and deciding. */
export const RewardRoundPage = () => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { canWrite } = useAccess();
  const id = Number(useParams().id);
  const round = useRound(id);
  const invalidate = useInvalidateRewards();
  const [selected, setSelected] = useState<number[]>([]);
  if (round.isLoading) return <Spin />;
  if (!round.data) return <Empty />;
  const r = round.data;
  const open = r.status === 'open' && canWrite('rewards');
  const columns: TableColumnsType<Candidate> = [
    { title: t('rewards.candidate'), key: 'party', render: (_, c) => c.party.name },
    { title: t('rewards.kind'), key: 'kind', render: (_, c) => t(`rewards.kind.${c.kind}`) },
    {
      title: t('rewards.eligible'),
      key: 'eligible',
      render: (_, c) =>
        c.eligible ? (
          <Tag color="green">{t('rewards.ok')}</Tag>
        ) : (
          <Tag color="red">{t('rewards.excluded')}</Tag>
        ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {t('rewards.title')} · {t('rewards.year', { year: r.year, unit: r.rootUnitName })}{' '}
        <Tag>{t(`rewards.status.${r.status}`)}</Tag>
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        data-testid="rewards-quota"
        message={t('rewards.quota', {
          percent: r.quota.percent,
          rounding: r.quota.rounding,
          ranked: r.quota.rankedUnits,
          units: r.quota.advancedUnits,
        })}
        description={<QuotaBasis round={r} />}
      />
      <Table<Candidate>
        rowKey="id"
        columns={columns}
        dataSource={r.candidates}
        pagination={false}
        scroll={{ x: true }}
        rowSelection={
          open
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (c) => ({ disabled: !c.eligible }),
              }
            : undefined
        }
        expandable={{
          rowExpandable: (c) => c.exclusions.length > 0,
          expandedRowRender: (c) => <BarReasonsTable reasons={c.exclusions} />,
          defaultExpandAllRows: true,
        }}
      />
      {open && (
        <>
          <Button
            type="primary"
            disabled={selected.length === 0}
            data-testid="rewards-decide"
            onClick={async () => {
              try {
                await decideRound(id, selected);
                message.success(t('rewards.decided'));
                await invalidate();
              } catch (e) {
                showError(e);
              }
            }}
          >
            {t('rewards.decide')}
          </Button>
          <Card title={t('rewards.propose')}>
            <Form
              layout="inline"
              initialValues={{ kind: 'advanced_individual' }}
              onFinish={async (v: { personId: number; kind: string }) => {
                try {
                  await proposeCandidate(id, v.personId, v.kind);
                  await invalidate();
                } catch (e) {
                  showError(e);
                }
              }}
            >
              <Form.Item name="personId" label={t('rewards.personId')} rules={[{ required: true }]}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="kind" label={t('rewards.kind')}>
                <Select
                  style={{ width: 140 }}
                  options={(['advanced_individual', 'citation', 'praise'] as const).map((k) => ({
                    value: k,
                    label: t(`rewards.kind.${k}`),
                  }))}
                />
              </Form.Item>
              <Button htmlType="submit">{t('rewards.propose')}</Button>
            </Form>
          </Card>
        </>
      )}
    </Space>
  );
};

/** The individuals' own quota (先进个人名额) with what it is computed from and the rule it comes from. */
const QuotaBasis = ({ round: r }: { round: RewardRound }) => {
  const { t } = useI18n();
  const labels = useDomainLabels();
  const q = r.quota.individuals;
  const citation = q.source ? [q.source.article, q.source.note].filter(Boolean).join(' — ') : '—';
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text data-testid="rewards-quota-individuals">
        {q.basis === 'share_of_leaders'
          ? t('rewards.quotaIndividuals', {
              places: q.places,
              onDate: q.onDate,
              assessed: q.assessedUnits,
              roles: q.roles.map(labels.responsibilityRole).join('、'),
              base: q.base,
              percent: q.percent,
              rounding: q.rounding,
            })
          : t('rewards.quotaIndividualsLegacy', { places: q.places, percent: q.percent, base: q.base })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('rewards.quotaBasis', { field: q.field, citation })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('rewards.asOf', { date: r.asOf })}</Typography.Text>
    </Space>
  );
};
