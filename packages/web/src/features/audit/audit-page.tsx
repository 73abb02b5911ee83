import {
  AUDIT_OUTCOMES,
  ROLES,
  type Role,
  type AuditOutcome,
  type AuditPage as AuditRecordPage,
  type AuditRecord,
  type AuditVerifyResult,
} from '@zongzhi/contracts';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type QueryParams, apiUrl, api } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useRoleLabel } from '../../components/role-select';
import { useShowError } from '../../lib/use-show-error';

type Filters = {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
};

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

const OUTCOME_COLORS: Record<AuditOutcome, string> = { ok: 'green', denied: 'orange', failed: 'red' };

const toQuery = (f: Filters): QueryParams => ({
  // Whole days: the API reads a bare date as that day in China time, `to` inclusive.
  from: f.range?.[0]?.format('YYYY-MM-DD'),
  to: f.range?.[1]?.format('YYYY-MM-DD'),
  actor: f.actor?.trim(),
  action: f.action?.trim(),
  outcome: f.outcome,
});

/** The audit log (audit administrator only): filter, read, export, and verify the hash chain. */
export const AuditPage = () => {
  const { t, pick } = useI18n();
  const { auditOutcome } = useDomainLabels();
  const roleLabel = useRoleLabel();
  const actorRoleLabel = (role: string) => (isRole(role) ? roleLabel(role) : role);
  const showError = useShowError();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<QueryParams>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const records = useQuery({
    queryKey: ['audit', filters, page, pageSize],
    queryFn: () => api.get<AuditRecordPage>('/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerifyResult>('/audit/verify'));
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.seq'), dataIndex: 'chainSeq', width: 80, responsive: ['lg'], render: (v) => v ?? '—' },
    {
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, r) => (
        <>
          {r.actorName ?? '—'}
          {r.actorRole && (
            <Typography.Text type="secondary"> ({actorRoleLabel(r.actorRole)})</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      responsive: ['md'],
      render: (_, r) =>
        r.targetType ? `${r.targetType}${r.targetId !== null ? ` #${r.targetId}` : ''}` : '—',
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (o: AuditOutcome) => <Tag color={OUTCOME_COLORS[o]}>{auditOutcome(o)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', responsive: ['xl'], render: (v) => v ?? '—' },
  ];

  return (
    <Card
      title={t('audit.title')}
      size="small"
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/audit/export.xlsx', filters)}
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={runVerify}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      {verify && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          type={verify.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            verify.ok || !verify.firstBroken
              ? t('audit.verifyOk', { checked: verify.checked, pending: verify.pending })
              : t('audit.verifyBroken', {
                  chainSeq: verify.firstBroken.chainSeq,
                  reason: pick(verify.firstBroken.message),
                })
          }
        />
      )}
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v) => {
          setFilters(toQuery(v));
          setPage(1);
        }}
      >
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear style={{ width: 180 }} placeholder="security.login" />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: auditOutcome(o) }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.query')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<AuditRecord>
        data-testid="audit-table"
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={records.isFetching}
        columns={columns}
        dataSource={records.data?.items ?? []}
        expandable={{
          expandedRowRender: (r) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('audit.requestId')}: {r.requestId ?? '—'} · {t('audit.ip')}: {r.ip ?? '—'}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                {t('audit.hash')}: {r.hash ?? '—'}
              </Typography.Text>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(r.details, null, 2)}
              </pre>
            </Space>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: records.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
      />
    </Card>
  );
};
