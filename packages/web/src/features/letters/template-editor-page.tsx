import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  type LetterTemplate,
  createTemplate,
  saveTemplate,
  useInvalidateLetters,
  useLetterRules,
  useLetterTemplate,
} from './letters-api';
import { type TargetRow, TargetsEditor, formTargets, rowToTarget, targetToRow } from './targets-editor';

type TemplateValues = {
  name: string;
  ownerUnitId: number;
  relationshipId: string;
  title: string;
  preamble: string;
  responsibilities: string[];
  targets: TargetRow[];
};

/** 责任书模板编辑: /letters/templates/new (optionally ?from=<id> to copy), /letters/templates/:id. */
export const LetterTemplateEditorPage = () => {
  const { t } = useI18n();
  const params = useParams();
  const [search] = useSearchParams();
  const id = params.id && params.id !== 'new' ? Number(params.id) : null;
  const from = search.get('from') ? Number(search.get('from')) : null;
  const source = useLetterTemplate(id ?? from);
  if ((id ?? from) !== null && source.isLoading)
    return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if ((id ?? from) !== null && !source.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  return <Editor key={`${id}-${from}`} id={id} source={source.data ?? null} copy={id === null} />;
};

const Editor = ({
  id,
  source,
  copy,
}: {
  id: number | null;
  source: LetterTemplate | null;
  copy: boolean;
}) => {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const invalidate = useInvalidateLetters();
  const labels = useDomainLabels();
  const { session, canWrite } = useAccess();
  const [form] = Form.useForm<TemplateValues>();
  const [busy, setBusy] = useState(false);
  // A refused save opens the targets the API named, then marks their fields (once they are mounted).
  const [errorTargets, setErrorTargets] = useState<number[]>([]);
  const [refusal, setRefusal] = useState<unknown>(null);
  useEffect(() => {
    if (refusal === null) return;
    showError(refusal, form);
    setRefusal(null);
  }, [refusal, showError, form]);
  const readOnly = !canWrite('letters') || (!copy && source?.shipped === true);
  const defaultOwner = source?.ownerUnitId ?? session?.grants[0]?.unitId;
  const ownerUnitId = Form.useWatch('ownerUnitId', form) ?? defaultOwner ?? null;
  const relationshipId = Form.useWatch('relationshipId', form);
  const rules = useLetterRules(ownerUnitId);
  const relationship = rules.data?.relationships.find((r) => r.id === relationshipId);

  const initialValues: Partial<TemplateValues> = source
    ? {
        name: copy ? t('letters.template.copyName', { name: source.name }) : source.name,
        ownerUnitId: copy ? defaultOwner : (source.ownerUnitId ?? undefined),
        relationshipId: source.relationshipId,
        title: source.title,
        preamble: source.preamble,
        responsibilities: source.responsibilities,
        targets: source.targets.map(targetToRow),
      }
    : {
        ownerUnitId: defaultOwner,
        title: t('letters.template.defaultTitle', { year: new Date().getFullYear() }),
        preamble: '',
        responsibilities: [],
        targets: [],
      };

  const submit = async (v: TemplateValues) => {
    setBusy(true);
    try {
      const body = {
        name: v.name.trim(),
        relationshipId: v.relationshipId,
        ownerUnitId: v.ownerUnitId,
        title: v.title.trim(),
        preamble: (v.preamble ?? '').trim(),
        responsibilities: (v.responsibilities ?? []).map((s) => (s ?? '').trim()),
        targets: formTargets(form).map(rowToTarget),
      };
      const saved = id === null ? await createTemplate(body) : await saveTemplate(id, body);
      await invalidate();
      message.success(t('common.saved'));
      navigate(`/letters/templates/${saved.id}`, { replace: true });
    } catch (e) {
      const named =
        e instanceof ApiError
          ? e.problem.errors.flatMap((x) => {
              const m = /^body\.targets\.(\d+)(\.|$)/.exec(x.path);
              return m ? [Number(m[1])] : [];
            })
          : [];
      setErrorTargets([...new Set(named)]);
      setRefusal(e);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  // A picked unit is a number: the whitespace check of texts would refuse it.
  const picked = [{ required: true, message: t('common.required') }];

  return (
    <Card
      size="small"
      title={
        id === null ? t('letters.template.create') : t('letters.template.edit', { name: source?.name ?? '' })
      }
      extra={
        <Space wrap size={4}>
          <Button onClick={() => navigate('/letters/templates')}>{t('common.back')}</Button>
          {!readOnly && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy}
              onClick={() => form.submit()}
              data-testid="letter-template-save"
            >
              {t('common.save')}
            </Button>
          )}
          {readOnly && source && canWrite('letters') && (
            <Button onClick={() => navigate(`/letters/templates/new?from=${source.id}`)}>
              {t('letters.template.copy')}
            </Button>
          )}
        </Space>
      }
    >
      {readOnly && source?.shipped && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('letters.template.shippedHint')} />
      )}
      <Form<TemplateValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        disabled={readOnly}
        data-testid="letter-template-form"
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('letters.template.name')} rules={required}>
              <Input maxLength={200} data-testid="letter-template-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ownerUnitId" label={t('letters.template.owner')} rules={picked}>
              <UnitPicker style={{ width: '100%' }} allowClear={false} data-testid="letter-template-owner" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="relationshipId"
              label={t('letters.template.relationship')}
              rules={picked}
              extra={
                relationship &&
                t('letters.template.relationshipKinds', {
                  issuer: relationship.issuerKinds.map(labels.unitKind).join('、'),
                  recipient: relationship.recipientKinds.map(labels.unitKind).join('、'),
                })
              }
            >
              <Select
                loading={rules.isLoading}
                data-testid="letter-template-relationship"
                options={(rules.data?.relationships ?? []).map((r) => ({
                  value: r.id,
                  label: `${pick(r.name)}（${r.issuerKinds.map(labels.unitKind).join('、')} → ${r.recipientKinds
                    .map(labels.unitKind)
                    .join('、')}）`,
                  'data-testid': `letter-relationship-option-${r.id}`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('letters.template.title')} rules={required}>
          <Input maxLength={200} data-testid="letter-template-title" />
        </Form.Item>
        <Form.Item name="preamble" label={t('letters.template.preamble')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={10_000}
            data-testid="letter-template-preamble"
          />
        </Form.Item>
        <Typography.Title level={5}>{t('letters.targets.title.section')}</Typography.Title>
        <TargetsEditor disabled={readOnly} forceOpen={errorTargets} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('letters.template.responsibilities')}
        </Typography.Title>
        <Form.List name="responsibilities">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} size={4}>
              {fields.map((field, index) => (
                <Space.Compact key={field.key} style={{ width: '100%' }}>
                  <Form.Item name={field.name} noStyle rules={required}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      maxLength={5000}
                      data-testid={`letter-template-responsibility-${index}`}
                    />
                  </Form.Item>
                  {!readOnly && (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(index)}
                      aria-label={t('common.delete')}
                    />
                  )}
                </Space.Compact>
              ))}
              {!readOnly && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('letters.template.addResponsibility')}
                </Button>
              )}
            </Space>
          )}
        </Form.List>
      </Form>
    </Card>
  );
};
