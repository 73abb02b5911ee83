import { type UnitKind, checkUnitCode } from '@zongzhi/domain';
import { Form, Input, InputNumber } from 'antd';
import { UnitKindSelect } from '../../components/unit-kind-select';
import { useI18n } from '../../lib/i18n/i18n';

/** The kind a new child most likely has: the next level of the territorial tree. */
export const LIKELY_CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = {
  province: 'city',
  city: 'county',
  county: 'town',
  town: 'village',
  village: 'grid',
  department: 'subunit',
};

/**
 * Code, name, kind and population of a unit, shared by the create and edit forms. The code is
 * checked against its kind as the server does (12-digit division codes, 13–19-digit grid codes),
 * so the person typing sees it at once; the server's answer still lands on the same fields.
 */
export const UnitFormFields = ({ testId }: { testId: string }) => {
  const { t, lang } = useI18n();
  return (
    <>
      <Form.Item
        name="name"
        label={t('units.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('units.kind')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <UnitKindSelect data-testid={`${testId}-kind`} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('units.code')}
        dependencies={['kind']}
        extra={t('units.codeHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_: unknown, value: string | undefined) => {
              const kind = getFieldValue('kind') as UnitKind | undefined;
              const problem = value && kind ? checkUnitCode(kind, value.trim()) : null;
              return problem ? Promise.reject(new Error(problem[lang])) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input maxLength={32} inputMode="numeric" data-testid={`${testId}-code`} />
      </Form.Item>
      <Form.Item name="population" label={t('units.population')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid={`${testId}-population`} />
      </Form.Item>
    </>
  );
};
