import { DatePicker, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { UnitPicker } from '../../components/unit-picker';
import { toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { attachRulebook, useInvalidateRulebooks, useRulebooks } from './rulebook-api';

type Values = { rulebookId: string; unitId: number; validFrom: Dayjs };

/** 为单位指定制度: a rulebook applies to a unit and its subtree from a date. */
export const AttachRulebookDialog = ({
  rulebookId,
  unitId,
  onClose,
}: {
  rulebookId?: string;
  unitId?: number;
  onClose: () => void;
}) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const rulebooks = useRulebooks();
  const invalidate = useInvalidateRulebooks();
  return (
    <FormModal<Values>
      title={t('rulebooks.attachTitle')}
      open
      onClose={onClose}
      form={form}
      testId="rulebook-attach"
      initialValues={{
        ...(rulebookId ? { rulebookId } : {}),
        ...(unitId ? { unitId } : {}),
        validFrom: dayjs().startOf('year'),
      }}
      onSubmit={async (v) => {
        await attachRulebook(v.unitId, { rulebookId: v.rulebookId, validFrom: toIsoDate(v.validFrom) });
        await invalidate();
      }}
    >
      <Typography.Paragraph type="secondary">{t('rulebooks.attachHint')}</Typography.Paragraph>
      <Form.Item
        name="rulebookId"
        label={t('rulebooks.rulebook')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={rulebooks.isLoading}
          options={(rulebooks.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${pick(r.name)}（${r.id}）`,
            'data-testid': `rulebook-attach-option-${r.id}`,
          }))}
          data-testid="rulebook-attach-rulebook"
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('common.unit')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <UnitPicker style={{ width: '100%' }} data-testid="rulebook-attach-unit" />
      </Form.Item>
      <Form.Item
        name="validFrom"
        label={t('rulebooks.validFrom')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="rulebook-attach-validFrom" />
      </Form.Item>
    </FormModal>
  );
};
