import { Alert, DatePicker, Descriptions, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { isAfterToday, toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import {
  type Proposal,
  decideProposal,
  useCaseOptions,
  useInvalidateAccountability,
} from './accountability-api';
import { StepTag } from './ladder';

const ProposalFacts = ({ proposal }: { proposal: Proposal }) => {
  const { t, pick } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'unit', label: t('common.unit'), children: proposal.unitName },
        {
          key: 'step',
          label: t('accountability.proposal.step'),
          children: <StepTag step={proposal.step} />,
        },
        { key: 'reason', label: t('accountability.proposal.reason'), children: pick(proposal.reasonText) },
        ...(proposal.dueTo
          ? [
              {
                key: 'dueTo',
                label: t('accountability.proposal.dueTo'),
                children: `${t(`accountability.deadline.${proposal.dueTo.kind}`)} ${proposal.dueTo.date}`,
              },
            ]
          : []),
        { key: 'proposedOn', label: t('accountability.proposal.proposedOn'), children: proposal.proposedOn },
      ]}
    />
  );
};

type AcceptValues = { decisionBody: string; note?: string; decidedOn: Dayjs };

/** 采纳建议: the step is decided, with the body that decided it (e.g. 五部门联席会议) recorded. */
export const AcceptProposalDialog = ({
  proposal,
  onClose,
  onDecided,
}: {
  proposal: Proposal;
  onClose: () => void;
  onDecided?: (p: Proposal) => void;
}) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<AcceptValues>();
  const options = useCaseOptions(proposal.unitId);
  const invalidate = useInvalidateAccountability();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<AcceptValues>
      title={t('accountability.proposal.acceptTitle')}
      open
      onClose={onClose}
      form={form}
      testId="proposal-accept"
      okText={t('accountability.proposal.accept')}
      initialValues={{ decidedOn: dayjs() }}
      onSubmit={async (v) => {
        const decided = await decideProposal(proposal.id, {
          decision: 'accept',
          decisionBody: v.decisionBody,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          decidedOn: toIsoDate(v.decidedOn),
        });
        await invalidate();
        onDecided?.(decided);
      }}
    >
      <ProposalFacts proposal={proposal} />
      {options.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      <Form.Item name="decisionBody" label={t('accountability.decisionBody')} rules={required}>
        <Select
          loading={options.isLoading}
          data-testid="proposal-accept-decisionBody"
          options={(options.data?.bodies ?? []).map((b) => ({
            value: b.id,
            label: pick(b.name),
            'data-testid': `decision-body-option-${b.id}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('accountability.decidedOn')} rules={required}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={isAfterToday}
          data-testid="proposal-accept-decidedOn"
        />
      </Form.Item>
      <Form.Item name="note" label={t('accountability.note')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          data-testid="proposal-accept-note"
        />
      </Form.Item>
    </FormModal>
  );
};

type RejectValues = { reason: string };

/** 不予采纳: the proposal is closed with the reason, which the record keeps. */
export const RejectProposalDialog = ({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<RejectValues>();
  const invalidate = useInvalidateAccountability();
  return (
    <FormModal<RejectValues>
      title={t('accountability.proposal.rejectTitle')}
      open
      onClose={onClose}
      form={form}
      testId="proposal-reject"
      danger
      okText={t('accountability.proposal.reject')}
      onSubmit={async (v) => {
        await decideProposal(proposal.id, { decision: 'reject', reason: v.reason.trim() });
        await invalidate();
      }}
    >
      <ProposalFacts proposal={proposal} />
      <Form.Item
        name="reason"
        label={t('accountability.proposal.rejectReason')}
        rules={[{ required: true, whitespace: true, message: t('accountability.proposal.reasonRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          data-testid="proposal-reject-reason"
        />
      </Form.Item>
    </FormModal>
  );
};
