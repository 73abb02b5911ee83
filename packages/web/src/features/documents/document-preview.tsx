import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useI18n } from '../../lib/i18n/i18n';
import { documentDocxUrl, documentPdfUrl } from './documents-api';

export type DocumentPreviewProps = {
  /** An issued document's id (GET /documents/:id/pdf). */
  documentId: number;
  /** Its 发文字号, for the frame's title. */
  number?: string | null;
  /** Height of the PDF frame in px (default 640; the modal uses the window's height). */
  height?: number | string;
};

/** The download buttons of an issued document: 下载 PDF / 下载 Word. */
export const DocumentDownloads = ({ documentId }: { documentId: number }) => {
  const { t } = useI18n();
  return (
    <Space wrap size={8}>
      <Button
        icon={<FilePdfOutlined />}
        href={documentPdfUrl(documentId, true)}
        data-testid={`document-download-pdf-${documentId}`}
      >
        {t('documents.downloadPdf')}
      </Button>
      <Button
        icon={<FileWordOutlined />}
        href={documentDocxUrl(documentId)}
        data-testid={`document-download-docx-${documentId}`}
      >
        {t('documents.downloadWord')}
      </Button>
    </Space>
  );
};

/**
 * An issued document shown in the page: the PDF in the browser's viewer and the two downloads.
 * Other areas embed it by id: `<DocumentPreview documentId={id} />`.
 */
export const DocumentPreview = ({ documentId, number, height = 640 }: DocumentPreviewProps) => (
  <Space direction="vertical" style={{ width: '100%' }} size={8}>
    <DocumentDownloads documentId={documentId} />
    <iframe
      title={number ?? String(documentId)}
      src={documentPdfUrl(documentId)}
      style={{ width: '100%', height, border: '1px solid #f0f0f0' }}
      data-testid={`document-frame-${documentId}`}
    />
  </Space>
);

export type DocumentPreviewModalProps = {
  /** The document to show; the modal is closed while null. */
  documentId: number | null;
  number?: string | null;
  title?: string;
  onClose: () => void;
};

/** The same preview in a modal (full width on a phone). */
export const DocumentPreviewModal = ({ documentId, number, title, onClose }: DocumentPreviewModalProps) => {
  const { t } = useI18n();
  return (
    <Modal
      open={documentId !== null}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('documents.close')}</Button>}
      title={title ?? number ?? t('documents.preview')}
      width="min(960px, 100vw)"
      style={{ top: 16, maxWidth: '100vw' }}
      destroyOnHidden
    >
      {documentId !== null && (
        <DocumentPreview documentId={documentId} number={number ?? null} height="calc(100vh - 220px)" />
      )}
    </Modal>
  );
};
