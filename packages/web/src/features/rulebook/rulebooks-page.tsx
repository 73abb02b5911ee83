import { EditOutlined, LinkOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Grid, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { AttachRulebookDialog } from './attach-rulebook-dialog';
import { type RulebookSummary, useRulebook, useRulebookVersions, useRulebooks } from './rulebook-api';

/** 制度配置: every published rulebook with its latest version; writers edit and attach them. */
export const RulebooksPage = () => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { session, canWrite } = useAccess();
  const rulebooks = useRulebooks();
  const [viewing, setViewing] = useState<string | null>(null);
  const [attaching, setAttaching] = useState<string | null | undefined>(undefined);
  const writable = canWrite('rulebooks');
  const scopeUnitId = session?.grants[0]?.unitId;

  const columns: TableColumnsType<RulebookSummary> = [
    {
      title: t('rulebooks.name'),
      key: 'name',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => setViewing(r.id)} data-testid={`rulebook-view-${r.id}`}>
            {pick(r.name)}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('rulebooks.level'),
      dataIndex: 'jurisdictionLevel',
      width: 90,
      responsive: ['md'],
      render: (l: RulebookSummary['jurisdictionLevel']) => t(`rulebooks.level.${l}`),
    },
    { title: t('rulebooks.extends'), dataIndex: 'extends', responsive: ['lg'], render: (e) => e ?? '—' },
    {
      title: t('rulebooks.latestVersion'),
      key: 'version',
      width: 100,
      render: (_, r) => t('rulebooks.versionN', { version: r.latestVersion }),
    },
    {
      title: t('rulebooks.publishedAt'),
      key: 'publishedAt',
      responsive: ['md'],
      render: (_, r) => `${dayjs(r.publishedAt).format('YYYY-MM-DD HH:mm')} · ${r.publishedBy}`,
    },
    { title: t('rulebooks.attachedUnits'), dataIndex: 'attachedUnits', width: 110, responsive: ['sm'] },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            responsive: ['sm' as const],
            render: (_: unknown, r: RulebookSummary) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/rulebooks/${r.id}/edit`)}
                  data-testid={`rulebook-edit-${r.id}`}
                >
                  {t('rulebooks.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<LinkOutlined />}
                  onClick={() => setAttaching(r.id)}
                  data-testid={`rulebook-attach-open-${r.id}`}
                >
                  {t('rulebooks.attach')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('rulebooks.title')}
      size="small"
      extra={
        <Space wrap size={4}>
          {scopeUnitId && (
            <Button icon={<NodeIndexOutlined />} onClick={() => navigate(`/rulebooks/units/${scopeUnitId}`)}>
              {t('rulebooks.effective')}
            </Button>
          )}
          {writable && (
            <Button
              type="primary"
              icon={<LinkOutlined />}
              onClick={() => setAttaching(null)}
              data-testid="rulebook-attach-open"
            >
              {t('rulebooks.attach')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<RulebookSummary>
        data-testid="rulebooks-table"
        size="small"
        rowKey="id"
        loading={rulebooks.isFetching}
        columns={columns}
        dataSource={rulebooks.data?.items ?? []}
        pagination={false}
      />
      {viewing && <RulebookDrawer id={viewing} onClose={() => setViewing(null)} writable={writable} />}
      {attaching !== undefined && (
        <AttachRulebookDialog
          {...(attaching ? { rulebookId: attaching } : {})}
          onClose={() => setAttaching(undefined)}
        />
      )}
    </Card>
  );
};

/** A rulebook's versions and the text of the one picked (the latest first). */
const RulebookDrawer = ({
  id,
  onClose,
  writable,
}: {
  id: string;
  onClose: () => void;
  writable: boolean;
}) => {
  const { t } = useI18n();
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const versions = useRulebookVersions(id);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const text = useRulebook(id, version);
  return (
    <Drawer
      open
      onClose={onClose}
      size={mobile ? '100%' : 720}
      title={id}
      extra={
        writable && (
          <Link to={`/rulebooks/${id}/edit`}>
            <EditOutlined /> {t('rulebooks.edit')}
          </Link>
        )
      }
    >
      <Table
        size="small"
        rowKey="version"
        loading={versions.isFetching}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        rowClassName={(v) => (v.version === (version ?? text.data?.version) ? 'ant-table-row-selected' : '')}
        onRow={(v) => ({ onClick: () => setVersion(v.version), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('rulebooks.versions'),
            dataIndex: 'version',
            width: 80,
            render: (v) => t('rulebooks.versionN', { version: v }),
          },
          {
            title: t('rulebooks.publishedAt'),
            dataIndex: 'publishedAt',
            render: (a) => dayjs(a).format('YYYY-MM-DD HH:mm'),
          },
          { title: t('rulebooks.publishedBy'), dataIndex: 'publishedBy' },
          {
            title: t('rulebooks.digest'),
            dataIndex: 'digest',
            responsive: ['md'],
            render: (d: string) => <Typography.Text code>{d.slice(0, 12)}…</Typography.Text>,
          },
        ]}
        style={{ marginBottom: 12 }}
      />
      {text.isLoading ? (
        <Spin />
      ) : (
        <pre
          style={{
            fontSize: 12,
            background: '#fafafa',
            border: '1px solid #f0f0f0',
            padding: 12,
            maxHeight: '60vh',
            overflow: 'auto',
          }}
        >
          {text.data ? JSON.stringify(text.data.body, null, 2) : ''}
        </pre>
      )}
    </Drawer>
  );
};
