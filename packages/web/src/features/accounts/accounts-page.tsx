import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@zongzhi/contracts';
import {
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { RoleSelect, useRoleLabel } from '../../components/role-select';
import { TotpQr } from '../../components/totp-qr';
import { UnitPicker } from '../../components/unit-picker';
import { type Page, api } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import type { Account, TotpSecret } from './accounts-api';

type CreateValues = { username: string; displayName: string; password: string; personId?: number | null };
type GrantValues = { role: Role; unitId: number };

/**
 * Accounts and their roles. The system administrator creates, disables and resets passwords;
 * the security administrator grants and revokes roles, unlocks and resets the second factor.
 * Nobody changes their own roles.
 */
export const AccountsPage = () => {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { roles, session } = useAccess();
  const showError = useShowError();
  const qc = useQueryClient();
  const roleLabel = useRoleLabel();
  const wide = Grid.useBreakpoint().md ?? true;
  const isSys = roles.includes('sysadmin');
  const isSec = roles.includes('secadmin');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [granting, setGranting] = useState<Account | null>(null);
  const [createForm] = Form.useForm<CreateValues>();
  const [resetForm] = Form.useForm<{ newPassword: string }>();
  const [grantForm] = Form.useForm<GrantValues>();

  const accounts = useQuery({
    queryKey: ['accounts', q],
    queryFn: () => api.get<Page<Account>>('/accounts', { q, pageSize: 500 }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['accounts'] });

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.done'));
      await refresh();
    } catch (e) {
      showError(e);
    }
  };

  const submitForm = async <V,>(
    form: ReturnType<typeof Form.useForm<V>>[0],
    action: (values: V) => Promise<unknown>,
    close: () => void,
  ) => {
    const values = await form.validateFields();
    try {
      await action(values);
      message.success(t('common.done'));
      close();
      form.resetFields();
      await refresh();
    } catch (e) {
      showError(e, form);
    }
  };

  const resetTotp = (a: Account) =>
    run(async () => {
      const s = await api.post<TotpSecret>(`/accounts/${a.id}/reset-totp`);
      modal.info({
        title: t('accounts.resetTotp'),
        width: 520,
        content: (
          <Space orientation="vertical">
            <Typography.Text>{t('accounts.totpSecret')}</Typography.Text>
            <TotpQr uri={s.uri} />
            <Typography.Text code copyable data-testid="reset-totp-secret">
              {s.secret}
            </Typography.Text>
            <Typography.Text copyable style={{ wordBreak: 'break-all' }} type="secondary">
              {s.uri}
            </Typography.Text>
          </Space>
        ),
      });
    });

  const renderRoles = (a: Account) => {
    const self = a.id === session?.account.id;
    return (
      <Space size={4} wrap>
        {a.roles.map((r) =>
          isSec && !self ? (
            <Popconfirm
              key={r.id}
              title={t('accounts.revoke')}
              onConfirm={() => run(() => api.delete(`/accounts/${a.id}/roles/${r.id}`))}
            >
              <Tag closable onClose={(e) => e.preventDefault()} color="geekblue">
                {roleLabel(r.role)} @ {r.unitName}
              </Tag>
            </Popconfirm>
          ) : (
            <Tag key={r.id} color="geekblue">
              {roleLabel(r.role)} @ {r.unitName}
            </Tag>
          ),
        )}
        {isSec &&
          (self ? (
            <Tooltip title={t('accounts.self')}>
              <Button size="small" icon={<PlusOutlined />} disabled />
            </Tooltip>
          ) : (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setGranting(a)}
              data-testid={`grant-${a.username}`}
            >
              {t('accounts.grant')}
            </Button>
          ))}
      </Space>
    );
  };

  const columns: TableColumnsType<Account> = [
    {
      title: t('accounts.username'),
      dataIndex: 'username',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (u: string, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{u}</Typography.Text>
          <Typography.Text type="secondary">{a.displayName}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('accounts.status'),
      key: 'status',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.disabled ? <Tag>{t('accounts.disabled')}</Tag> : <Tag color="green">{t('accounts.active')}</Tag>}
          {a.locked && <Tag color="red">{t('accounts.locked')}</Tag>}
          {a.mustChangePassword && <Tag color="orange">{t('accounts.mustChangePassword')}</Tag>}
          <Tag color={a.totpEnabled ? 'blue' : 'default'}>
            {t('accounts.totp')}：{t(a.totpEnabled ? 'accounts.totpOn' : 'accounts.totpOff')}
          </Tag>
        </Space>
      ),
    },
    {
      title: t('accounts.roles'),
      key: 'roles',
      responsive: ['md'],
      render: (_, a) => renderRoles(a),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <Space size={0} wrap>
          {isSys && (
            <Popconfirm
              title={t('common.confirm')}
              onConfirm={() => run(() => api.patch(`/accounts/${a.id}`, { disabled: !a.disabled }))}
            >
              <Button type="link" size="small" danger={!a.disabled}>
                {t(a.disabled ? 'accounts.enable' : 'accounts.disable')}
              </Button>
            </Popconfirm>
          )}
          {isSys && (
            <Button type="link" size="small" onClick={() => setResetting(a)}>
              {t('accounts.resetPassword')}
            </Button>
          )}
          {isSec && a.locked && (
            <Button type="link" size="small" onClick={() => run(() => api.post(`/accounts/${a.id}/unlock`))}>
              {t('accounts.unlock')}
            </Button>
          )}
          {isSec && (
            <Popconfirm title={t('common.confirm')} onConfirm={() => resetTotp(a)}>
              <Button type="link" size="small">
                {t('accounts.resetTotp')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('accounts.title')}
      size="small"
      extra={
        isSys && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="account-create"
          >
            {t('accounts.create')}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={t('accounts.searchPlaceholder')}
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 280, marginBottom: 12 }}
      />
      <Table<Account>
        data-testid="accounts-table"
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={accounts.isFetching}
        columns={columns}
        dataSource={accounts.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        expandable={{
          // On a phone the roles column is hidden; it opens under the row instead.
          expandedRowRender: renderRoles,
          showExpandColumn: !wide,
        }}
      />

      <Modal
        title={t('accounts.create')}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() =>
          submitForm(
            createForm,
            (v) => api.post('/accounts', v),
            () => setCreating(false),
          )
        }
        destroyOnHidden
      >
        <Form form={createForm} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label={t('accounts.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('accounts.displayName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('accounts.password')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="personId" label={t('accounts.personId')}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`${t('accounts.resetPassword')}：${resetting?.username ?? ''}`}
        open={resetting !== null}
        onCancel={() => setResetting(null)}
        onOk={() =>
          submitForm(
            resetForm,
            (v) => api.post(`/accounts/${resetting?.id}/reset-password`, v),
            () => setResetting(null),
          )
        }
        destroyOnHidden
      >
        <Form form={resetForm} layout="vertical" preserve={false}>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`${t('accounts.grant')}：${granting?.username ?? ''}`}
        open={granting !== null}
        onCancel={() => setGranting(null)}
        onOk={() =>
          submitForm(
            grantForm,
            (v) => api.post(`/accounts/${granting?.id}/roles`, v),
            () => setGranting(null),
          )
        }
        destroyOnHidden
      >
        <Form form={grantForm} layout="vertical" preserve={false}>
          <Form.Item
            name="role"
            label={t('accounts.role')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <RoleSelect />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('accounts.scope')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <UnitPicker allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
};
