import type { UpdateUnitRequest } from '@zongzhi/contracts';
import type { UnitKind } from '@zongzhi/domain';
import { App, DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { isAfterToday, toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { UnitFormFields } from './unit-form-fields';
import { type UnitDetail, updateUnit } from './units-api';

type Values = { code: string; name: string; kind: UnitKind; population: number | null; date?: Dayjs | null };

/**
 * 编辑单位. Without 生效日期 the open version is corrected in place; with a date after that
 * version's start, the change opens a new version from the date (更名, 改码…) and history keeps the old.
 */
export const EditUnitDialog = ({
  unit,
  open,
  onClose,
  onSaved,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onSaved: () => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={`${t('units.edit')} · ${unit.name}`}
      open={open}
      onClose={onClose}
      form={form}
      testId="unit-edit"
      initialValues={{ code: unit.code, name: unit.name, kind: unit.kind, population: unit.population }}
      onSubmit={async (v) => {
        // Only what changed is sent, so the audit record names the real change.
        const body: UpdateUnitRequest = {};
        if (v.code.trim() !== unit.code) body.code = v.code.trim();
        if (v.name.trim() !== unit.name) body.name = v.name.trim();
        if (v.kind !== unit.kind) body.kind = v.kind;
        if ((v.population ?? null) !== unit.population) body.population = v.population ?? null;
        if (Object.keys(body).length === 0) {
          message.info(t('units.noChange'));
          return false;
        }
        if (v.date) body.date = toIsoDate(v.date);
        await updateUnit(unit.id, body);
        await onSaved();
      }}
    >
      <UnitFormFields testId="unit-edit" />
      <Form.Item
        name="date"
        label={t('units.effectiveDate')}
        extra={t('units.effectiveDateHint', { from: unit.validFrom })}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} data-testid="unit-edit-date" />
      </Form.Item>
    </FormModal>
  );
};
