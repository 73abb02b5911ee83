import { useQuery } from '@tanstack/react-query';
import type { Incident } from '@zongzhi/contracts';
import { CASE_REPORT_KINDS, CIRCUMSTANCE_KINDS, INCIDENT_KIND_LABELS, LADDER_STEPS } from '@zongzhi/domain';
import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { UnitPicker } from '../../components/unit-picker';
import { type Page, api } from '../../lib/api';
import { isAfterToday, toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import {
  type CaseDetail,
  acceptRectification,
  decideStep,
  openCase,
  openMajorCase,
  recordCircumstance,
  recordReport,
  useCaseOptions,
  useInvalidateAccountability,
} from './accountability-api';

const useRequired = () => {
  const { t } = useI18n();
  return [{ required: true, message: t('common.required') }];
};
const useRequiredText = () => {
  const { t } = useI18n();
  return [{ required: true, whitespace: true, message: t('common.required') }];
};

type OpenValues = {
  unitId: number;
  situationId: string;
  relevantOn: Dayjs;
  facts: string;
  step?: (typeof LADDER_STEPS)[number];
  triggerId?: string;
  decisionBody?: string;
  decidedOn: Dayjs;
};

/** 立案: a case against a unit for a situation of its rulebook; its first step (通报 unless the harm warrants more) is decided at once. */
export const OpenCaseDialog = ({
  onClose,
  onOpened,
}: {
  onClose: () => void;
  onOpened: (c: CaseDetail) => void;
}) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<OpenValues>();
  const unitId = Form.useWatch('unitId', form) ?? null;
  const step = Form.useWatch('step', form);
  const options = useCaseOptions(unitId);
  const invalidate = useInvalidateAccountability();
  const required = useRequired();
  const o = options.data;
  const firstStep = o?.steps[0]?.step;
  const chosen = o?.steps.find((s) => s.step === step);
  const skipping = step !== undefined && firstStep !== undefined && step !== firstStep;
  return (
    <FormModal<OpenValues>
      title={t('accountability.open')}
      open
      onClose={onClose}
      form={form}
      testId="case-open"
      width={640}
      initialValues={{ relevantOn: dayjs(), decidedOn: dayjs() }}
      onSubmit={async (v) => {
        const opened = await openCase({
          unitId: v.unitId,
          situationId: v.situationId,
          relevantOn: toIsoDate(v.relevantOn),
          facts: v.facts.trim(),
          ...(v.step ? { step: v.step } : {}),
          ...(v.triggerId ? { triggerId: v.triggerId } : {}),
          ...(v.decisionBody ? { decisionBody: v.decisionBody } : {}),
          decidedOn: toIsoDate(v.decidedOn),
        });
        await invalidate();
        onOpened(opened);
      }}
    >
      <Form.Item name="unitId" label={t('common.unit')} rules={required}>
        <UnitPicker style={{ width: '100%' }} data-testid="case-open-unitId" />
      </Form.Item>
      {options.error && <Alert type="error" showIcon title={t('accountability.noRulebook')} />}
      <Form.Item name="situationId" label={t('accountability.situation')} rules={required}>
        <Select
          disabled={!o}
          data-testid="case-open-situationId"
          options={(o?.situations ?? []).map((s) => ({
            value: s.id,
            label: pick(s.description),
            'data-testid': `situation-option-${s.id}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="relevantOn"
        label={t('accountability.relevantOn')}
        extra={t('accountability.relevantOnHint')}
        rules={required}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={isAfterToday}
          data-testid="case-open-relevantOn"
        />
      </Form.Item>
      <Form.Item name="facts" label={t('accountability.facts')} rules={useRequiredText()}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          data-testid="case-open-facts"
        />
      </Form.Item>
      <Form.Item name="step" label={t('accountability.firstStep')} extra={t('accountability.firstStepHint')}>
        <Select
          allowClear
          disabled={!o}
          placeholder={firstStep ? t(`accountability.step.${firstStep}`) : undefined}
          data-testid="case-open-step"
          options={(o?.steps ?? []).map((s) => ({
            value: s.step,
            label: pick(s.name),
            'data-testid': `step-option-${s.step}`,
          }))}
        />
      </Form.Item>
      {skipping && (
        <Form.Item name="triggerId" label={t('accountability.trigger')} rules={required}>
          <Select
            data-testid="case-open-triggerId"
            options={(chosen?.triggers ?? []).map((tr) => ({ value: tr.id, label: pick(tr.description) }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="decisionBody"
        label={t('accountability.decisionBody')}
        extra={t('accountability.decisionBodyHint')}
      >
        <Select
          allowClear
          disabled={!o}
          data-testid="case-open-decisionBody"
          options={(o?.bodies ?? []).map((b) => ({ value: b.id, label: pick(b.name) }))}
        />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('accountability.decidedOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} data-testid="case-open-decidedOn" />
      </Form.Item>
    </FormModal>
  );
};

type MajorValues = {
  unitId: number;
  incidentId: number;
  situationId: string;
  facts?: string;
  decisionBody?: string;
};

/** 重大案件领导责任查究 (seed 001): a case opened from a recorded incident, its notice issued. */
export const OpenMajorCaseDialog = ({
  onClose,
  onOpened,
}: {
  onClose: () => void;
  onOpened: (c: CaseDetail) => void;
}) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<MajorValues>();
  const unitId = Form.useWatch('unitId', form) ?? null;
  const options = useCaseOptions(unitId);
  const incidents = useQuery({
    queryKey: ['incidents', 'list', 'for-case', unitId],
    queryFn: () => api.get<Page<Incident>>('/incidents', { unitId, pageSize: 100 }),
    enabled: unitId !== null,
  });
  const invalidate = useInvalidateAccountability();
  const required = useRequired();
  return (
    <FormModal<MajorValues>
      title={t('accountability.openMajor')}
      open
      onClose={onClose}
      form={form}
      testId="case-major"
      width={640}
      onSubmit={async (v) => {
        const opened = await openMajorCase({
          incidentId: v.incidentId,
          situationId: v.situationId,
          ...(v.facts?.trim() ? { facts: v.facts.trim() } : {}),
          ...(v.decisionBody ? { decisionBody: v.decisionBody } : {}),
        });
        await invalidate();
        onOpened(opened);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('accountability.openMajorHint')} />
      <Form.Item name="unitId" label={t('common.unit')} rules={required}>
        <UnitPicker style={{ width: '100%' }} data-testid="case-major-unitId" />
      </Form.Item>
      <Form.Item name="incidentId" label={t('accountability.incident')} rules={required}>
        <Select
          disabled={unitId === null}
          loading={incidents.isLoading && unitId !== null}
          data-testid="case-major-incidentId"
          options={(incidents.data?.items ?? []).map((i) => ({
            value: i.id,
            label: `${dayjs(i.occurredAt).format('YYYY-MM-DD')} ${pick(INCIDENT_KIND_LABELS[i.kind])} · ${i.place}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="situationId" label={t('accountability.situation')} rules={required}>
        <Select
          disabled={!options.data}
          data-testid="case-major-situationId"
          options={(options.data?.situations ?? []).map((s) => ({ value: s.id, label: pick(s.description) }))}
        />
      </Form.Item>
      <Form.Item name="facts" label={t('accountability.facts')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={5000}
          data-testid="case-major-facts"
        />
      </Form.Item>
      <Form.Item name="decisionBody" label={t('accountability.decisionBody')}>
        <Select
          allowClear
          disabled={!options.data}
          options={(options.data?.bodies ?? []).map((b) => ({ value: b.id, label: pick(b.name) }))}
        />
      </Form.Item>
    </FormModal>
  );
};

type ReportValues = { kind: (typeof CASE_REPORT_KINDS)[number]; text: string; submittedOn: Dayjs };

/** 登记整改报告: a progress report, or the unit's submission that rectification is done. */
export const RecordReportDialog = ({ caseId, onClose }: { caseId: number; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<ReportValues>();
  const invalidate = useInvalidateAccountability();
  const required = useRequired();
  return (
    <FormModal<ReportValues>
      title={t('accountability.report.record')}
      open
      onClose={onClose}
      form={form}
      testId="case-report"
      initialValues={{ kind: 'progress', submittedOn: dayjs() }}
      onSubmit={async (v) => {
        await recordReport(caseId, {
          kind: v.kind,
          text: v.text.trim(),
          submittedOn: toIsoDate(v.submittedOn),
        });
        await invalidate();
      }}
    >
      <Form.Item name="kind" label={t('accountability.report.kind')} rules={required}>
        <Select
          data-testid="case-report-kind"
          options={CASE_REPORT_KINDS.map((k) => ({ value: k, label: t(`accountability.report.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="text" label={t('accountability.report.text')} rules={useRequiredText()}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          data-testid="case-report-text"
        />
      </Form.Item>
      <Form.Item name="submittedOn" label={t('accountability.report.submittedOn')} rules={required}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={isAfterToday}
          data-testid="case-report-submittedOn"
        />
      </Form.Item>
    </FormModal>
  );
};

type AcceptanceValues = { note: string; acceptedOn: Dayjs };

/** 验收: the current step's rectification is accepted, the step (a listing too) lifted and the case closed. */
export const AcceptRectificationDialog = ({ caseId, onClose }: { caseId: number; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<AcceptanceValues>();
  const invalidate = useInvalidateAccountability();
  return (
    <FormModal<AcceptanceValues>
      title={t('accountability.acceptance')}
      open
      onClose={onClose}
      form={form}
      testId="case-acceptance"
      initialValues={{ acceptedOn: dayjs() }}
      onSubmit={async (v) => {
        await acceptRectification(caseId, { note: v.note.trim(), acceptedOn: toIsoDate(v.acceptedOn) });
        await invalidate();
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('accountability.acceptanceHint')}
      />
      <Form.Item name="note" label={t('accountability.acceptanceNote')} rules={useRequiredText()}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          data-testid="case-acceptance-note"
        />
      </Form.Item>
      <Form.Item name="acceptedOn" label={t('accountability.acceptedOn')} rules={useRequired()}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={isAfterToday}
          data-testid="case-acceptance-acceptedOn"
        />
      </Form.Item>
    </FormModal>
  );
};

type DecideValues = {
  step: string;
  triggerId?: string;
  reason: string;
  decisionBody?: string;
  decidedOn: Dayjs;
};

/** 直接决定: a step decided on the case without a proposal (never lower than the current one). */
export const DecideStepDialog = ({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<DecideValues>();
  const step = Form.useWatch('step', form);
  const invalidate = useInvalidateAccountability();
  const required = useRequired();
  const chosen = detail.options.steps.find((s) => s.step === step);
  return (
    <FormModal<DecideValues>
      title={t('accountability.decide')}
      open
      onClose={onClose}
      form={form}
      testId="case-decide"
      danger
      width={600}
      initialValues={{ decidedOn: dayjs() }}
      onSubmit={async (v) => {
        await decideStep(detail.id, {
          step: v.step as Parameters<typeof decideStep>[1]['step'],
          ...(v.triggerId ? { triggerId: v.triggerId } : {}),
          reason: v.reason.trim(),
          ...(v.decisionBody ? { decisionBody: v.decisionBody } : {}),
          decidedOn: toIsoDate(v.decidedOn),
        });
        await invalidate();
      }}
    >
      <Form.Item name="step" label={t('accountability.proposal.step')} rules={required}>
        <Select
          data-testid="case-decide-step"
          options={detail.options.steps
            .filter((s) => s.step !== 'major_case_notice')
            .map((s) => ({
              value: s.step,
              label: pick(s.name),
              'data-testid': `decide-step-option-${s.step}`,
            }))}
        />
      </Form.Item>
      {chosen && chosen.triggers.length > 0 && (
        <Form.Item
          name="triggerId"
          label={t('accountability.trigger')}
          extra={t('accountability.triggerHint')}
        >
          <Select
            allowClear
            data-testid="case-decide-triggerId"
            options={chosen.triggers.map((tr) => ({ value: tr.id, label: pick(tr.description) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('accountability.decideReason')} rules={useRequiredText()}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          data-testid="case-decide-reason"
        />
      </Form.Item>
      <Form.Item
        name="decisionBody"
        label={t('accountability.decisionBody')}
        extra={t('accountability.decisionBodyHint')}
      >
        <Select
          allowClear
          data-testid="case-decide-decisionBody"
          options={detail.options.bodies.map((b) => ({ value: b.id, label: pick(b.name) }))}
        />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('accountability.decidedOn')} rules={required}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={isAfterToday}
          data-testid="case-decide-decidedOn"
        />
      </Form.Item>
    </FormModal>
  );
};

export type CircumstancePreset = {
  kind: (typeof CIRCUMSTANCE_KINDS)[number];
  circumstanceId: string;
  incidentId?: number;
};

type CircumstanceValues = {
  kind: (typeof CIRCUMSTANCE_KINDS)[number];
  circumstanceId: string;
  note?: string;
  incidentId?: number;
};

/** 从重 / 从轻 (000 arts. 34–35): a circumstance of the rulebook recorded on the case. */
export const CircumstanceDialog = ({
  detail,
  preset,
  onClose,
}: {
  detail: CaseDetail;
  preset: CircumstancePreset | null;
  onClose: () => void;
}) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<CircumstanceValues>();
  const kind = Form.useWatch('kind', form) ?? preset?.kind;
  const invalidate = useInvalidateAccountability();
  const required = useRequired();
  const list = kind === 'mitigating' ? detail.options.mitigating : detail.options.aggravating;
  return (
    <FormModal<CircumstanceValues>
      title={t('accountability.circumstance.record')}
      open
      onClose={onClose}
      form={form}
      testId="case-circumstance"
      width={600}
      initialValues={preset ?? { kind: 'aggravating' }}
      onSubmit={async (v) => {
        await recordCircumstance(detail.id, {
          kind: v.kind,
          circumstanceId: v.circumstanceId,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          ...(v.incidentId ? { incidentId: v.incidentId } : {}),
        });
        await invalidate();
      }}
    >
      <Form.Item name="kind" label={t('accountability.circumstance.kind')} rules={required}>
        <Select
          data-testid="case-circumstance-kind"
          onChange={() => form.setFieldValue('circumstanceId', undefined)}
          options={CIRCUMSTANCE_KINDS.map((k) => ({
            value: k,
            label: t(`accountability.circumstance.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="circumstanceId" label={t('accountability.circumstance.which')} rules={required}>
        <Select
          data-testid="case-circumstance-id"
          options={list.map((c) => ({ value: c.id, label: pick(c.description) }))}
        />
      </Form.Item>
      <Form.Item name="incidentId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="note" label={t('accountability.note')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          data-testid="case-circumstance-note"
        />
      </Form.Item>
    </FormModal>
  );
};
