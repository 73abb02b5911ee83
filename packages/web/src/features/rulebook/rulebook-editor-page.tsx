import { EyeOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { Problem, RulebookChange } from '@zongzhi/contracts';
import {
  type ButtonProps,
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';
import {
  type RulebookVersionDetail,
  formatValue,
  previewRulebook,
  publishRulebook,
  useInheritedRulebook,
  useInvalidateRulebooks,
  useRulebook,
} from './rulebook-api';
import type { DraftObject } from './rulebook-draft';
import { type RulebookFormSection, RulebookSectionForm } from './rulebook-form';

type Diff = NonNullable<RulebookChange['againstPrevious']>;
type DiffRow = {
  key: string;
  kind: 'changed' | 'added' | 'removed';
  path: string;
  before?: unknown;
  after?: unknown;
};

const diffRows = (d: Diff): DiffRow[] => [
  ...d.changed.map((c) => ({ key: `c:${c.path}`, kind: 'changed' as const, ...c })),
  ...d.added.map((c) => ({ key: `a:${c.path}`, kind: 'added' as const, ...c })),
  ...d.removed.map((c) => ({ key: `r:${c.path}`, kind: 'removed' as const, ...c })),
];

const KIND_COLORS = { changed: 'blue', added: 'green', removed: 'red' } as const;

/** The text of a version as the editor starts from it: this layer as written, without its number. */
const editableText = (v: RulebookVersionDetail) => {
  const { version: _version, ...rest } = v.body;
  return JSON.stringify(rest, null, 2);
};

type Parsed = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

/** 编辑制度: raw JSON seeded with the latest version; preview the diff, then publish a new version. */
export const RulebookEditorPage = () => {
  const id = useParams().id ?? '';
  const latest = useRulebook(id);
  const { t } = useI18n();
  if (latest.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (!latest.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  // Keyed by version: after publishing, the editor starts again from the new latest.
  return <Editor key={latest.data.version} latest={latest.data} />;
};

const Editor = ({ latest }: { latest: RulebookVersionDetail }) => {
  const { t, lang, pick } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const invalidate = useInvalidateRulebooks();
  const [text, setText] = useState(() => editableText(latest));
  const [parseError, setParseError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [preview, setPreview] = useState<{ text: string; change: RulebookChange } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'publish' | null>(null);
  const [tab, setTab] = useState<RulebookFormSection | 'json'>('bodies');

  const parse = (): Parsed => parseText(text);
  const parseText = (text: string): Parsed => {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return { ok: false, error: t('rulebooks.notObject') };
      return { ok: true, body: body as Record<string, unknown> };
    } catch (e) {
      return { ok: false, error: t('rulebooks.invalidJson', { error: (e as Error).message }) };
    }
  };

  const run = async (what: 'preview' | 'publish') => {
    const parsed = parse();
    setParseError(parsed.ok ? null : parsed.error);
    if (!parsed.ok) return;
    setBusy(what);
    setProblem(null);
    try {
      if (what === 'preview') {
        // The preview names the rulebook by the text's own id; the editor's id is the one published.
        const res = await previewRulebook({ ...parsed.body, id: parsed.body.id ?? latest.rulebookId });
        setPreview({ text, change: res.change });
      } else {
        const res = await publishRulebook(latest.rulebookId, parsed.body);
        message.success(t('rulebooks.published', { version: res.version.version }));
        await invalidate();
        navigate('/rulebooks');
      }
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors.length > 0) {
        setProblem(e.problem);
        setPreview(null);
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };

  const confirmPublish = () => {
    if (!preview) return;
    modal.confirm({
      title: t('rulebooks.publish'),
      content: t('rulebooks.publishConfirm', { version: preview.change.version }),
      okText: t('rulebooks.publish'),
      okButtonProps: { 'data-testid': 'rulebook-publish-confirm' } as ButtonProps,
      onOk: () => run('publish'),
    });
  };

  // Both the form and the JSON tab edit the one draft: the text; the form reads it parsed.
  const parsed = parseText(text);
  const parent =
    parsed.ok && typeof parsed.body.extends === 'string'
      ? parsed.body.extends
      : typeof latest.body.extends === 'string'
        ? latest.body.extends
        : undefined;
  const inherited = useInheritedRulebook(parent);
  const setDraft = (next: DraftObject) => setText(JSON.stringify(next, null, 2));
  const sectionForm = (section: RulebookFormSection) =>
    !parsed.ok ? (
      <Alert type="warning" showIcon title={t('rulebooks.fixJsonFirst', { error: parsed.error })} />
    ) : parent !== undefined && inherited.isLoading ? (
      <Spin style={{ display: 'block', margin: '24px auto' }} />
    ) : (
      <RulebookSectionForm
        section={section}
        draft={parsed.body}
        inherited={parent === undefined ? null : (inherited.data ?? null)}
        problem={problem}
        onChange={setDraft}
      />
    );

  const stale = preview !== null && preview.text !== text;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('rulebooks.editorTitle', { id: latest.rulebookId })}
        extra={<Link to="/rulebooks">{t('common.back')}</Link>}
      >
        <Typography.Paragraph type="secondary">
          {pick(latest.name)} · {t('rulebooks.editorHint', { version: latest.version })}
        </Typography.Paragraph>
        <Tabs
          data-testid="rulebook-section-tabs"
          activeKey={tab}
          onChange={(k) => setTab(k as RulebookFormSection | 'json')}
          destroyOnHidden
          items={[
            ...(
              [
                ['bodies', 'rulebookForm.bodies'],
                ['duties', 'rulebookForm.duties'],
                ['ladder', 'rulebookForm.ladder'],
                ['reminders', 'rulebookForm.remindersReports'],
              ] as const
            ).map(([key, label]) => ({
              key,
              label: <span data-testid={`rulebook-tab-${key}`}>{t(label)}</span>,
              children: sectionForm(key),
            })),
            {
              key: 'json',
              label: <span data-testid="rulebook-tab-json">{t('rulebooks.tabJson')}</span>,
              children: (
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 16, maxRows: 32 }}
                  spellCheck={false}
                  style={{
                    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                    fontSize: 12,
                  }}
                  data-testid="rulebook-editor"
                />
              ),
            },
          ]}
        />
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            icon={<EyeOutlined />}
            loading={busy === 'preview'}
            onClick={() => void run('preview')}
            data-testid="rulebook-preview"
          >
            {t('rulebooks.preview')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={preview === null || stale}
            loading={busy === 'publish'}
            onClick={confirmPublish}
            data-testid="rulebook-publish"
          >
            {t('rulebooks.publish')}
          </Button>
          <Button
            icon={<RollbackOutlined />}
            onClick={() => {
              setText(editableText(latest));
              setPreview(null);
              setProblem(null);
              setParseError(null);
            }}
          >
            {t('rulebooks.reset')}
          </Button>
          {stale && <Typography.Text type="warning">{t('rulebooks.staleEditor')}</Typography.Text>}
        </Space>
        {parseError && <Alert type="error" showIcon title={parseError} style={{ marginTop: 12 }} />}
        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={problem.message[lang]}
            data-testid="rulebook-errors"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.errors.map((e) => (
                  <li key={`${e.path}:${e.message.en}`}>
                    <Typography.Text code>{e.path.replace(/^body\.?/, '') || '(root)'}</Typography.Text>{' '}
                    {e.message[lang]}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Card>
      {preview && <PreviewCard change={preview.change} />}
    </Space>
  );
};

const PreviewCard = ({ change }: { change: RulebookChange }) => {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('rulebooks.previewFor', { version: change.version })}
      data-testid="rulebook-preview-result"
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>
            {change.previousVersion === null
              ? t('rulebooks.againstPreviousNone')
              : t('rulebooks.againstPrevious', { version: change.previousVersion })}
          </Typography.Title>
          {change.againstPrevious && (
            <DiffTable diff={change.againstPrevious} testId="rulebook-diff-previous" />
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>
            {change.againstInherited === null
              ? t('rulebooks.againstInheritedNone')
              : t('rulebooks.againstInherited')}
          </Typography.Title>
          {change.againstInherited && (
            <DiffTable diff={change.againstInherited} testId="rulebook-diff-inherited" />
          )}
        </Col>
      </Row>
    </Card>
  );
};

const DiffTable = ({ diff, testId }: { diff: Diff; testId: string }) => {
  const { t } = useI18n();
  const rows = diffRows(diff);
  const label = {
    changed: t('rulebooks.changed'),
    added: t('rulebooks.added'),
    removed: t('rulebooks.removedRow'),
  };
  const cell = (v: unknown) => (
    <span style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12, wordBreak: 'break-all' }}>
      {formatValue(v)}
    </span>
  );
  return (
    <Table<DiffRow>
      data-testid={testId}
      size="small"
      rowKey="key"
      dataSource={rows}
      locale={{ emptyText: t('rulebooks.noChanges') }}
      pagination={rows.length > 50 ? { defaultPageSize: 50 } : false}
      columns={[
        {
          title: t('rulebooks.change'),
          dataIndex: 'kind',
          width: 72,
          render: (k: DiffRow['kind']) => <Tag color={KIND_COLORS[k]}>{label[k]}</Tag>,
        },
        {
          title: t('rulebooks.parameter'),
          dataIndex: 'path',
          render: (p: string) => (
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {p}
            </Typography.Text>
          ),
        },
        {
          title: t('rulebooks.before'),
          key: 'before',
          render: (_, r) => (r.kind === 'added' ? '—' : cell(r.before)),
        },
        {
          title: t('rulebooks.after'),
          key: 'after',
          render: (_, r) => (r.kind === 'removed' ? '—' : cell(r.after)),
        },
      ]}
    />
  );
};
