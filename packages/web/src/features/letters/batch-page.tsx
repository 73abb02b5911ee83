import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Progress, Space, Spin, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { BatchExportPanel } from './batch-export-panel';
import { yearOptions } from './batch-wizard-page';
import { type LetterBatch, recoverBatch, useBatch, useBatches, useInvalidateLetters } from './letters-api';
import { Select } from 'antd';

const STATUS_COLOR: Record<LetterBatch['status'], string> = {
  draft: 'default',
  issuing: 'processing',
  issued: 'success',
  failed: 'error',
};

export const BatchStatusTag = ({ status }: { status: LetterBatch['status'] }) => {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`letters.batch.status.${status}`)}</Tag>;
};

/** 发放批次: the batches of my scope by year, each opening its page. */
export const BatchesPage = () => {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const batches = useBatches(year);
  const columns: TableColumnsType<LetterBatch> = [
    {
      title: t('letters.batch.name'),
      key: 'name',
      render: (_, b) => (
        <Link to={`/letters/batches/${b.id}`} data-testid={`letters-batch-open-${b.id}`}>
          #{b.id} {b.templateName}
        </Link>
      ),
    },
    { title: t('letters.batch.issuer'), dataIndex: 'issuerUnitName' },
    { title: t('letters.batch.count'), key: 'count', width: 120, render: (_, b) => `${b.done}/${b.total}` },
    {
      title: t('letters.batch.statusTitle'),
      key: 'status',
      width: 120,
      render: (_, b) => <BatchStatusTag status={b.status} />,
    },
  ];
  return (
    <Card size="small" title={t('letters.batch.listTitle')}>
      <Select
        value={year}
        options={yearOptions()}
        onChange={(v) => setParams({ year: String(v) })}
        style={{ width: 120, marginBottom: 12 }}
      />
      <Table<LetterBatch>
        size="small"
        rowKey="id"
        loading={batches.isFetching}
        columns={columns}
        dataSource={batches.data?.items ?? []}
        pagination={false}
        data-testid="letters-batches-table"
      />
    </Card>
  );
};

/**
 * One batch: its issue's progress, the whole batch as one PDF (a background export), and — for a
 * batch left issuing by a server that stopped — 重新处理, which withdraws what was written.
 */
export const BatchPage = () => {
  const { t, pick } = useI18n();
  const { canWrite } = useAccess();
  const showError = useShowError();
  const invalidate = useInvalidateLetters();
  const id = Number(useParams().id);
  const batch = useBatch(Number.isFinite(id) ? id : null);
  const [recovering, setRecovering] = useState(false);
  const b = batch.data;

  const recover = async () => {
    setRecovering(true);
    try {
      await recoverBatch(id);
      await invalidate();
    } catch (e) {
      showError(e);
    } finally {
      setRecovering(false);
    }
  };

  if (batch.error) return <Alert type="error" showIcon title={t('common.networkError')} />;
  if (!b) return <Spin />;
  return (
    <Card size="small" title={`${t('letters.batch.title')} #${b.id}`} data-testid="letters-batch-page">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('letters.batch.name')}>{b.templateName}</Descriptions.Item>
          <Descriptions.Item label={t('letters.batch.issuer')}>{b.issuerUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('letters.batch.year')}>{b.year}</Descriptions.Item>
          <Descriptions.Item label={t('letters.batch.statusTitle')}>
            <span data-testid="letters-batch-status">
              <BatchStatusTag status={b.status} />
            </span>
          </Descriptions.Item>
        </Descriptions>
        {b.status === 'issuing' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Progress percent={b.total > 0 ? Math.floor((b.done / b.total) * 100) : 0} status="active" />
            <Alert type="info" showIcon title={t('letters.batch.issuingHint')} />
            {canWrite('letters') && (
              <Popconfirm title={t('letters.batch.recoverConfirm')} onConfirm={() => void recover()}>
                <Button
                  icon={<ReloadOutlined />}
                  loading={recovering}
                  danger
                  data-testid="letters-batch-recover"
                >
                  {t('letters.batch.recover')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
        {b.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={b.error ? pick(b.error) : t('letters.wizard.failed')}
            data-testid="letters-batch-error"
          />
        )}
        {b.status === 'issued' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Link to={`/letters?batchId=${b.id}&year=${b.year}`}>{t('letters.wizard.openLetters')}</Link>
            <BatchExportPanel batchId={b.id} />
          </Space>
        )}
      </Space>
    </Card>
  );
};
