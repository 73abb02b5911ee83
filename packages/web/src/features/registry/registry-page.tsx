import { type Problem, type RegistryImportResponse, XLSX_MIME } from '@zongzhi/contracts';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../../components/unit-picker';
import { ApiError, apiUrl, request } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';

type ImportCounts = RegistryImportResponse;
type CellError = Problem['errors'][number];

/** Registry Excel: template, export of a subtree, and an all-or-nothing import. */
export const RegistryPage = () => {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { canWrite } = useAccess();
  const showError = useShowError();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<ImportCounts | null>(null);
  const [cellErrors, setCellErrors] = useState<CellError[]>([]);

  const upload = async (file: File) => {
    setResult(null);
    setCellErrors([]);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('registry.wrongType'));
      return;
    }
    setUploading(true);
    try {
      const counts = await request<ImportCounts>('/registry/import', {
        method: 'POST',
        body: file,
        contentType: XLSX_MIME,
      });
      setResult(counts);
      await qc.invalidateQueries();
    } catch (e) {
      // Wrong cells go to the table below; the toast carries only the summary.
      if (e instanceof ApiError && e.problem.errors.length > 0) {
        setCellErrors(e.problem.errors);
        message.error(pick(e.problem.message));
      } else showError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <Card size="small" title={t('registry.template')} style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary">{t('registry.templateHint')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/registry/template.xlsx')}
            data-testid="registry-template"
          >
            {t('registry.template')}
          </Button>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('registry.export')} style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary">{t('registry.exportHint')}</Typography.Paragraph>
          <Space wrap>
            <UnitPicker value={unitId} onChange={setUnitId} placeholder={t('common.allUnits')} />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={apiUrl('/registry/export.xlsx', { unitId })}
              data-testid="registry-export"
            >
              {t('registry.export')}
            </Button>
          </Space>
        </Card>
      </Col>
      {canWrite('registry') && (
        <Col xs={24}>
          <Card size="small" title={t('registry.import')}>
            <Typography.Paragraph type="secondary">{t('registry.importHint')}</Typography.Paragraph>
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="registry-import">
                {t('registry.upload')}
              </Button>
            </Upload>
            {result && (
              <Alert
                style={{ marginTop: 12 }}
                type="success"
                showIcon
                title={t('registry.imported', { ...result })}
              />
            )}
            {cellErrors.length > 0 && (
              <>
                <Alert style={{ margin: '12px 0' }} type="error" showIcon title={t('registry.rowErrors')} />
                <Table<CellError & { key: number }>
                  data-testid="registry-errors"
                  size="small"
                  dataSource={cellErrors.map((e, key) => ({ ...e, key }))}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: t('registry.cell'), dataIndex: 'path', width: 160 },
                    { title: t('registry.error'), key: 'message', render: (_, e) => pick(e.message) },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
      )}
    </Row>
  );
};
