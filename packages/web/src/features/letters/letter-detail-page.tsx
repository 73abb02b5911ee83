import {
  DiffOutlined,
  DownloadOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { PeopleTags } from './batch-wizard-page';
import {
  LetterStatusTag,
  TargetStatusTag,
  formatInstant,
  targetCriterionInput,
  useCriterion,
} from './letter-labels';
import {
  LETTER_URLS,
  type LetterDetail,
  type TargetProgress,
  amendLetter,
  editLetter,
  enterProgress,
  fileUrl,
  importProgress,
  useInvalidateLetters,
  useLetter,
  useLetterDiff,
  useLetterProgress,
} from './letters-api';
import { LetterText, SignatureList } from './sign-letter-page';
import { type TargetRow, TargetsEditor, formTargets, rowToTarget, targetToRow } from './targets-editor';

/** 责任书详情: parties, bound people, versions and their diff, signatures, targets and progress. */
export const LetterDetailPage = () => {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const letter = useLetter(Number.isFinite(id) ? id : null);
  if (letter.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (!letter.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  return <Detail letter={letter.data} />;
};

const Detail = ({ letter: l }: { letter: LetterDetail }) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { canWrite } = useAccess();
  const [editing, setEditing] = useState<'edit' | 'amend' | null>(null);
  const locked = l.version.locked;
  const issuerPeople = l.signatures.filter((s) => s.party === 'issuer');
  const recipientPeople = l.signatures.filter((s) => s.party === 'recipient');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="letter-detail">
      <Card
        size="small"
        title={
          <Space wrap size={8}>
            <span data-testid="letter-detail-title">{l.title}</span>
            <LetterStatusTag status={l.status} />
          </Space>
        }
        extra={
          <Space wrap size={4}>
            <Button onClick={() => navigate('/letters')}>{t('common.back')}</Button>
            <Button icon={<FilePdfOutlined />} href={fileUrl(LETTER_URLS.pdf(l.id))} data-testid="letter-pdf">
              PDF
            </Button>
            <Button
              icon={<FileWordOutlined />}
              href={fileUrl(LETTER_URLS.docx(l.id))}
              data-testid="letter-docx"
            >
              Word
            </Button>
            {canWrite('letters') &&
              (locked ? (
                <Button
                  icon={<DiffOutlined />}
                  onClick={() => setEditing('amend')}
                  data-testid="letter-amend"
                >
                  {t('letters.amend')}
                </Button>
              ) : (
                <Button icon={<EditOutlined />} onClick={() => setEditing('edit')} data-testid="letter-edit">
                  {t('common.edit')}
                </Button>
              ))}
          </Space>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'issuer',
              label: t('letters.partyA'),
              children: (
                <Space orientation="vertical" size={2}>
                  <span>{l.issuerUnitName}</span>
                  <PeopleTags people={issuerPeople} />
                </Space>
              ),
            },
            {
              key: 'recipient',
              label: t('letters.partyB'),
              children: (
                <Space orientation="vertical" size={2}>
                  <span>{l.recipientUnitName}</span>
                  <PeopleTags people={recipientPeople} />
                </Space>
              ),
            },
            { key: 'year', label: t('letters.year'), children: l.year },
            { key: 'issueDate', label: t('letters.issueDate'), children: l.issueDate },
            {
              key: 'version',
              label: t('letters.version'),
              children: (
                <Space wrap size={4}>
                  <span>{t('letters.versionN', { version: l.currentVersion })}</span>
                  {locked && <Tag color="blue">{t('letters.locked')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'signed',
              label: t('letters.status'),
              children: t('letters.signedOf', { signed: l.signedCount, total: l.signatoryCount }),
            },
            {
              key: 'hash',
              label: t('letters.hash'),
              children: (
                <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>
                  {l.version.hash}
                </Typography.Text>
              ),
            },
            ...(l.parentLetterId
              ? [
                  {
                    key: 'parent',
                    label: t('letters.parentLetter'),
                    children: <Link to={`/letters/${l.parentLetterId}`}>#{l.parentLetterId}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'progress', label: t('letters.tab.progress'), children: <ProgressTab letter={l} /> },
            { key: 'text', label: t('letters.tab.text'), children: <LetterText letter={l} /> },
            {
              key: 'signatures',
              label: t('letters.tab.signatures'),
              children: <SignatureList signatures={l.signatures} />,
            },
            { key: 'versions', label: t('letters.tab.versions'), children: <VersionsTab letter={l} /> },
          ]}
        />
      </Card>
      {editing && <EditLetterModal letter={l} mode={editing} onClose={() => setEditing(null)} />}
    </Space>
  );
};

type EditValues = { title: string; reason?: string; targets: TargetRow[] };

/** 修改 (nobody signed yet: in place) or 修订 (signed: a new version with a reason, signed again). */
const EditLetterModal = ({
  letter,
  mode,
  onClose,
}: {
  letter: LetterDetail;
  mode: 'edit' | 'amend';
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<EditValues>();
  const invalidate = useInvalidateLetters();
  return (
    <FormModal<EditValues>
      title={mode === 'amend' ? t('letters.amend') : t('common.edit')}
      open
      onClose={onClose}
      form={form}
      testId={mode === 'amend' ? 'letter-amend-form' : 'letter-edit-form'}
      width={960}
      initialValues={{ title: letter.version.title, targets: letter.version.targets.map(targetToRow) }}
      onSubmit={async (v) => {
        const body = { title: v.title.trim(), targets: formTargets(form).map(rowToTarget) };
        if (mode === 'amend') await amendLetter(letter.id, { ...body, reason: (v.reason ?? '').trim() });
        else await editLetter(letter.id, body);
        await invalidate();
      }}
    >
      {mode === 'amend' && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('letters.amendHint')} />
          <Form.Item
            name="reason"
            label={t('letters.amendReason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('letters.amendReasonRule') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="letter-amend-reason" />
          </Form.Item>
        </>
      )}
      <Form.Item name="title" label={t('letters.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} data-testid="letter-edit-title" />
      </Form.Item>
      <TargetsEditor />
    </FormModal>
  );
};

const VersionsTab = ({ letter }: { letter: LetterDetail }) => {
  const { t } = useI18n();
  const [shown, setShown] = useState<number | null>(letter.currentVersion > 1 ? letter.currentVersion : null);
  const diff = useLetterDiff(letter.id, shown);
  const criterion = useCriterion();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="version"
        dataSource={letter.versions}
        pagination={false}
        data-testid="letter-versions"
        columns={[
          { title: t('letters.version'), key: 'v', width: 80, render: (_, v) => `v${v.version}` },
          { title: t('letters.amendReason'), key: 'reason', render: (_, v) => v.reason ?? '—' },
          {
            title: t('letters.createdAt'),
            key: 'at',
            width: 170,
            render: (_, v) => formatInstant(v.createdAt),
          },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_, v) =>
              v.version > 1 ? (
                <Button type="link" size="small" onClick={() => setShown(v.version)}>
                  {t('letters.showDiff')}
                </Button>
              ) : null,
          },
        ]}
      />
      {shown !== null && diff.data && (
        <Card size="small" title={t('letters.diffTitle', { from: diff.data.from ?? '—', to: diff.data.to })}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="letter-diff">
            {diff.data.reason && (
              <Typography.Text>{t('letters.amendReasonN', { reason: diff.data.reason })}</Typography.Text>
            )}
            {(['title', 'preamble', 'responsibilities'] as const)
              .filter((k) => diff.data.text[k])
              .map((k) => (
                <Tag key={k} color="blue">
                  {t(`letters.diff.text.${k}`)}
                </Tag>
              ))}
            {diff.data.added.map((x) => (
              <Typography.Text key={`a-${x.key}`} type="success">
                + {x.title}（{criterion(targetCriterionInput(x))}）
              </Typography.Text>
            ))}
            {diff.data.removed.map((x) => (
              <Typography.Text key={`r-${x.key}`} type="danger" delete>
                − {x.title}（{criterion(targetCriterionInput(x))}）
              </Typography.Text>
            ))}
            {diff.data.changed.map((c) => (
              <Typography.Text key={`c-${c.key}`}>
                ~ {c.after.title}：{criterion(targetCriterionInput(c.before))} →{' '}
                {criterion(targetCriterionInput(c.after))}
                <Typography.Text type="secondary">（{c.fields.join(', ')}）</Typography.Text>
              </Typography.Text>
            ))}
            {diff.data.added.length + diff.data.removed.length + diff.data.changed.length === 0 && (
              <Typography.Text type="secondary">{t('letters.diff.noTargetChange')}</Typography.Text>
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
};

const ProgressTab = ({ letter }: { letter: LetterDetail }) => {
  const { t, pick } = useI18n();
  const { canWrite } = useAccess();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateLetters();
  const progress = useLetterProgress(letter.id);
  const criterion = useCriterion();
  const [entering, setEntering] = useState<TargetProgress | null>(null);
  const [uploading, setUploading] = useState(false);
  const [cellErrors, setCellErrors] = useState<string[]>([]);
  const writable = canWrite('letters');
  const p = progress.data;

  const upload = async (file: File) => {
    setUploading(true);
    setCellErrors([]);
    try {
      const res = await importProgress(letter.id, file);
      message.success(t('letters.progress.imported', { n: res.imported }));
      await invalidate();
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors.length > 0)
        setCellErrors(e.problem.errors.map((x) => `${x.path}: ${pick(x.message)}`));
      showError(e);
    } finally {
      setUploading(false);
    }
  };

  const columns: TableColumnsType<TargetProgress> = [
    { title: t('letters.targets.title'), dataIndex: 'title', width: 260 },
    {
      title: t('letters.targets.criterion'),
      key: 'criterion',
      width: 150,
      render: (_, r) =>
        criterion({
          kind: r.kind,
          comparator: r.comparator,
          threshold: r.threshold,
          unit: r.unit,
          reference: r.kind === 'quantitative' && r.threshold === null ? 'previous_year' : null,
        }),
    },
    {
      title: t('letters.targets.weight'),
      dataIndex: 'weight',
      width: 70,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('letters.progress.values'),
      key: 'values',
      render: (_, r) => (
        <Space wrap size={[4, 4]}>
          {r.values.map((v) => (
            <Tag
              key={v.periodKey}
              color={
                v.status === 'green'
                  ? 'green'
                  : v.status === 'yellow'
                    ? 'gold'
                    : v.status === 'red'
                      ? 'red'
                      : 'default'
              }
              data-testid={`progress-${r.key}-${v.periodKey}`}
            >
              {v.periodKey}：{v.value ?? '—'}
              {v.source === 'computed' ? ' ⚙' : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('letters.progress.status'),
      key: 'status',
      width: 90,
      render: (_, r) => <TargetStatusTag status={r.status} testId={`progress-status-${r.key}`} />,
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: TargetProgress) =>
              r.computed ? (
                <Typography.Text type="secondary">{t('letters.progress.computed')}</Typography.Text>
              ) : (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEntering(r)}
                  data-testid={`progress-enter-${r.key}`}
                >
                  {t('letters.progress.enter')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Row gutter={8} align="middle">
        <Col flex="auto">
          {p && (
            <Space wrap size={4} data-testid="progress-counts">
              {(['green', 'yellow', 'red', 'no_data'] as const).map((s) => (
                <span key={s}>
                  <TargetStatusTag status={s} testId={`progress-count-${s}`} /> {p.counts[s]}
                </span>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('letters.progress.margin', { margin: p.yellowMarginPercent })}
              </Typography.Text>
            </Space>
          )}
        </Col>
        <Col>
          <Space wrap size={4}>
            <Button
              icon={<DownloadOutlined />}
              href={fileUrl(LETTER_URLS.progressTemplate(letter.id))}
              data-testid="progress-template"
            >
              {t('letters.progress.template')}
            </Button>
            {writable && (
              <Upload
                accept=".xlsx"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={uploading} data-testid="progress-import">
                  {t('letters.progress.import')}
                </Button>
              </Upload>
            )}
          </Space>
        </Col>
      </Row>
      {cellErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('letters.progress.importErrors')}
          description={cellErrors.join('；')}
        />
      )}
      {progress.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      <Table<TargetProgress>
        size="small"
        rowKey="key"
        loading={progress.isFetching}
        columns={columns}
        dataSource={p?.targets ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="progress-table"
      />
      {entering && (
        <EnterValueModal letterId={letter.id} target={entering} onClose={() => setEntering(null)} />
      )}
    </Space>
  );
};

type ValueForm = { periodKey: string; value: number | null; note?: string };

const EnterValueModal = ({
  letterId,
  target,
  onClose,
}: {
  letterId: number;
  target: TargetProgress;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<ValueForm>();
  const invalidate = useInvalidateLetters();
  const periods = target.values.map((v) => v.periodKey);
  const latestEmpty = target.values.find((v) => v.value === null)?.periodKey ?? periods[periods.length - 1];
  return (
    <FormModal<ValueForm>
      title={t('letters.progress.enterTitle', { title: target.title })}
      open
      onClose={onClose}
      form={form}
      testId="progress-form"
      initialValues={{ periodKey: latestEmpty }}
      onSubmit={async (v) => {
        await enterProgress(letterId, target.key, v.periodKey, {
          value: v.value ?? null,
          note: (v.note ?? '').trim() || null,
        });
        await invalidate();
      }}
    >
      <Form.Item name="periodKey" label={t('letters.progress.period')} rules={[{ required: true }]}>
        <Select options={periods.map((p) => ({ value: p, label: p }))} data-testid="progress-form-period" />
      </Form.Item>
      <Form.Item
        name="value"
        label={target.kind === 'qualitative' ? t('letters.progress.metValue') : t('letters.progress.value')}
        extra={
          target.kind === 'qualitative' ? t('letters.progress.metHint') : t('letters.progress.clearHint')
        }
      >
        {target.kind === 'qualitative' ? (
          <Select
            allowClear
            options={[
              { value: 1, label: t('letters.progress.met') },
              { value: 0, label: t('letters.progress.notMet') },
            ]}
            data-testid="progress-form-value"
          />
        ) : (
          <InputNumber min={0} style={{ width: 200 }} data-testid="progress-form-value" />
        )}
      </Form.Item>
      <Form.Item name="note" label={t('letters.progress.note')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
};
