import type { UnitKind } from '@zongzhi/domain';
import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { LIKELY_CHILD_KIND, UnitFormFields } from './unit-form-fields';
import { type Unit, type UnitDetail, createUnit } from './units-api';

type Values = { code: string; name: string; kind: UnitKind; population: number | null; validFrom: Dayjs };

/** 新增下级单位: a child of `parent`, existing from validFrom. */
export const CreateUnitDialog = ({
  parent,
  open,
  onClose,
  onCreated,
}: {
  parent: UnitDetail;
  open: boolean;
  onClose: () => void;
  onCreated: (unit: Unit) => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={`${t('units.addChild')} · ${parent.name}`}
      open={open}
      onClose={onClose}
      form={form}
      testId="unit-create"
      initialValues={{ kind: LIKELY_CHILD_KIND[parent.kind], validFrom: dayjs(), population: null }}
      onSubmit={async (v) => {
        const unit = await createUnit({
          parentId: parent.id,
          code: v.code.trim(),
          name: v.name.trim(),
          kind: v.kind,
          population: v.population ?? null,
          validFrom: toIsoDate(v.validFrom),
        });
        await onCreated(unit);
      }}
    >
      <UnitFormFields testId="unit-create" />
      <Form.Item
        name="validFrom"
        label={t('units.validFrom')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="unit-create-validFrom" />
      </Form.Item>
    </FormModal>
  );
};
