import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { SplitUnitRequest } from '@zongzhi/contracts';
import { Alert, Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { isAfterToday, toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { type Unit, type UnitDetail, fetchChildren, splitUnit } from './units-api';

type Part = { code: string; name: string; childIds?: number[] };
type Values = { date: Dayjs; parts: Part[] };

/**
 * 拆分单位: the unit closes on the date and two or more new sibling units begin; every current
 * child must be handed to exactly one part (the server refuses a child left with the closed unit).
 */
export const SplitUnitDialog = ({
  unit,
  open,
  onClose,
  onSplit,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onSplit: (parts: Unit[]) => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const children = useQuery({
    queryKey: ['unit', unit.id, 'children'],
    queryFn: () => fetchChildren(unit.id),
    enabled: open && unit.childCount > 0,
  });
  const childOptions = (children.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }));
  // A child may go to one part only: the other parts' choices are greyed out.
  const parts = Form.useWatch('parts', form) ?? [];
  const takenElsewhere = (index: number) =>
    new Set(parts.flatMap((p, i) => (i === index ? [] : (p?.childIds ?? []))));

  return (
    <FormModal<Values>
      title={`${t('units.split')} · ${unit.name}`}
      open={open}
      onClose={onClose}
      form={form}
      testId="unit-split"
      width={640}
      initialValues={{
        date: dayjs(),
        parts: [
          { code: '', name: '' },
          { code: '', name: '' },
        ],
      }}
      onSubmit={async (v) => {
        const body: SplitUnitRequest = {
          date: toIsoDate(v.date),
          parts: v.parts.map((p) => ({
            code: p.code.trim(),
            name: p.name.trim(),
            childIds: p.childIds ?? [],
          })),
        };
        const res = await splitUnit(unit.id, body);
        await onSplit(res.parts);
      }}
    >
      <Alert type="warning" showIcon title={t('units.splitHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="date"
        label={t('units.changeDate')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={isAfterToday}
          data-testid="unit-split-date"
        />
      </Form.Item>
      <Form.List
        name="parts"
        rules={[
          {
            validator: async (_, value: Part[] | undefined) => {
              if ((value?.length ?? 0) < 2) throw new Error(t('units.splitTwoParts'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, index) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('units.splitPart', { n: index + 1 })}
                extra={
                  fields.length > 2 && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('common.delete')}
                    />
                  )
                }
              >
                <Form.Item
                  name={[f.name, 'name']}
                  label={t('units.name')}
                  rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                >
                  <Input maxLength={100} data-testid={`unit-split-${index}-name`} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'code']}
                  label={t('units.code')}
                  extra={t('units.codeHint')}
                  rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                >
                  <Input maxLength={32} data-testid={`unit-split-${index}-code`} />
                </Form.Item>
                {unit.childCount > 0 && (
                  <Form.Item name={[f.name, 'childIds']} label={t('units.splitChildren')}>
                    <Select
                      mode="multiple"
                      allowClear
                      loading={children.isLoading}
                      optionFilterProp="label"
                      options={childOptions.map((o) => ({
                        ...o,
                        disabled: takenElsewhere(index).has(o.value),
                      }))}
                    />
                  </Form.Item>
                )}
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })}>
              {t('units.splitAddPart')}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </FormModal>
  );
};
