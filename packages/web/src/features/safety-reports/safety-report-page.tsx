import { DownloadOutlined, PrinterOutlined, RobotOutlined } from '@ant-design/icons';
import {
  SAFETY_REPORT_ENTERED_FIELDS,
  SAFETY_REPORT_FIELD_KEYS,
  SAFETY_REPORT_FIGURES,
  SAFETY_REPORT_FIGURE_KEYS,
  type SafetyReportFieldKey,
} from '@zongzhi/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { apiUrl } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  type FileSafetyReportRequest,
  type SafetyReport,
  fileSafetyReport,
  useInvalidateSafetyReports,
  useSafetyReport,
} from './safety-reports-api';

export const currentMonth = () => dayjs().format('YYYY-MM');
export const isMonth = (s: string | undefined | null): s is string =>
  !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** The free-text fields; every other entered field is a count. */
const TEXT_FIELDS: SafetyReportFieldKey[] = ['situation', 'remarks'];

/** 平安报表 of one town or department and month: what the system holds, and what only the unit knows. */
export const SafetyReportPage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const unitId = Number(params.unitId);
  const month = isMonth(params.month) ? params.month : currentMonth();
  const report = useSafetyReport(Number.isFinite(unitId) ? unitId : null, month);
  const r = report.data;

  return (
    <Card
      size="small"
      title={r ? t('safety.unitTitle', { unit: r.unit.name, month }) : t('safety.title')}
      extra={
        <Space wrap size={4}>
          <Link to={`/safety-reports?month=${month}`} data-testid="safety-report-county-link">
            {t('safety.county')}
          </Link>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl(`/safety-reports/${unitId}/${month}.xlsx`)}
            data-testid="safety-report-download"
          >
            {t('safety.download')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="safety-report-print">
            {t('safety.print')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          allowClear={false}
          value={unitId}
          onChange={(v) => v !== null && navigate(`/safety-reports/${v}/${month}`)}
          data-testid="safety-report-unit"
        />
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          onChange={(d) => d && navigate(`/safety-reports/${unitId}/${d.format('YYYY-MM')}`)}
          data-testid="safety-report-month"
        />
      </Space>
      {report.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {report.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      {r && <SafetyReportBody report={r} key={`${r.unit.id}-${r.month}-${r.revision ?? 0}`} />}
    </Card>
  );
};

const SafetyReportBody = ({ report: r }: { report: SafetyReport }) => {
  const { t, pick } = useI18n();
  const { canWrite } = useAccess();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateSafetyReports();
  const [form] = Form.useForm<FileSafetyReportRequest>();
  const [busy, setBusy] = useState(false);
  const editable = r.open && canWrite('safetyReports');
  const filed = r.status === 'filed';

  const submit = async (values: FileSafetyReportRequest) => {
    setBusy(true);
    try {
      await fileSafetyReport(r.unit.id, r.month, {
        ...values,
        situation: values.situation.trim(),
        remarks: (values.remarks ?? '').trim(),
      });
      message.success(t('safety.filedOk'));
      await invalidate();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <span data-testid="safety-report-status">
          {filed ? (
            <Tag color="green">{t('safety.filedRevision', { revision: r.revision ?? 1 })}</Tag>
          ) : (
            <Tag color="orange">{t('safety.draft')}</Tag>
          )}
        </span>
        {r.filedAt && (
          <Typography.Text type="secondary">
            {t('safety.filedBy', { by: r.filedBy ?? '', at: dayjs(r.filedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        )}
        {r.closesOn !== null && (
          <Typography.Text type={r.open ? 'secondary' : 'danger'}>
            {r.open ? t('safety.closesOn', { date: r.closesOn }) : t('safety.closed', { date: r.closesOn })}
          </Typography.Text>
        )}
      </Space>

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="safety-report-figures"
        title={
          <Space wrap>
            {t('safety.figures')}
            <Tag icon={<RobotOutlined />} color="blue" data-testid="safety-report-auto">
              {t('safety.auto')}
            </Tag>
          </Space>
        }
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(filed ? 'safety.figuresSnapshot' : 'safety.figuresAsOf', {
              at: dayjs(r.figuresAsOf).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Text>
        }
        items={SAFETY_REPORT_FIGURE_KEYS.map((k) => ({
          key: k,
          label: pick(SAFETY_REPORT_FIGURES[k].label),
          children: <span data-testid={`safety-figure-${k}`}>{r.figures[k]}</span>,
        }))}
      />

      <Form<FileSafetyReportRequest>
        form={form}
        layout="vertical"
        disabled={!editable}
        data-testid="safety-report-form"
        initialValues={r.entered ?? { remarks: '' }}
        onFinish={(v) => void submit(v)}
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('safety.entered')}
        </Typography.Title>
        <Space wrap size={16} align="start">
          {SAFETY_REPORT_FIELD_KEYS.filter((k) => !TEXT_FIELDS.includes(k)).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={pick(SAFETY_REPORT_ENTERED_FIELDS[k].label)}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                style={{ width: 180 }}
                data-testid={`safety-report-form-${k}`}
              />
            </Form.Item>
          ))}
        </Space>
        <Form.Item
          name="situation"
          label={pick(SAFETY_REPORT_ENTERED_FIELDS.situation.label)}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={5000}
            data-testid="safety-report-form-situation"
          />
        </Form.Item>
        <Form.Item name="remarks" label={pick(SAFETY_REPORT_ENTERED_FIELDS.remarks.label)}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="safety-report-form-remarks"
          />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="safety-report-form-submit">
            {filed ? t('safety.refile') : t('safety.file')}
          </Button>
        )}
      </Form>

      {r.revisions.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('safety.revisions')}
          </Typography.Title>
          <Timeline
            data-testid="safety-report-revisions"
            items={[...r.revisions].reverse().map((v) => ({
              key: v.revision,
              content: t('safety.revisionLine', {
                revision: v.revision,
                by: v.filedBy,
                at: dayjs(v.filedAt).format('YYYY-MM-DD HH:mm'),
              }),
            }))}
          />
        </>
      )}
    </Space>
  );
};
