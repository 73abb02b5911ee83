import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { UnitPicker } from '../../components/unit-picker';
import { isAfterToday, toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { type UnitDetail, moveUnit } from './units-api';

type Values = { parentId: number; date: Dayjs };

/** 调整隶属关系: the unit and its subtree go under another parent from the date. */
export const MoveUnitDialog = ({
  unit,
  open,
  onClose,
  onMoved,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onMoved: (newParentId: number) => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={`${t('units.move')} · ${unit.name}`}
      open={open}
      onClose={onClose}
      form={form}
      testId="unit-move"
      initialValues={{ date: dayjs() }}
      onSubmit={async (v) => {
        await moveUnit(unit.id, { parentId: v.parentId, date: toIsoDate(v.date) });
        await onMoved(v.parentId);
      }}
    >
      <Form.Item
        name="parentId"
        label={t('units.newParent')}
        rules={[
          { required: true, message: t('common.required') },
          {
            validator: (_, value: number | undefined) =>
              value === unit.id || value === unit.parentId
                ? Promise.reject(new Error(t('units.sameParent')))
                : Promise.resolve(),
          },
        ]}
      >
        <UnitPicker style={{ width: '100%' }} data-testid="unit-move-parent" />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('units.changeDate')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={isAfterToday}
          data-testid="unit-move-date"
        />
      </Form.Item>
    </FormModal>
  );
};
