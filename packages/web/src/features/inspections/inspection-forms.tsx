import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { INSPECTION_KINDS, FINDING_SEVERITIES } from '@zongzhi/domain';
import type { Unit } from '@zongzhi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { fetchChildren } from '../units/units-api';
import {
  type InspectionDetail,
  type InspectionKindId,
  type InspectionPlan,
  createFinding,
  createInspection,
  createPlan,
  useInvalidateInspections,
} from './inspections-api';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The unit and its children, for picking targets below an inspecting unit. */
const useUnitAndChildren = (unitId: number | null) =>
  useQuery({
    queryKey: ['inspections', 'children', unitId],
    queryFn: () => fetchChildren(unitId!),
    enabled: unitId !== null,
  });

const KindSelect = (props: { value?: InspectionKindId; onChange?: (v: InspectionKindId) => void }) => {
  const { t } = useI18n();
  return (
    <Select
      {...props}
      options={INSPECTION_KINDS.map((k) => ({ value: k, label: t(`inspections.kind.${k}`) }))}
      data-testid="inspection-kind"
    />
  );
};

type PlanValues = {
  kind: InspectionKindId;
  title: string;
  inspectingUnitId: number;
  targetUnitIds: number[];
  period: [Dayjs, Dayjs];
  areas?: { name: string; unitIds: number[] }[];
};

/** 制定检查计划, with optional split areas (分片督查). */
export const PlanForm = ({ onClose }: { onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<PlanValues>();
  const invalidate = useInvalidateInspections();
  const inspectingUnitId = Form.useWatch('inspectingUnitId', form) ?? null;
  const targets = Form.useWatch('targetUnitIds', form) ?? [];
  const children = useUnitAndChildren(inspectingUnitId);
  const options = (children.data ?? []).map((u: Unit) => ({ value: u.id, label: u.name }));
  if (inspectingUnitId !== null)
    options.unshift({ value: inspectingUnitId, label: t('inspections.body.unit_itself') });
  return (
    <FormModal
      title={t('inspections.newPlan')}
      open
      onClose={onClose}
      form={form}
      testId="inspection-plan-form"
      width={640}
      onSubmit={async (v) => {
        await createPlan({
          kind: v.kind,
          title: v.title,
          inspectingUnitId: v.inspectingUnitId,
          targetUnitIds: v.targetUnitIds,
          periodFrom: day(v.period[0]),
          periodTo: day(v.period[1]),
          areas: (v.areas ?? []).filter((a) => a.name && a.unitIds?.length),
        });
        await invalidate();
      }}
    >
      <Form.Item name="kind" label={t('inspections.kind')} rules={[{ required: true }]}>
        <KindSelect />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('inspections.planTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="inspectingUnitId" label={t('inspections.inspectingUnit')} rules={[{ required: true }]}>
        <UnitPicker data-testid="plan-inspecting-unit" />
      </Form.Item>
      <Form.Item name="targetUnitIds" label={t('inspections.targets')} rules={[{ required: true }]}>
        <Select mode="multiple" options={options} loading={children.isLoading} data-testid="plan-targets" />
      </Form.Item>
      <Form.Item name="period" label={t('inspections.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Typography.Text type="secondary">{t('inspections.areas')}</Typography.Text>
      <Form.List name="areas">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                  <Input placeholder={t('inspections.areaName')} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'unitIds']} rules={[{ required: true }]}>
                  <Select
                    mode="multiple"
                    style={{ minWidth: 240 }}
                    options={options.filter((o) => targets.includes(o.value))}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              {t('inspections.addArea')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
};

type InspectionValues = {
  kind: InspectionKindId;
  inspectingUnitId: number;
  unitId: number;
  carriedOutOn: Dayjs;
  inspectors: string;
  summary?: string;
  recheckFindingIds?: number[];
};

/** 登记检查, inside a plan (its kind and inspecting unit are fixed) or on its own; optionally a re-inspection. */
export const InspectionForm = ({
  plan,
  earlier,
  onClose,
}: {
  plan: InspectionPlan | null;
  /** Earlier findings the user may re-inspect (those of the inspection shown). */
  earlier: InspectionDetail | null;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<InspectionValues>();
  const invalidate = useInvalidateInspections();
  return (
    <FormModal
      title={t('inspections.newInspection')}
      open
      onClose={onClose}
      form={form}
      testId="inspection-form"
      initialValues={
        plan
          ? { kind: plan.kind, inspectingUnitId: plan.inspectingUnitId }
          : earlier
            ? { kind: earlier.kind, inspectingUnitId: earlier.inspectingUnitId, unitId: earlier.unitId }
            : {}
      }
      onSubmit={async (v) => {
        await createInspection({
          ...(plan ? { planId: plan.id } : {}),
          kind: v.kind,
          inspectingUnitId: v.inspectingUnitId,
          unitId: v.unitId,
          carriedOutOn: day(v.carriedOutOn),
          inspectors: v.inspectors,
          ...(v.summary ? { summary: v.summary } : {}),
          recheckFindingIds: v.recheckFindingIds ?? [],
        });
        await invalidate();
      }}
    >
      <Form.Item name="kind" label={t('inspections.kind')} rules={[{ required: true }]}>
        <KindSelect />
      </Form.Item>
      <Form.Item name="inspectingUnitId" label={t('inspections.inspectingUnit')} rules={[{ required: true }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item name="unitId" label={t('inspections.unit')} rules={[{ required: true }]}>
        {plan ? (
          <Select
            options={plan.targets.map((x) => ({
              value: x.unitId,
              label: x.area ? `${x.unitName}（${x.area}）` : x.unitName,
            }))}
          />
        ) : (
          <UnitPicker data-testid="inspection-unit" />
        )}
      </Form.Item>
      <Form.Item name="carriedOutOn" label={t('inspections.carriedOutOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="inspectors"
        label={t('inspections.inspectors')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={500} data-testid="inspection-inspectors" />
      </Form.Item>
      <Form.Item name="summary" label={t('inspections.summary')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {earlier && earlier.findingList.length > 0 && (
        <Form.Item
          name="recheckFindingIds"
          label={t('inspections.recheck')}
          extra={t('inspections.recheckHint')}
        >
          <Select
            mode="multiple"
            options={earlier.findingList.map((f) => ({
              value: f.id,
              label: `${f.number}. ${f.description}`,
            }))}
          />
        </Form.Item>
      )}
    </FormModal>
  );
};

type FindingValues = {
  severity: (typeof FINDING_SEVERITIES)[number];
  description: string;
  ownerUnitId?: number | null;
  deadline?: Dayjs | null;
  deadlineReason?: string;
};

/** 登记问题: the deadline comes from the rulebook unless overridden with a reason. */
export const FindingForm = ({
  inspection,
  onClose,
}: {
  inspection: InspectionDetail;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<FindingValues>();
  const invalidate = useInvalidateInspections();
  const deadline = Form.useWatch('deadline', form);
  return (
    <FormModal
      title={t('inspections.newFinding')}
      open
      onClose={onClose}
      form={form}
      testId="finding-form"
      initialValues={{ severity: 'general' }}
      onSubmit={async (v) => {
        await createFinding(inspection.id, {
          severity: v.severity,
          description: v.description,
          ...(v.ownerUnitId ? { ownerUnitId: v.ownerUnitId } : {}),
          ...(v.deadline ? { deadline: day(v.deadline) } : {}),
          ...(v.deadline && v.deadlineReason ? { deadlineReason: v.deadlineReason } : {}),
        });
        await invalidate();
      }}
    >
      <Form.Item name="severity" label={t('inspections.severity')} rules={[{ required: true }]}>
        <Select
          options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`inspections.severity.${s}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('inspections.description')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="finding-description" />
      </Form.Item>
      <Form.Item name="ownerUnitId" label={t('inspections.owner')} extra={t('inspections.ownerHint')}>
        <UnitPicker allowClear />
      </Form.Item>
      <Form.Item name="deadline" label={t('inspections.deadline')} extra={t('inspections.deadlineHint')}>
        <DatePicker />
      </Form.Item>
      {deadline && (
        <Form.Item
          name="deadlineReason"
          label={t('inspections.deadlineReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
};
