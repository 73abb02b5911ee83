import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COMPARATOR_SYMBOLS,
  MEASURE_UNIT_LABELS,
  TARGET_COMPARATORS,
  TARGET_MEASURE_UNITS,
  TARGET_PERIODS,
  type TargetComparator,
  type TargetMeasureUnit,
  type TargetPeriod,
} from '@zongzhi/domain';
import {
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { useCriterion } from './letter-labels';
import type { LetterTargetDto, LetterTargetInput } from './letters-api';

/** One row of the targets table as the form holds it (both kinds' fields, the unused ones empty). */
export type TargetRow = {
  kind: 'quantitative' | 'qualitative';
  key: string;
  number?: number | null;
  title: string;
  weight: number;
  evidence?: string | null;
  indicatorId?: string | null;
  comparator?: TargetComparator;
  threshold?: number | null;
  unit?: TargetMeasureUnit;
  per: TargetPeriod;
  decomposes?: string | null;
};

export const targetToRow = (t: LetterTargetDto): TargetRow => ({
  ...t,
  evidence: t.evidence ?? null,
  decomposes: t.decomposes ?? null,
});

const blankToNull = (s: string | null | undefined) => {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
};

/**
 * The form's targets, folded ones included. Read them from the store, not from `validateFields`:
 * that answers only the fields mounted, and a folded target mounts none.
 */
export const formTargets = (form: FormInstance): TargetRow[] =>
  (form.getFieldValue('targets') as TargetRow[] | undefined) ?? [];

/** The request's target: only the fields of its kind, empty texts as null. */
export const rowToTarget = (r: TargetRow): LetterTargetInput => {
  const base = {
    key: r.key.trim(),
    number: r.number ?? null,
    title: r.title?.trim() ?? '',
    weight: r.weight ?? 0,
    evidence: blankToNull(r.evidence),
    decomposes: blankToNull(r.decomposes),
    per: r.per ?? 'year',
  };
  if (r.kind === 'qualitative')
    return { kind: 'qualitative', ...base, indicatorId: blankToNull(r.indicatorId) };
  return {
    kind: 'quantitative',
    ...base,
    indicatorId: (r.indicatorId ?? '').trim(),
    comparator: r.comparator ?? 'gte',
    threshold: r.threshold ?? null,
    ...(r.threshold === null || r.threshold === undefined ? { reference: 'previous_year' as const } : {}),
    unit: r.unit ?? 'percent',
  };
};

/** More targets than this open folded. */
const FOLD_OVER = 5;

const nextKey = (rows: TargetRow[] | undefined) => {
  const taken = new Set((rows ?? []).map((r) => r?.key));
  let n = (rows?.length ?? 0) + 1;
  while (taken.has(`t${n}`)) n += 1;
  return `t${n}`;
};

/**
 * 目标任务表: add, remove and reorder targets; quantitative ones carry the indicator, comparison,
 * threshold and unit of measure. Field names follow the API's paths (targets.3.threshold), so the
 * server's problem+json errors land on the field they name.
 */
export const TargetsEditor = ({
  disabled = false,
  forceOpen = [],
}: {
  disabled?: boolean;
  /** Targets (by index) shown open whatever the user chose, e.g. those the API found wrong. */
  forceOpen?: readonly number[];
}) => {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const criterion = useCriterion();
  const required = [{ required: true, message: t('common.required') }];
  // A long letter (seed 001 has 20 targets) opens folded: ten inputs a target, mounted all at once,
  // make a phone or a busy machine wait seconds. Targets added here open at once.
  const initialKeys = useRef<Set<number> | null>(null);
  const [openKeys, setOpenKeys] = useState<ReadonlySet<number>>(new Set());
  const toggle = (key: number) =>
    setOpenKeys((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return (
    <Form.List
      name="targets"
      rules={[
        {
          validator: async (_, rows: unknown[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('letters.targets.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="targets-editor">
          {fields.map((field, index) => {
            if (initialKeys.current === null) initialKeys.current = new Set(fields.map((f) => f.key));
            const folded =
              initialKeys.current.size > FOLD_OVER &&
              initialKeys.current.has(field.key) &&
              !openKeys.has(field.key) &&
              !forceOpen.includes(index);
            const row = (form.getFieldValue(['targets', field.name]) ?? {}) as Partial<TargetRow>;
            return (
              <Card
                key={field.key}
                size="small"
                data-testid={`target-${index}`}
                styles={folded ? { body: { display: 'none' } } : undefined}
                title={
                  <Space size={8} style={{ minWidth: 0, maxWidth: '100%' }}>
                    <Typography.Text strong>{t('letters.targets.n', { n: index + 1 })}</Typography.Text>
                    {folded && (
                      <Typography.Text ellipsis style={{ fontWeight: 400 }}>
                        {row.title}（
                        {criterion({
                          kind: row.kind ?? 'qualitative',
                          comparator: row.comparator ?? null,
                          threshold: row.threshold ?? null,
                          unit: row.unit ?? null,
                        })}
                        ）
                      </Typography.Text>
                    )}
                  </Space>
                }
                extra={
                  <Space size={0}>
                    {initialKeys.current.size > FOLD_OVER && initialKeys.current.has(field.key) && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => toggle(field.key)}
                        data-testid={`target-${index}-toggle`}
                      >
                        {folded ? t('letters.targets.unfold') : t('letters.targets.fold')}
                      </Button>
                    )}
                    {!disabled && (
                      <>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                          aria-label={t('letters.targets.up')}
                          data-testid={`target-${index}-up`}
                        />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                          aria-label={t('letters.targets.down')}
                          data-testid={`target-${index}-down`}
                        />
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(index)}
                          aria-label={t('common.delete')}
                          data-testid={`target-${index}-remove`}
                        />
                      </>
                    )}
                  </Space>
                }
              >
                {!folded && (
                  <Row gutter={12}>
                    <Col xs={24} md={6}>
                      <Form.Item
                        preserve
                        name={[field.name, 'kind']}
                        label={t('letters.targets.kind')}
                        rules={required}
                      >
                        <Select
                          disabled={disabled}
                          data-testid={`target-${index}-kind`}
                          options={(['quantitative', 'qualitative'] as const).map((k) => ({
                            value: k,
                            label: t(`letters.targets.kind.${k}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        preserve
                        name={[field.name, 'key']}
                        label={t('letters.targets.key')}
                        rules={required}
                      >
                        <Input disabled={disabled} maxLength={64} data-testid={`target-${index}-key`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        preserve
                        name={[field.name, 'weight']}
                        label={t('letters.targets.weight')}
                        rules={required}
                      >
                        <InputNumber
                          disabled={disabled}
                          min={0}
                          max={1000}
                          style={{ width: '100%' }}
                          data-testid={`target-${index}-weight`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item
                        preserve
                        name={[field.name, 'per']}
                        label={t('letters.targets.per')}
                        rules={required}
                      >
                        <Select
                          disabled={disabled}
                          data-testid={`target-${index}-per`}
                          options={TARGET_PERIODS.map((p) => ({ value: p, label: t(`letters.period.${p}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item
                        preserve
                        name={[field.name, 'title']}
                        label={t('letters.targets.title')}
                        rules={[{ ...required[0], whitespace: true }]}
                      >
                        <Input.TextArea
                          disabled={disabled}
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          maxLength={500}
                          data-testid={`target-${index}-title`}
                        />
                      </Form.Item>
                    </Col>
                    <Form.Item
                      noStyle
                      shouldUpdate={(a, b) => a.targets?.[field.name]?.kind !== b.targets?.[field.name]?.kind}
                    >
                      {() =>
                        form.getFieldValue(['targets', field.name, 'kind']) === 'quantitative' ? (
                          <>
                            <Col xs={24} md={6}>
                              <Form.Item
                                preserve
                                name={[field.name, 'indicatorId']}
                                label={t('letters.targets.indicator')}
                                rules={required}
                              >
                                <Input
                                  disabled={disabled}
                                  maxLength={64}
                                  placeholder="criminal-cases"
                                  data-testid={`target-${index}-indicatorId`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={8} md={4}>
                              <Form.Item
                                preserve
                                name={[field.name, 'comparator']}
                                label={t('letters.targets.comparator')}
                                rules={required}
                              >
                                <Select
                                  disabled={disabled}
                                  data-testid={`target-${index}-comparator`}
                                  options={TARGET_COMPARATORS.map((c) => ({
                                    value: c,
                                    label: COMPARATOR_SYMBOLS[c],
                                  }))}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={16} md={5}>
                              <Form.Item
                                preserve
                                name={[field.name, 'threshold']}
                                label={t('letters.targets.threshold')}
                                extra={t('letters.targets.thresholdHint')}
                              >
                                <InputNumber
                                  disabled={disabled}
                                  style={{ width: '100%' }}
                                  data-testid={`target-${index}-threshold`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={9}>
                              <Form.Item
                                preserve
                                name={[field.name, 'unit']}
                                label={t('letters.targets.unit')}
                                rules={required}
                              >
                                <Select
                                  disabled={disabled}
                                  data-testid={`target-${index}-unit`}
                                  options={TARGET_MEASURE_UNITS.map((u) => ({
                                    value: u,
                                    label: pick(MEASURE_UNIT_LABELS[u]),
                                  }))}
                                />
                              </Form.Item>
                            </Col>
                          </>
                        ) : null
                      }
                    </Form.Item>
                    <Col xs={24} md={16}>
                      <Form.Item
                        preserve
                        name={[field.name, 'evidence']}
                        label={t('letters.targets.evidence')}
                      >
                        <Input
                          disabled={disabled}
                          maxLength={1000}
                          placeholder={t('letters.targets.evidenceHint')}
                          data-testid={`target-${index}-evidence`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        preserve
                        name={[field.name, 'decomposes']}
                        label={t('letters.targets.decomposes')}
                      >
                        <Input
                          disabled={disabled}
                          maxLength={64}
                          data-testid={`target-${index}-decomposes`}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
              </Card>
            );
          })}
          <Form.ErrorList errors={errors} />
          {!disabled && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              data-testid="target-add"
              onClick={() =>
                add({
                  kind: 'quantitative',
                  key: nextKey(form.getFieldValue('targets') as TargetRow[] | undefined),
                  title: '',
                  weight: 5,
                  comparator: 'gte',
                  unit: 'percent',
                  per: 'year',
                } satisfies Partial<TargetRow>)
              }
            >
              {t('letters.targets.add')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
};
