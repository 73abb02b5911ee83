import { EyeOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { DocumentDownloads, DocumentPreviewModal } from '../documents/document-preview';
import type { CaseStep } from './accountability-api';
import { StepTag } from './ladder';

/** Each decided step's document (通报, 约谈通知书, 挂牌督办通知书 …): number, preview, PDF and Word. */
export const CaseDocuments = ({ steps }: { steps: CaseStep[] }) => {
  const { t, pick } = useI18n();
  const [previewing, setPreviewing] = useState<CaseStep | null>(null);
  const withDocs = steps.filter((s) => s.documentId !== null);
  if (withDocs.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accountability.documents.empty')} />;
  const columns: TableColumnsType<CaseStep> = [
    { title: t('accountability.proposal.step'), key: 'step', render: (_, s) => <StepTag step={s.step} /> },
    {
      title: t('accountability.documents.number'),
      key: 'number',
      render: (_, s) => (
        <span data-testid={`document-number-${s.documentId}`}>{s.documentNumber ?? '—'}</span>
      ),
    },
    { title: t('accountability.decidedOn'), dataIndex: 'decidedOn', responsive: ['md'] },
    {
      title: t('accountability.decisionBody'),
      key: 'body',
      responsive: ['lg'],
      render: (_, s) => pick(s.decisionBodyName),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Space wrap size={8}>
          <Button
            icon={<EyeOutlined />}
            onClick={() => setPreviewing(s)}
            data-testid={`document-preview-open-${s.documentId}`}
          >
            {t('accountability.documents.preview')}
          </Button>
          <DocumentDownloads documentId={s.documentId as number} />
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<CaseStep>
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={withDocs}
        pagination={false}
        data-testid="case-documents"
      />
      <DocumentPreviewModal
        documentId={previewing?.documentId ?? null}
        number={previewing?.documentNumber ?? null}
        onClose={() => setPreviewing(null)}
      />
    </>
  );
};
