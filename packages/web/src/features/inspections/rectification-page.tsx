import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { useI18n } from '../../lib/i18n/i18n';
import { CountdownTag, StatusTag } from './countdown-tag';
import {
  type RectificationAction,
  actOnRectification,
  useInvalidateInspections,
  useRectification,
} from './inspections-api';

type ActionSpec = {
  action: RectificationAction;
  label: string;
  field: 'note' | 'reason';
  required: boolean;
  danger?: boolean;
};

/**
 * 整改任务: one rectification with its countdown, its history, and what the caller may do — the
 * owner unit reports progress and asks for acceptance; the inspecting side accepts, sends back or
 * closes. One column on a phone.
 */
export const RectificationPage = () => {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const task = useRectification(id);
  const invalidate = useInvalidateInspections();
  const [acting, setActing] = useState<ActionSpec | null>(null);
  const [form] = Form.useForm<{ note?: string; reason?: string }>();

  if (task.error) return <Alert type="error" showIcon title={t('common.networkError')} />;
  if (!task.data) return <Spin />;
  const r = task.data;
  const actions: (ActionSpec & { allowed: boolean })[] = [
    {
      action: 'progress',
      label: t('inspections.reportProgress'),
      field: 'note',
      required: true,
      allowed: r.can.report,
    },
    {
      action: 'submit',
      label: t('inspections.submit'),
      field: 'note',
      required: true,
      allowed: r.can.submit,
    },
    {
      action: 'accept',
      label: t('inspections.accept'),
      field: 'note',
      required: false,
      allowed: r.can.accept,
    },
    {
      action: 'reject',
      label: t('inspections.reject'),
      field: 'reason',
      required: true,
      danger: true,
      allowed: r.can.accept,
    },
    { action: 'close', label: t('inspections.close'), field: 'note', required: false, allowed: r.can.close },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/rectifications">
        <ArrowLeftOutlined /> {t('inspections.back')}
      </Link>
      <Card
        size="small"
        title={
          <Space wrap>
            {t('inspections.task')}
            <StatusTag task={r} />
            <CountdownTag task={r} />
          </Space>
        }
      >
        <Typography.Paragraph strong data-testid="rectification-description">
          {r.description}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label={t('inspections.owner')}>{r.ownerUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.responsible')}>
            {r.responsibleName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.severity')}>
            {t(`inspections.severity.${r.severity}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.kind')}>
            {t(`inspections.kind.${r.inspectionKind}`)} · {r.inspectingUnitName}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.issuedOn')}>{r.issuedOn}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.deadline')}>
            <Space size={4} wrap>
              <span data-testid="rectification-deadline">{r.deadline}</span>
              <Tag>{t(`inspections.deadlineBasis.${r.deadlineBasis}`)}</Tag>
              {r.deadlineReason && <Typography.Text type="secondary">{r.deadlineReason}</Typography.Text>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.rulebook')}>
            {r.rulebookId} v{r.rulebookVersion}
          </Descriptions.Item>
          {r.rejections > 0 && (
            <Descriptions.Item label={t('inspections.rejections')}>{r.rejections}</Descriptions.Item>
          )}
          {r.acceptedOn && (
            <Descriptions.Item label={t('inspections.status.accepted')}>
              {r.acceptedOn} {r.acceptedOnTime ? t('inspections.onTime') : t('inspections.late')}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {actions
            .filter((a) => a.allowed)
            .map((a) => (
              <Button
                key={a.action}
                type={a.action === 'submit' || a.action === 'accept' ? 'primary' : 'default'}
                danger={a.danger ?? false}
                onClick={() => {
                  form.resetFields();
                  setActing(a);
                }}
                data-testid={`rectification-${a.action}`}
              >
                {a.label}
              </Button>
            ))}
        </Space>
      </Card>
      <Card size="small" title={t('inspections.history')}>
        <Timeline
          data-testid="rectification-history"
          items={r.events.map((e) => ({
            color:
              e.kind === 'rejected' ? 'red' : e.kind === 'accepted' || e.kind === 'closed' ? 'green' : 'blue',
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {t(`inspections.event.${e.kind}`)} · {e.onDate} · {e.by}
                </Typography.Text>
                {e.note && <Typography.Text>{e.note}</Typography.Text>}
                {e.newDeadline && e.kind !== 'issued' && (
                  <Typography.Text type="danger">
                    {t('inspections.newDeadline', { date: e.newDeadline })}
                  </Typography.Text>
                )}
              </Space>
            ),
          }))}
        />
      </Card>
      {acting && (
        <FormModal
          title={acting.label}
          open
          onClose={() => setActing(null)}
          form={form}
          testId={`rectification-${acting.action}-form`}
          danger={acting.danger ?? false}
          onSubmit={async (values) => {
            const text = values[acting.field];
            await actOnRectification(r.id, acting.action, text ? { [acting.field]: text } : {});
            await invalidate();
          }}
        >
          <Form.Item
            name={acting.field}
            label={acting.field === 'reason' ? t('inspections.reason') : t('inspections.note')}
            rules={acting.required ? [{ required: true, whitespace: true }] : []}
          >
            <Input.TextArea
              rows={4}
              maxLength={acting.field === 'reason' ? 2000 : 5000}
              data-testid="rectification-action-text"
            />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
};
