import { CheckSquareOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Form,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { BatchExportPanel } from './batch-export-panel';
import {
  type BatchPreview,
  type BatchPreviewRecipient,
  type BoundPerson,
  createBatch,
  previewBatch,
  startBatch,
  useBatch,
  useBatchRecipients,
  useInvalidateLetters,
  useLetterTemplates,
} from './letters-api';

type Recipient = { unitId: number; name: string; kind: string; path: string; hasLetter: boolean };

export const yearOptions = () => {
  const y = new Date().getFullYear();
  return [y - 2, y - 1, y, y + 1].map((v) => ({ value: v, label: String(v) }));
};

export const PeopleTags = ({ people, testId }: { people: BoundPerson[]; testId?: string }) => {
  const { t } = useI18n();
  if (people.length === 0)
    return (
      <Tag color="red" data-testid={testId ? `${testId}-none` : undefined}>
        {t('letters.noPrincipal')}
      </Tag>
    );
  return (
    <Space wrap size={[4, 4]} data-testid={testId}>
      {people.map((p) => (
        <Tag key={p.personId}>
          {p.name}
          {p.postTitle ? `（${p.postTitle}）` : ''}
        </Tag>
      ))}
    </Space>
  );
};

/** 批量下达: pick template → pick units → check the cascade → issue, with progress. */
export const BatchWizardPage = () => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const invalidate = useInvalidateLetters();
  const labels = useDomainLabels();
  const { session } = useAccess();
  const [step, setStep] = useState(0);
  const [issuerUnitId, setIssuerUnitId] = useState<number | null>(session?.grants[0]?.unitId ?? null);
  const [year, setYear] = useState(new Date().getFullYear());
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [preview, setPreview] = useState<BatchPreview | null>(null);
  const [batchId, setBatchId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const templates = useLetterTemplates({ ownerUnitId: issuerUnitId });
  const recipients = useBatchRecipients(issuerUnitId, templateId);
  const batch = useBatch(batchId);
  const items: Recipient[] = recipients.data?.items ?? [];
  const kinds = useMemo(() => [...new Set(items.map((r) => r.kind))], [items]);
  const selectable = items.filter((r) => !r.hasLetter);

  const selectKind = (kind: string | null) =>
    setSelected(selectable.filter((r) => kind === null || r.kind === kind).map((r) => r.unitId));

  const runPreview = async () => {
    if (issuerUnitId === null || templateId === null) return;
    setBusy(true);
    try {
      setPreview(await previewBatch({ templateId, issuerUnitId, year, recipientUnitIds: selected }));
      setStep(2);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const issue = async () => {
    if (issuerUnitId === null || templateId === null || !preview) return;
    setBusy(true);
    try {
      const b = await createBatch({
        templateId,
        issuerUnitId,
        year,
        recipientUnitIds: preview.recipients.filter((r) => r.issuable).map((r) => r.unitId),
      });
      setBatchId(b.id);
      setStep(3);
      // The progress bar polls the batch while its letters are written.
      await startBatch(b.id).catch(showError);
      await invalidate();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const recipientColumns: TableColumnsType<Recipient> = [
    { title: t('common.unit'), dataIndex: 'name' },
    { title: t('letters.unitKind'), key: 'kind', width: 140, render: (_, r) => labels.unitKind(r.kind) },
    {
      title: t('letters.wizard.existing'),
      key: 'hasLetter',
      width: 140,
      render: (_, r) => (r.hasLetter ? <Tag color="blue">{t('letters.wizard.hasLetter')}</Tag> : null),
    },
  ];

  const previewColumns: TableColumnsType<BatchPreviewRecipient> = [
    { title: t('common.unit'), dataIndex: 'unitName', width: 140 },
    {
      title: t('letters.signatories'),
      key: 'signatories',
      render: (_, r) => (
        <PeopleTags people={r.signatories} testId={`letters-preview-signatories-${r.unitId}`} />
      ),
    },
    {
      title: t('letters.wizard.cascade'),
      key: 'cascade',
      render: (_, r) =>
        r.cascade.length === 0 ? (
          <Tag color="green">{t('letters.wizard.cascadeOk')}</Tag>
        ) : (
          <Space orientation="vertical" size={2} data-testid={`letters-preview-cascade-${r.unitId}`}>
            {r.cascade.map((g) => (
              <Typography.Text key={`${g.parentKey}-${g.problem}`} type="danger">
                {g.problem === 'missing'
                  ? t('letters.cascade.missing', { title: g.parentTitle })
                  : t('letters.cascade.weaker', {
                      title: g.parentTitle,
                      parent: g.parentThreshold ?? '—',
                      child: g.childThreshold ?? '—',
                    })}
              </Typography.Text>
            ))}
          </Space>
        ),
    },
    {
      title: t('letters.wizard.result'),
      key: 'issuable',
      width: 200,
      render: (_, r) =>
        r.issuable ? (
          <Tag color="green" data-testid={`letters-preview-ok-${r.unitId}`}>
            {t('letters.wizard.willIssue')}
          </Tag>
        ) : (
          <Space orientation="vertical" size={2} data-testid={`letters-preview-problem-${r.unitId}`}>
            {r.problems.map((p) => (
              <Tag key={p.code} color="red">
                {pick(p.message)}
              </Tag>
            ))}
          </Space>
        ),
    },
  ];

  const b = batch.data;
  const percent = b && b.total > 0 ? Math.round((b.done / b.total) * 100) : b?.status === 'issued' ? 100 : 0;

  return (
    <Card
      size="small"
      title={t('letters.wizard.title')}
      extra={<Button onClick={() => navigate('/letters')}>{t('common.back')}</Button>}
      data-testid="letters-wizard"
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('letters.wizard.step.template') },
          { title: t('letters.wizard.step.units') },
          { title: t('letters.wizard.step.check') },
          { title: t('letters.wizard.step.issue') },
        ]}
      />

      {step === 0 && (
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label={t('letters.issuer')} required>
            <UnitPicker
              value={issuerUnitId}
              allowClear={false}
              onChange={(v) => {
                setIssuerUnitId(v);
                setTemplateId(null);
                setSelected([]);
              }}
              style={{ width: '100%' }}
              data-testid="letters-wizard-issuer"
            />
          </Form.Item>
          <Form.Item label={t('letters.year')} required>
            <Select
              value={year}
              options={yearOptions()}
              onChange={setYear}
              style={{ width: 140 }}
              data-testid="letters-wizard-year"
            />
          </Form.Item>
          <Form.Item label={t('letters.template')} required>
            <Select
              value={templateId ?? undefined}
              loading={templates.isLoading}
              placeholder={t('letters.wizard.pickTemplate')}
              onChange={(v) => {
                setTemplateId(v);
                setSelected([]);
              }}
              data-testid="letters-wizard-template"
              options={(templates.data?.items ?? []).map((x) => ({
                value: x.id,
                label: `${x.name}（${t('letters.template.targetsN', { n: x.targetCount })}）`,
                'data-testid': `letters-template-option-${x.id}`,
              }))}
            />
          </Form.Item>
          <Button
            type="primary"
            disabled={issuerUnitId === null || templateId === null}
            onClick={() => setStep(1)}
            data-testid="letters-wizard-next-0"
          >
            {t('letters.wizard.next')}
          </Button>
        </Form>
      )}

      {step === 1 && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <Button
              icon={<CheckSquareOutlined />}
              onClick={() => selectKind(null)}
              data-testid="letters-wizard-select-all"
            >
              {t('letters.wizard.selectAll', { n: selectable.length })}
            </Button>
            {kinds.map((k) => (
              <Button key={k} onClick={() => selectKind(k)} data-testid={`letters-wizard-select-all-${k}`}>
                {t('letters.wizard.selectAllKind', {
                  kind: labels.unitKind(k),
                  n: selectable.filter((r) => r.kind === k).length,
                })}
              </Button>
            ))}
            <Button onClick={() => setSelected([])}>{t('letters.wizard.clear')}</Button>
            <Typography.Text data-testid="letters-wizard-selected">
              {t('letters.wizard.selectedN', { n: selected.length })}
            </Typography.Text>
          </Space>
          {recipients.error ? (
            <Alert type="error" showIcon title={t('common.networkError')} />
          ) : (
            <Table<Recipient>
              size="small"
              rowKey="unitId"
              data-testid="letters-wizard-recipients"
              loading={recipients.isFetching}
              columns={recipientColumns}
              dataSource={items}
              pagination={{ pageSize: 100, hideOnSinglePage: true }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(Number)),
                getCheckboxProps: (r) => ({ disabled: r.hasLetter }),
              }}
              locale={{ emptyText: t('letters.wizard.noRecipients') }}
            />
          )}
          <Space>
            <Button onClick={() => setStep(0)}>{t('letters.wizard.prev')}</Button>
            <Button
              type="primary"
              disabled={selected.length === 0}
              loading={busy}
              onClick={() => void runPreview()}
              data-testid="letters-wizard-next-1"
            >
              {t('letters.wizard.check')}
            </Button>
          </Space>
        </Space>
      )}

      {step === 2 && preview && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type={preview.issuableCount === preview.recipients.length ? 'success' : 'warning'}
            showIcon
            data-testid="letters-wizard-summary"
            title={t('letters.wizard.summary', {
              issuable: preview.issuableCount,
              total: preview.recipients.length,
              template: preview.templateName,
              year: preview.year,
            })}
            description={
              <Space orientation="vertical" size={4}>
                <span>
                  {t('letters.wizard.issuerSignatories', { unit: preview.issuerUnitName })}{' '}
                  <PeopleTags people={preview.issuerSignatories} testId="letters-preview-issuer" />
                </span>
                <span>
                  {preview.parentLetter
                    ? t('letters.wizard.parentLetter', {
                        unit: preview.parentLetter.issuerUnitName,
                        title: preview.parentLetter.title,
                      })
                    : t('letters.wizard.noParentLetter')}
                </span>
              </Space>
            }
          />
          <Table<BatchPreviewRecipient>
            size="small"
            rowKey="unitId"
            data-testid="letters-wizard-preview"
            columns={previewColumns}
            dataSource={preview.recipients}
            pagination={{ pageSize: 100, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
          />
          <Space>
            <Button onClick={() => setStep(1)}>{t('letters.wizard.prev')}</Button>
            <Button
              type="primary"
              disabled={preview.issuableCount === 0}
              loading={busy}
              onClick={() => void issue()}
              data-testid="letters-wizard-issue"
            >
              {t('letters.wizard.issueN', { n: preview.issuableCount })}
            </Button>
          </Space>
        </Space>
      )}

      {step === 3 && (
        <Space
          orientation="vertical"
          size={12}
          style={{ width: '100%' }}
          data-testid="letters-wizard-progress"
        >
          {!b && <Spin />}
          {b && (
            <>
              <Progress
                percent={percent}
                status={b.status === 'failed' ? 'exception' : b.status === 'issued' ? 'success' : 'active'}
                data-testid="letters-wizard-progress-bar"
              />
              <Typography.Text data-testid="letters-wizard-progress-text">
                {t('letters.wizard.progress', { done: b.done, total: b.total })}
              </Typography.Text>
              {b.status === 'issued' && (
                <Result
                  status="success"
                  title={t('letters.wizard.done', { n: b.done })}
                  data-testid="letters-wizard-done"
                  extra={[
                    <Link key="list" to={`/letters?batchId=${b.id}&year=${b.year}`}>
                      <Button type="primary" data-testid="letters-wizard-open-list">
                        {t('letters.wizard.openLetters')}
                      </Button>
                    </Link>,
                  ]}
                />
              )}
              {b.status === 'issued' && <BatchExportPanel batchId={b.id} />}
              {b.status === 'failed' && (
                <Alert type="error" showIcon title={b.error ? pick(b.error) : t('letters.wizard.failed')} />
              )}
              {b.skipped.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('letters.wizard.skipped', { n: b.skipped.length })}
                  description={b.skipped.map((s) => `${s.unitName}：${pick(s.message)}`).join('；')}
                />
              )}
            </>
          )}
        </Space>
      )}
    </Card>
  );
};
