import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { formatInstant } from './letter-labels';
import { type LetterTemplateSummary, useLetterTemplates } from './letters-api';

/** 责任书模板: shipped templates (read-only, copy to change) and those of my units. */
export const LetterTemplatesPage = () => {
  const { t } = useI18n();
  const { canWrite } = useAccess();
  const navigate = useNavigate();
  const templates = useLetterTemplates({});
  const writable = canWrite('letters');

  const columns: TableColumnsType<LetterTemplateSummary> = [
    {
      title: t('letters.template.name'),
      key: 'name',
      render: (_, r) => (
        <Space wrap size={4}>
          <Link to={`/letters/templates/${r.id}`} data-testid={`letter-template-open-${r.id}`}>
            {r.name}
          </Link>
          {r.shipped && <Tag color="blue">{t('letters.template.shipped')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('letters.template.relationship'),
      dataIndex: 'relationshipId',
      width: 160,
      responsive: ['md'],
    },
    {
      title: t('letters.template.owner'),
      key: 'owner',
      width: 160,
      responsive: ['md'],
      render: (_, r) => r.ownerUnitName ?? t('letters.template.product'),
    },
    { title: t('letters.template.targetCount'), dataIndex: 'targetCount', width: 90, align: 'right' },
    {
      title: t('letters.template.updatedAt'),
      key: 'updatedAt',
      width: 170,
      responsive: ['lg'],
      render: (_, r) => formatInstant(r.updatedAt),
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r: LetterTemplateSummary) => (
              <Button
                type="link"
                size="small"
                icon={<CopyOutlined />}
                onClick={() => navigate(`/letters/templates/new?from=${r.id}`)}
                data-testid={`letter-template-copy-${r.id}`}
              >
                {t('letters.template.copy')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('letters.templates.title')}
      extra={
        <Space wrap size={4}>
          <Button onClick={() => navigate('/letters')}>{t('common.back')}</Button>
          {writable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/letters/templates/new')}
              data-testid="letter-template-create"
            >
              {t('letters.template.create')}
            </Button>
          )}
        </Space>
      }
    >
      {templates.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table<LetterTemplateSummary>
          data-testid="letter-templates-table"
          size="small"
          rowKey="id"
          loading={templates.isFetching}
          columns={columns}
          dataSource={templates.data?.items ?? []}
          pagination={false}
          locale={{
            emptyText: <Typography.Text type="secondary">{t('letters.templates.empty')}</Typography.Text>,
          }}
        />
      )}
    </Card>
  );
};
