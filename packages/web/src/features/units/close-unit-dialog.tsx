import { Alert, App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { isAfterToday, toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { type UnitDetail, closeUnit } from './units-api';

type Values = { date: Dayjs };

/**
 * 撤销单位 from a date, after a second confirmation: it cannot be undone from the web. The server
 * refuses a unit that still has current children, or posts that start on or after the date.
 */
export const CloseUnitDialog = ({
  unit,
  open,
  onClose,
  onClosed,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onClosed: () => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={`${t('units.close')} · ${unit.name}`}
      open={open}
      onClose={onClose}
      form={form}
      testId="unit-close"
      danger
      okText={t('units.close')}
      initialValues={{ date: dayjs() }}
      onSubmit={async (v) => {
        const date = toIsoDate(v.date);
        const confirmed = await modal.confirm({
          title: t('units.closeConfirm', { name: unit.name, date }),
          okText: t('units.close'),
          okButtonProps: { danger: true },
        });
        if (!confirmed) return false;
        await closeUnit(unit.id, { date });
        await onClosed();
      }}
    >
      <Alert type="warning" showIcon title={t('units.closeHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="date"
        label={t('units.validTo')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={isAfterToday}
          data-testid="unit-close-date"
        />
      </Form.Item>
    </FormModal>
  );
};
