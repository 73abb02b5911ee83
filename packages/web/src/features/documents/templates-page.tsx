import { DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { DOCUMENT_TEMPLATE_VARS } from '@zongzhi/contracts';
import { Alert, App, Button, Card, Form, Input, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess, useSession } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  DOCUMENT_KINDS,
  type DocumentTemplate,
  type DocumentTemplateContent,
  type OfficialDocumentKindName,
  fetchPreviewPdf,
  useDocumentTemplates,
  useSaveTemplate,
} from './documents-api';

type BlockForm = { type: 'paragraph' | '1' | '2' | '3' | '4'; text: string };
type TemplateForm = { format: 'document' | 'letter'; title: string; blocks: BlockForm[]; note?: string };

const toForm = (c: DocumentTemplateContent): TemplateForm => ({
  format: c.format,
  title: c.title,
  blocks: c.body.map((b) => ({
    type: b.kind === 'heading' ? (String(b.level) as BlockForm['type']) : 'paragraph',
    text: b.text,
  })),
});

const toContent = (f: TemplateForm, cc: string[] | undefined): DocumentTemplateContent => ({
  format: f.format,
  title: f.title,
  body: (f.blocks ?? []).map((b) =>
    b.type === 'paragraph'
      ? { kind: 'paragraph' as const, text: b.text }
      : { kind: 'heading' as const, level: Number(b.type) as 1 | 2 | 3 | 4, text: b.text },
  ),
  ...(cc?.length ? { cc } : {}),
});

const SAMPLE_VARS: Record<string, string> = {
  unitName: '某某镇',
  situation: '本季度发生重大刑事案件2起，群众安全感测评排名末位',
  deadline: '2026年4月30日',
  rectificationPeriod: '三个月',
  firstReportDeadline: '2026年4月15日',
  reportCadence: '每月',
  caseFacts: '（案事件情况）',
  interviewTime: '2026年4月10日上午9时',
  interviewPlace: '县委第一会议室',
  measures: '（督办事项）',
  basis: '本县实施办法',
};

/** The editor of one kind: format, title, blocks; save as my unit's new version; preview as PDF. */
const TemplateEditor = ({ template, unitId }: { template: DocumentTemplate; unitId: number | null }) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const session = useSession();
  const [form] = Form.useForm<TemplateForm>();
  const save = useSaveTemplate();
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ ...toForm(template.content), note: '' });
  }, [form, template]);
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );

  const onSave = async (f: TemplateForm) => {
    try {
      const saved = await save.mutateAsync({
        kind: template.kind,
        content: toContent(f, template.content.cc),
        note: f.note,
      });
      message.success(t('documents.template.saved', { version: saved.version ?? 0 }));
    } catch (e) {
      showError(e, form);
    }
  };
  const onPreview = async () => {
    if (unitId === null) return;
    setPreviewing(true);
    try {
      const f = form.getFieldsValue(true) as TemplateForm;
      const blob = await fetchPreviewPdf(
        {
          kind: template.kind,
          issuerUnitId: unitId,
          issuerBody: 'office',
          addressee: '某某镇党委、政府',
          vars: SAMPLE_VARS,
          template: toContent(f, template.content.cc),
        },
        session.data?.csrfToken ?? '',
      );
      setPreviewUrl(URL.createObjectURL(blob));
    } catch (e) {
      showError(e);
    } finally {
      setPreviewing(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={template.origin === 'default' ? 'default' : 'blue'} data-testid="template-origin">
          {template.origin === 'default'
            ? t('documents.template.origin.default')
            : t('documents.template.origin.unit', {
                unit: template.unitName ?? '',
                version: template.version ?? 0,
              })}
        </Tag>
      </Space>
      <Alert type="info" showIcon message={t('documents.template.inherit')} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('documents.template.placeholders')}{' '}
        {DOCUMENT_TEMPLATE_VARS.map((v) => (
          <Tag key={v}>{`{{${v}}}`}</Tag>
        ))}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onSave}>
        <Form.Item name="format" label={t('documents.template.format')} rules={[{ required: true }]}>
          <Select
            style={{ maxWidth: 240 }}
            options={[
              { value: 'document', label: t('documents.template.format.document') },
              { value: 'letter', label: t('documents.template.format.letter') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('documents.template.titleField')}
          rules={[{ required: true, max: 200 }]}
        >
          <Input data-testid="template-title" />
        </Form.Item>
        <Typography.Text strong>{t('documents.template.body')}</Typography.Text>
        <Form.List name="blocks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex', width: '100%' }} wrap>
                  <Form.Item name={[field.name, 'type']} style={{ minWidth: 120 }}>
                    <Select
                      options={[
                        { value: 'paragraph', label: t('documents.template.paragraph') },
                        ...[1, 2, 3, 4].map((l) => ({
                          value: String(l),
                          label: t('documents.template.heading', { level: l }),
                        })),
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[{ required: true, max: 5000 }]}
                    style={{ flex: 1, minWidth: 260 }}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 8 }}
                      style={{ width: 'min(640px, 80vw)' }}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ type: 'paragraph', text: '' })}
                style={{ marginBottom: 16 }}
              >
                {t('documents.template.addBlock')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('documents.template.note')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="template-save">
            {t('common.save')}
          </Button>
          <Button
            icon={<EyeOutlined />}
            onClick={onPreview}
            loading={previewing}
            disabled={unitId === null}
            data-testid="template-preview"
          >
            {t('documents.preview')}
          </Button>
        </Space>
      </Form>
      {previewUrl && (
        <iframe
          title="preview"
          src={previewUrl}
          style={{ width: '100%', height: 720, border: '1px solid #f0f0f0' }}
        />
      )}
    </Space>
  );
};

/** 公文模板: the operator edits their unit's template of each kind (inherited by the units below). */
export const DocumentTemplatesPage = () => {
  const { t } = useI18n();
  const { session } = useAccess();
  const templates = useDocumentTemplates();
  const [kind, setKind] = useState<OfficialDocumentKindName>('notice');
  const unitId = session?.grants.find((g) => g.role === 'operator')?.unitId ?? null;
  const current = templates.data?.find((x) => x.kind === kind);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('documents.templatesTitle')}
        </Typography.Title>
      }
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as OfficialDocumentKindName)}
        items={DOCUMENT_KINDS.map((k) => ({ key: k, label: t(`documents.kind.${k}`) }))}
      />
      {templates.isLoading || !current ? <Spin /> : <TemplateEditor template={current} unitId={unitId} />}
    </Card>
  );
};
