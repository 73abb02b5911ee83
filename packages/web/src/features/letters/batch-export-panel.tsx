import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';
import { LETTER_URLS, fileUrl, startBatchExport, useBatchExports } from './letters-api';

/**
 * The PDF of a whole batch: rendered in the background on the server (a thousand letters take
 * seconds), so this starts the export, shows its progress and offers the file when it is done.
 */
export const BatchExportPanel = ({ batchId }: { batchId: number }) => {
  const { t, pick } = useI18n();
  const showError = useShowError();
  const exports = useBatchExports(batchId);
  const [starting, setStarting] = useState(false);
  const latest = exports.data?.items[0];
  const underWay = latest?.state === 'queued' || latest?.state === 'running';

  const start = async () => {
    setStarting(true);
    try {
      await startBatchExport(batchId);
      await exports.refetch();
    } catch (e) {
      showError(e);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="letters-batch-export">
      <Space wrap>
        <Button
          icon={<FilePdfOutlined />}
          loading={starting}
          disabled={underWay}
          onClick={() => void start()}
          data-testid="letters-batch-export-start"
        >
          {latest?.state === 'done' ? t('letters.export.again') : t('letters.wizard.bulkPdf')}
        </Button>
        {latest?.state === 'done' && (
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={fileUrl(LETTER_URLS.batchExportFile(batchId, latest.id))}
            data-testid="letters-batch-export-download"
          >
            {t('letters.export.download', { size: ((latest.fileBytes ?? 0) / 1024 / 1024).toFixed(1) })}
          </Button>
        )}
      </Space>
      {latest && latest.state !== 'done' && latest.state !== 'failed' && (
        <>
          <Progress
            percent={latest.total > 0 ? Math.floor((latest.done / latest.total) * 100) : 0}
            status="active"
            data-testid="letters-batch-export-progress"
          />
          <Typography.Text type="secondary" data-testid="letters-batch-export-text">
            {latest.state === 'queued'
              ? t('letters.export.queued')
              : t('letters.export.progress', { done: latest.done, total: latest.total })}
          </Typography.Text>
        </>
      )}
      {latest?.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={latest.error ? pick(latest.error) : t('letters.export.failed')}
          data-testid="letters-batch-export-failed"
        />
      )}
    </Space>
  );
};
