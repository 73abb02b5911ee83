import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ELIGIBILITY_PURPOSES } from '@zongzhi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Segmented,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PersonSelect } from '../../components/person-select';
import { UnitPicker } from '../../components/unit-picker';
import { ApiError } from '../../lib/api';
import { todayIso } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { useSession } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { EligibilityAnswerView } from './bar-reasons';
import {
  type EligibilityBatchResponse,
  type EligibilityPurposeValue,
  askBatch,
  askBatchCsv,
  saveBlob,
  usePersonEligibility,
  useUnitEligibility,
} from './eligibility-api';

const isPurpose = (s: string | null): s is EligibilityPurposeValue =>
  ELIGIBILITY_PURPOSES.includes(s as EligibilityPurposeValue);

/** Date and purpose of a query, kept in the address so an answer can be linked to. */
const useQueryParams = () => {
  const [params, setParams] = useSearchParams();
  const purpose = params.get('purpose');
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };
  return {
    tab: params.get('tab') ?? 'person',
    person: params.get('person') ? Number(params.get('person')) : null,
    unit: params.get('unit') ? Number(params.get('unit')) : null,
    date: params.get('date') ?? todayIso(),
    purpose: isPurpose(purpose) ? purpose : ('promotion' as const),
    set,
  };
};

const DateAndPurpose = ({
  date,
  purpose,
  onChange,
}: {
  date: string;
  purpose: EligibilityPurposeValue;
  onChange: (next: Record<string, string | null>) => void;
}) => {
  const { t } = useI18n();
  return (
    <>
      <DatePicker
        allowClear={false}
        value={dayjs(date)}
        onChange={(d) => onChange({ date: d ? d.format('YYYY-MM-DD') : null })}
        data-testid="eligibility-date"
      />
      <Segmented<EligibilityPurposeValue>
        value={purpose}
        options={ELIGIBILITY_PURPOSES.map((p) => ({ value: p, label: t(`eligibility.purpose.${p}`) }))}
        onChange={(v) => onChange({ purpose: v })}
        data-testid="eligibility-purpose"
      />
    </>
  );
};

const AnswerOrState = ({
  query,
  emptyText,
}: {
  query: ReturnType<typeof usePersonEligibility>;
  emptyText: string;
}) => {
  const { t, pick } = useI18n();
  if (query.fetchStatus === 'idle' && !query.data)
    return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (query.error)
    return (
      <Alert
        type="error"
        showIcon
        title={query.error instanceof ApiError ? pick(query.error.problem.message) : t('common.networkError')}
      />
    );
  return query.data ? <EligibilityAnswerView answer={query.data} /> : null;
};

const PersonQuery = () => {
  const { t } = useI18n();
  const q = useQueryParams();
  const answer = usePersonEligibility(q.person, q.date, q.purpose);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <PersonSelect
          value={q.person}
          onChange={(v) => q.set({ person: v === null ? null : String(v) })}
          data-testid="eligibility-person"
        />
        <DateAndPurpose date={q.date} purpose={q.purpose} onChange={q.set} />
      </Space>
      <AnswerOrState query={answer} emptyText={t('eligibility.pickPerson')} />
    </Space>
  );
};

const UnitQuery = () => {
  const { t } = useI18n();
  const q = useQueryParams();
  const answer = useUnitEligibility(q.unit, q.date, q.purpose);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <UnitPicker
          value={q.unit}
          onChange={(v) => q.set({ unit: v === null ? null : String(v) })}
          data-testid="eligibility-unit"
        />
        <DateAndPurpose date={q.date} purpose={q.purpose} onChange={q.set} />
      </Space>
      <AnswerOrState query={answer} emptyText={t('eligibility.pickUnit')} />
    </Space>
  );
};

type BatchRow = EligibilityBatchResponse['items'][number];

const TEMPLATE = '\uFEFFperson_id,unit_id,date,purpose,姓名\n';

/** 批量查询: a CSV of people or units in, a table and a CSV of answers out. */
const BatchQuery = () => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const session = useSession();
  const q = useQueryParams();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<EligibilityBatchResponse | null>(null);

  const ask = async (f: File) => {
    if (!f.name.toLowerCase().endsWith('.csv')) {
      message.error(t('eligibility.batch.wrongType'));
      return;
    }
    setFile(f);
    setResult(null);
    setBusy(true);
    try {
      setResult(await askBatch(f, q.date, q.purpose));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const csv = await askBatchCsv(file, q.date, q.purpose, session.data?.csrfToken ?? '');
      saveBlob(csv, `${t('eligibility.batch.fileName')}-${q.date}.csv`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<BatchRow> = [
    { title: t('eligibility.batch.row'), dataIndex: 'row', width: 70 },
    {
      title: t('eligibility.batch.party'),
      key: 'party',
      render: (_, r) =>
        r.answer ? r.answer.party.name : `${t(`eligibility.party.${r.partyKind}`)} #${r.partyId}`,
    },
    {
      title: t('eligibility.batch.answer'),
      key: 'answer',
      render: (_, r) =>
        !r.found ? (
          <Tag>{t('eligibility.batch.notFound')}</Tag>
        ) : r.answer?.eligible ? (
          <Tag color="green">{t('eligibility.yes')}</Tag>
        ) : (
          <Tag color="red">{t('eligibility.no')}</Tag>
        ),
    },
    {
      title: t('eligibility.reasons'),
      key: 'reasons',
      render: (_, r) =>
        (r.answer?.reasons ?? []).map((x) => (
          <div key={x.id}>
            {x.caseUnitName} · {t(`accountability.step.${x.step}`)} · {t(`eligibility.bar.${x.bar}`)} ·{' '}
            {x.rule.citation ? `${x.rule.citation.doc} ${x.rule.citation.article}` : x.rule.windowId} ·{' '}
            {x.from} ~ {x.to ?? t('eligibility.untilLifted')}
          </div>
        )),
    },
    {
      title: t('eligibility.eligibleFromCol'),
      key: 'from',
      responsive: ['md'],
      render: (_, r) => r.answer?.eligibleFrom ?? '',
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('eligibility.batch.hint')} />
      <Space wrap>
        <DateAndPurpose date={q.date} purpose={q.purpose} onChange={q.set} />
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(f) => {
            void ask(f);
            return false;
          }}
        >
          <Button
            type="primary"
            icon={<UploadOutlined />}
            loading={busy}
            data-testid="eligibility-batch-upload"
          >
            {t('eligibility.batch.upload')}
          </Button>
        </Upload>
        <Button
          icon={<DownloadOutlined />}
          disabled={!file || !result}
          onClick={() => void download()}
          data-testid="eligibility-batch-download"
        >
          {t('eligibility.batch.download')}
        </Button>
        <Button
          type="link"
          onClick={() => saveBlob(new Blob([TEMPLATE], { type: 'text/csv' }), 'eligibility-template.csv')}
        >
          {t('eligibility.batch.template')}
        </Button>
      </Space>
      {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
      {result && (
        <Table<BatchRow>
          data-testid="eligibility-batch-results"
          size="small"
          rowKey="row"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={result.items}
          pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        />
      )}
    </Space>
  );
};

/** 资格查询 (提拔奖励征求综治委意见): may this person or unit be promoted, awarded or honoured on a date, and why not. */
export const EligibilityPage = () => {
  const { t } = useI18n();
  const q = useQueryParams();
  return (
    <Card title={t('eligibility.title')} size="small">
      <Tabs
        activeKey={q.tab}
        onChange={(k) => q.set({ tab: k === 'person' ? null : k })}
        destroyOnHidden
        items={[
          { key: 'person', label: t('eligibility.tab.person'), children: <PersonQuery /> },
          { key: 'unit', label: t('eligibility.tab.unit'), children: <UnitQuery /> },
          { key: 'batch', label: t('eligibility.tab.batch'), children: <BatchQuery /> },
        ]}
      />
    </Card>
  );
};
