import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { API_KEY_ROLES, type Role } from '@zongzhi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { RoleSelect, useRoleLabel } from '../../components/role-select';
import { UnitPicker } from '../../components/unit-picker';
import { type Page, api } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';
import type { ApiKey } from './accounts-api';

type CreateValues = { name: string; role: Role; unitId: number; expiresAt?: Dayjs | null };

const formatTime = (v: string | null | undefined) => (v ? v.replace('T', ' ').slice(0, 16) : '—');

/** API keys for other systems (security administrator); a new key is shown once. */
export const ApiKeysPage = () => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const roleLabel = useRoleLabel();
  const [creating, setCreating] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [form] = Form.useForm<CreateValues>();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => api.get<Page<ApiKey>>('/api-keys', { pageSize: 500 }),
  });

  const create = async () => {
    const v = await form.validateFields();
    try {
      const res = await api.post<{ id: number; key: string }>('/api-keys', {
        name: v.name,
        role: v.role,
        unitId: v.unitId,
        ...(v.expiresAt ? { expiresAt: v.expiresAt.endOf('day').toISOString() } : {}),
      });
      setCreating(false);
      setNewKey(res.key);
      await qc.invalidateQueries({ queryKey: ['api-keys'] });
    } catch (e) {
      showError(e, form);
    }
  };

  const revoke = async (k: ApiKey) => {
    try {
      await api.delete(`/api-keys/${k.id}`);
      message.success(t('common.done'));
      await qc.invalidateQueries({ queryKey: ['api-keys'] });
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name' },
    {
      title: t('apiKeys.prefix'),
      dataIndex: 'prefix',
      responsive: ['md'],
      render: (v: string) => <Typography.Text code>{v}…</Typography.Text>,
    },
    {
      title: t('accounts.status'),
      key: 'status',
      render: (_, k) =>
        k.revokedAt ? (
          <Tag>{t('apiKeys.revoked')}</Tag>
        ) : k.expiresAt && new Date(k.expiresAt) < new Date() ? (
          <Tag color="orange">{t('apiKeys.expired')}</Tag>
        ) : (
          <Tag color="green">{t('apiKeys.active')}</Tag>
        ),
    },
    { title: t('accounts.role'), dataIndex: 'role', render: (r: Role) => roleLabel(r) },
    {
      title: t('accounts.scope'),
      key: 'unit',
      responsive: ['md'],
      render: (_, k) => k.unitName,
    },
    {
      title: t('apiKeys.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatTime(v) : t('apiKeys.never')),
    },
    { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', responsive: ['lg'], render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, k) =>
        !k.revokedAt && (
          <Popconfirm title={t('apiKeys.revoke')} onConfirm={() => revoke(k)}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('apiKeys.title')}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      {newKey && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setNewKey(null) }}
          style={{ marginBottom: 12 }}
          title={t('apiKeys.createdKey')}
          description={
            <Typography.Text code copyable data-testid="api-key-value">
              {newKey}
            </Typography.Text>
          }
        />
      )}
      <Table<ApiKey>
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={keys.isFetching}
        columns={columns}
        dataSource={keys.data?.items ?? []}
        pagination={false}
      />
      <Modal
        title={t('apiKeys.create')}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={create}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="role"
            label={t('accounts.role')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <RoleSelect roles={API_KEY_ROLES} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('accounts.scope')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitPicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('apiKeys.expiresAt')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
};
