import { Button, Card, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { DocumentPreviewModal } from './document-preview';
import {
  DOCUMENT_KINDS,
  type OfficialDocumentKindName,
  type OfficialDocumentSummary,
  useDocuments,
} from './documents-api';

const YEARS = (() => {
  const now = new Date().getFullYear();
  return Array.from({ length: 6 }, (_, i) => now + 1 - i);
})();

/** 公文: the issued documents about units of my jurisdiction, with preview and downloads. */
export const DocumentsPage = () => {
  const { t } = useI18n();
  const [kind, setKind] = useState<OfficialDocumentKindName | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<OfficialDocumentSummary | null>(null);
  const docs = useDocuments({ kind, year, page, pageSize });

  const columns: TableColumnsType<OfficialDocumentSummary> = [
    {
      title: t('documents.number'),
      dataIndex: 'number',
      render: (n: string, d) => <span data-testid={`documents-number-${d.id}`}>{n}</span>,
    },
    { title: t('documents.docTitle'), dataIndex: 'title', ellipsis: true },
    {
      title: t('documents.kind'),
      dataIndex: 'kind',
      responsive: ['md'],
      render: (k: OfficialDocumentKindName) => t(`documents.kind.${k}`),
    },
    { title: t('documents.subject'), dataIndex: 'subjectUnitName', responsive: ['lg'] },
    { title: t('documents.date'), dataIndex: 'date', responsive: ['sm'] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Button size="small" onClick={() => setOpen(d)} data-testid={`documents-preview-${d.id}`}>
          {t('documents.preview')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('documents.title')}
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('documents.allKinds')}
          style={{ minWidth: 200 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
          data-testid="documents-kind"
        />
        <Select
          allowClear
          placeholder={t('documents.allYears')}
          style={{ minWidth: 120 }}
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        />
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={docs.isFetching}
        dataSource={docs.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('documents.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: docs.data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        scroll={{ x: 'max-content' }}
      />
      <DocumentPreviewModal
        documentId={open?.id ?? null}
        number={open?.number ?? null}
        title={open ? `${open.number} ${open.title}` : undefined}
        onClose={() => setOpen(null)}
      />
    </Card>
  );
};
