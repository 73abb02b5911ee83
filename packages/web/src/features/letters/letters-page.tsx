import { BarChartOutlined, FileTextOutlined, SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { LETTER_STATUSES } from '@zongzhi/contracts';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { yearOptions } from './batch-wizard-page';
import { LetterStatusTag } from './letter-labels';
import { type LetterSummary, useLetters } from './letters-api';

/** 目标管理责任书: the letters of my scope by year, with their signing state. */
export const LettersPage = () => {
  const { t } = useI18n();
  const { canWrite } = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const recipientUnitId = params.get('unitId') ? Number(params.get('unitId')) : null;
  const batchId = params.get('batchId') ? Number(params.get('batchId')) : null;
  const status = params.get('status');
  const page = Number(params.get('page') ?? 1);
  const [pageSize, setPageSize] = useState(50);
  const letters = useLetters({ year, recipientUnitId, batchId, status, page, pageSize });

  const set = (next: Record<string, string | number | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, String(v));
    }
    if (!('page' in next)) p.delete('page');
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<LetterSummary> = [
    {
      title: t('letters.recipient'),
      key: 'recipient',
      render: (_, l) => (
        <Link to={`/letters/${l.id}`} data-testid={`letter-open-${l.id}`}>
          {l.recipientUnitName}
        </Link>
      ),
    },
    { title: t('letters.issuer'), dataIndex: 'issuerUnitName', responsive: ['md'] },
    { title: t('letters.title'), dataIndex: 'title', ellipsis: true, responsive: ['lg'] },
    { title: t('letters.issueDate'), dataIndex: 'issueDate', width: 110, responsive: ['md'] },
    {
      title: t('letters.versionShort'),
      key: 'version',
      width: 70,
      responsive: ['md'],
      render: (_, l) => `v${l.currentVersion}`,
    },
    {
      title: t('letters.status'),
      key: 'status',
      width: 160,
      render: (_, l) => (
        <Space size={4}>
          <LetterStatusTag status={l.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.signedCount}/{l.signatoryCount}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('letters.list.title')}
      extra={
        <Space wrap size={4}>
          <Button
            icon={<FileTextOutlined />}
            onClick={() => navigate('/letters/templates')}
            data-testid="letters-templates"
          >
            {t('letters.templates.title')}
          </Button>
          <Button
            icon={<UnorderedListOutlined />}
            onClick={() => navigate(`/letters/batches?year=${year}`)}
            data-testid="letters-batches"
          >
            {t('letters.batch.listTitle')}
          </Button>
          <Button
            icon={<BarChartOutlined />}
            onClick={() => navigate(`/letters/signing-rate?year=${year}`)}
            data-testid="letters-signing-rate"
          >
            {t('letters.rate.title')}
          </Button>
          {canWrite('letters') && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => navigate('/letters/issue')}
              data-testid="letters-issue"
            >
              {t('letters.wizard.title')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={year}
          options={yearOptions()}
          onChange={(v) => set({ year: v })}
          style={{ width: 120 }}
          data-testid="letters-year"
        />
        <UnitPicker
          value={recipientUnitId}
          placeholder={t('letters.allRecipients')}
          onChange={(v) => set({ unitId: v })}
          data-testid="letters-unit"
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('letters.allStatuses')}
          value={status ?? undefined}
          options={LETTER_STATUSES.map((s) => ({ value: s, label: t(`letters.status.${s}`) }))}
          onChange={(v) => set({ status: v ?? null })}
          data-testid="letters-status"
        />
        {batchId !== null && (
          <Button size="small" onClick={() => set({ batchId: null })}>
            {t('letters.list.batchFilter', { id: batchId })} ✕
          </Button>
        )}
        {batchId !== null && <Link to={`/letters/batches/${batchId}`}>{t('letters.batch.open')}</Link>}
      </Space>
      {letters.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table<LetterSummary>
          data-testid="letters-table"
          size="small"
          rowKey="id"
          loading={letters.isFetching}
          columns={columns}
          dataSource={letters.data?.items ?? []}
          locale={{ emptyText: t('letters.list.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: letters.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPageSize(size);
              set({ page: p > 1 ? p : null });
            },
          }}
        />
      )}
    </Card>
  );
};
