import type { UpdatePersonRequest } from '@zongzhi/contracts';
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { UnitPicker } from '../../components/unit-picker';
import { toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { type Person, createPerson, updatePerson } from './people-api';

type Values = {
  name: string;
  gender?: 'male' | 'female' | null;
  birthDate?: Dayjs | null;
  phone?: string;
  unitId?: number;
};

// The API's pattern (contracts phoneSchema): mainland mobile or landline, optional +86 and dashes.
const PHONE = /^(\+86)?[0-9-]{7,20}$/;

/**
 * 新增人员 (with `person` absent) or 编辑人员. A phone the caller sees masked (138****5678) is not
 * put in the form: left empty it stays as it is; typed, it is replaced.
 */
export const PersonFormDialog = ({
  person,
  defaultUnitId,
  onClose,
  onSaved,
}: {
  person?: Person;
  defaultUnitId?: number | null;
  onClose: () => void;
  onSaved: (person: Person) => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = person !== undefined;
  const phoneHidden = editing && person.phoneMasked;
  return (
    <FormModal<Values>
      title={editing ? `${t('people.edit')} · ${person.name}` : t('people.create')}
      open
      onClose={onClose}
      form={form}
      testId={editing ? 'person-edit' : 'person-create'}
      initialValues={
        editing
          ? {
              name: person.name,
              gender: person.gender,
              birthDate: person.birthDate ? dayjs(person.birthDate) : null,
              phone: phoneHidden ? '' : (person.phone ?? ''),
            }
          : { unitId: defaultUnitId ?? undefined }
      }
      onSubmit={async (v) => {
        const phone = v.phone?.trim() ?? '';
        const fields: UpdatePersonRequest & { name: string } = {
          name: v.name.trim(),
          gender: v.gender ?? null,
          birthDate: v.birthDate ? toIsoDate(v.birthDate) : null,
        };
        if (!(phoneHidden && phone === '')) fields.phone = phone === '' ? null : phone;
        const saved = editing
          ? await updatePerson(person.id, fields)
          : await createPerson({ ...fields, unitId: v.unitId as number });
        await onSaved(saved);
      }}
    >
      <Form.Item
        name="name"
        label={t('people.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={50} data-testid="person-form-name" />
      </Form.Item>
      <Form.Item name="gender" label={t('people.gender')}>
        <Radio.Group
          data-testid="person-form-gender"
          options={[
            { value: 'male', label: t('people.male') },
            { value: 'female', label: t('people.female') },
          ]}
        />
      </Form.Item>
      <Form.Item name="birthDate" label={t('people.birthDate')}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="person-form-birthDate"
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('people.phone')}
        extra={phoneHidden ? `${t('people.phoneKeep')}（${person.phone}）` : undefined}
        rules={[{ pattern: PHONE, message: t('people.phoneFormat') }]}
      >
        <Input maxLength={24} inputMode="tel" autoComplete="off" data-testid="person-form-phone" />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="unitId"
          label={t('people.unit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitPicker style={{ width: '100%' }} data-testid="person-form-unit" />
        </Form.Item>
      )}
    </FormModal>
  );
};
