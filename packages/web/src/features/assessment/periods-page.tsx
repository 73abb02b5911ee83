import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  type AssessmentPeriodSummary,
  closePeriod,
  computePeriod,
  correctPeriod,
  openPeriod,
  resultsXlsxUrl,
  useInvalidateAssessment,
  usePeriods,
} from './assessment-api';

const KINDS = ['month', 'quarter', 'year'] as const;

/** 考核评价: the periods I may see; the operator opens, computes, closes and corrects them. */
export const PeriodsPage = () => {
  const { t } = useI18n();
  const { canWrite } = useAccess();
  const writable = canWrite('assessment');
  const periods = usePeriods();
  const invalidate = useInvalidateAssessment();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const [opening, setOpening] = useState(false);
  const [correcting, setCorrecting] = useState<AssessmentPeriodSummary | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const compute = async (p: AssessmentPeriodSummary) => {
    setBusy(p.id);
    try {
      const detail = await computePeriod(p.id);
      message.success(t('assessment.computed', { version: detail.version }));
      await invalidate();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };
  const close = (p: AssessmentPeriodSummary) =>
    modal.confirm({
      title: t('assessment.close'),
      content: t('assessment.closeConfirm'),
      okText: t('assessment.close'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'assessment-close-ok' } as ButtonProps,
      onOk: async () => {
        try {
          const res = await closePeriod(p.id);
          message.success(
            t('assessment.closed', {
              failures: res.failuresRecorded.length,
              proposals: res.proposals.length,
            }),
          );
          await invalidate();
        } catch (e) {
          showError(e);
        }
      },
    });

  const columns: TableColumnsType<AssessmentPeriodSummary> = [
    { title: t('assessment.unit'), dataIndex: 'rootUnitName', key: 'unit' },
    {
      title: t('assessment.kind'),
      key: 'kind',
      render: (_, p) => t(`assessment.kind.${p.kind}`),
    },
    { title: t('assessment.periodKey'), dataIndex: 'periodKey', key: 'key' },
    { title: t('assessment.dates'), key: 'dates', render: (_, p) => `${p.periodStart} ~ ${p.periodEnd}` },
    {
      title: t('assessment.rulebook'),
      key: 'rulebook',
      render: (_, p) => t('assessment.rulebookVersion', { id: p.rulebookId, version: p.rulebookVersion }),
    },
    {
      title: t('assessment.status'),
      key: 'status',
      render: (_, p) => (
        <Tag color={p.status === 'open' ? 'blue' : 'default'} data-testid={`assessment-status-${p.id}`}>
          {t(`assessment.status.${p.status}`)}
        </Tag>
      ),
    },
    {
      title: t('assessment.version'),
      key: 'version',
      render: (_, p) => (
        <span data-testid={`assessment-version-${p.id}`}>
          {p.version === 0 ? t('assessment.notComputed') : p.version}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space wrap size={4}>
          <Link to={`/assessment/periods/${p.id}`} data-testid={`assessment-open-${p.id}`}>
            {t('assessment.results')}
          </Link>
          {writable && p.status === 'open' && (
            <Button
              size="small"
              loading={busy === p.id}
              onClick={() => void compute(p)}
              data-testid={`assessment-compute-${p.id}`}
            >
              {t('assessment.compute')}
            </Button>
          )}
          {writable && p.status === 'open' && p.version > 0 && (
            <Button size="small" danger onClick={() => close(p)} data-testid={`assessment-close-${p.id}`}>
              {t('assessment.close')}
            </Button>
          )}
          {writable && p.status === 'closed' && (
            <Button size="small" onClick={() => setCorrecting(p)} data-testid={`assessment-correct-${p.id}`}>
              {t('assessment.correct')}
            </Button>
          )}
          {p.version > 0 && (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={resultsXlsxUrl(p.id)}
              data-testid={`assessment-export-${p.id}`}
            >
              {t('assessment.export')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('assessment.title')}
      size="small"
      extra={
        writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="assessment-new"
          >
            {t('assessment.open')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={periods.data?.items ?? []}
        loading={periods.isLoading}
        locale={{ emptyText: t('assessment.empty') }}
        scroll={{ x: true }}
        onRow={(p) => ({ 'data-testid': `assessment-period-${p.id}` }) as object}
        pagination={false}
      />
      <OpenPeriodDialog open={opening} onClose={() => setOpening(false)} />
      <CorrectDialog period={correcting} onClose={() => setCorrecting(null)} />
    </Card>
  );
};

const OpenPeriodDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<{ unitId: number; kind: (typeof KINDS)[number]; periodKey: string }>();
  const invalidate = useInvalidateAssessment();
  const showError = useShowError();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await openPeriod(values);
      await invalidate();
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('assessment.open')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'assessment-open-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assessment.openHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ kind: 'year' }}>
        <Form.Item
          name="unitId"
          label={t('assessment.unit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitPicker data-testid="assessment-open-unit" />
        </Form.Item>
        <Form.Item name="kind" label={t('assessment.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="assessment-open-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`assessment.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="periodKey"
          label={t('assessment.periodKey')}
          extra={t('assessment.periodKeyHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input data-testid="assessment-open-key" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const CorrectDialog = ({
  period,
  onClose,
}: {
  period: AssessmentPeriodSummary | null;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const invalidate = useInvalidateAssessment();
  const showError = useShowError();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!period) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await correctPeriod(period.id, values);
      message.success(t('assessment.corrected'));
      await invalidate();
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={period !== null}
      title={t('assessment.correctTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'assessment-correct-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assessment.correctHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('assessment.reason')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="assessment-correct-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
