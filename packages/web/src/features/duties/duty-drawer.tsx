import type { Attachment, FulfilDutyRequest } from '@zongzhi/contracts';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  List,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  type DutyOccurrenceDetail,
  fulfilDuty,
  useDuty,
  useInvalidateDuties,
  usePostHolders,
  waiveDuty,
} from './duties-api';
import { DutyStateTag } from './duty-state-tag';

/** Lines of a textarea; attendees may also be separated by 、 or commas. */
const lines = (text: string | undefined, separators = /\n/) =>
  (text ?? '')
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');

const sha256Hex = async (file: File) => {
  // Only in a secure context (HTTPS or localhost); elsewhere the digest is left out.
  if (!globalThis.crypto?.subtle) return undefined;
  const hash = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

const describeFile = async (file: File): Promise<Attachment> => {
  const digest = await sha256Hex(file);
  return {
    name: file.name,
    size: file.size,
    ...(file.type ? { mediaType: file.type } : {}),
    ...(digest ? { digest } : {}),
  };
};

/** Named as the API names them (meeting.date, report.summary), so its field errors land here. */
type FulfilValues = {
  meeting?: { date?: Dayjs; chairPersonId?: number; attendees?: string; topics?: string; decisions?: string };
  report?: { title?: string; summary?: string };
};

/** The details of one occurrence, its fulfilment, and — for those allowed — fulfil and waive. */
export const DutyDrawer = ({ id, onClose }: { id: number | null; onClose: () => void }) => {
  const { t, pick } = useI18n();
  const duty = useDuty(id);
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const d = duty.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 600}
      title={d ? pick(d.dutyName) : t('duties.detail')}
      destroyOnHidden
      data-testid="duty-drawer"
    >
      {duty.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {duty.error && <Alert type="error" showIcon title={t('common.networkError')} />}
      {d && <DutyDetail duty={d} />}
    </Drawer>
  );
};

const DutyDetail = ({ duty: d }: { duty: DutyOccurrenceDetail }) => {
  const { t, pick } = useI18n();
  const { canWrite } = useAccess();
  const open = d.state !== 'done' && d.state !== 'done_late' && d.state !== 'waived';
  const [waiving, setWaiving] = useState(false);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'state',
            label: t('duties.state'),
            children: (
              <Space wrap>
                <span data-testid="duty-drawer-state">
                  <DutyStateTag state={d.state} timeStatus={d.timeStatus} />
                </span>
                {d.daysLate > 0 && (
                  <Typography.Text type="danger">
                    {t('duties.daysLate', { days: d.daysLate })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'unit',
            label: t('common.unit'),
            children: <Link to={`/units/${d.unitId}`}>{d.unitName}</Link>,
          },
          {
            key: 'kind',
            label: t('duties.duty'),
            children: `${pick(d.dutyName)} · ${t(`duties.kind.${d.dutyKind}`)}`,
          },
          {
            key: 'period',
            label: t('duties.period'),
            children: `${d.periodKey} · ${d.periodStart} ~ ${d.periodEnd}`,
          },
          { key: 'deadline', label: t('duties.deadline'), children: d.deadline },
          {
            key: 'rulebook',
            label: t('duties.rulebook'),
            children: `${d.rulebookId} ${t('rulebooks.versionN', { version: d.rulebookVersion })}`,
          },
          ...(d.evidenceRequired
            ? [{ key: 'evidence', label: t('duties.attachments'), children: t('duties.evidenceRequired') }]
            : []),
          ...(d.fulfilledOn
            ? [{ key: 'done', label: t('duties.fulfilledOn'), children: d.fulfilledOn }]
            : []),
        ]}
      />
      {d.waiver && (
        <Alert
          type="info"
          showIcon
          title={t('duties.waivedBy', {
            by: d.waiver.by,
            at: dayjs(d.waiver.at).format('YYYY-MM-DD HH:mm'),
            reason: d.waiver.reason,
          })}
        />
      )}
      {d.fulfilment && <FulfilmentView duty={d} />}
      {open && canWrite('duties') && <FulfilForm duty={d} />}
      {open && canWrite('dutyWaiver') && (
        <Button danger onClick={() => setWaiving(true)} data-testid="duty-waive-open">
          {t('duties.waive')}
        </Button>
      )}
      {waiving && <WaiveDialog duty={d} onClose={() => setWaiving(false)} />}
    </Space>
  );
};

const FulfilmentView = ({ duty: d }: { duty: DutyOccurrenceDetail }) => {
  const { t } = useI18n();
  const f = d.fulfilment;
  if (!f) return null;
  const items = [
    ...(f.meeting
      ? [
          { key: 'date', label: t('duties.meetingDate'), children: f.meeting.date },
          { key: 'chair', label: t('duties.chair'), children: f.meeting.chair },
          { key: 'attendees', label: t('duties.attendees'), children: f.meeting.attendees.join('、') },
          { key: 'topics', label: t('duties.topics'), children: <Lines items={f.meeting.topics} /> },
          { key: 'decisions', label: t('duties.decisions'), children: <Lines items={f.meeting.decisions} /> },
        ]
      : []),
    ...(f.report
      ? [
          ...(f.report.title
            ? [{ key: 'title', label: t('duties.reportTitle'), children: f.report.title }]
            : []),
          {
            key: 'summary',
            label: t('duties.reportSummary'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{f.report.summary}</span>,
          },
        ]
      : []),
    ...(f.attachments.length > 0
      ? [
          {
            key: 'attachments',
            label: t('duties.attachments'),
            children: <Lines items={f.attachments.map((a) => a.name)} />,
          },
        ]
      : []),
    { key: 'by', label: t('duties.recordedBy'), children: f.recordedBy },
    { key: 'at', label: t('duties.recordedAt'), children: dayjs(f.recordedAt).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
        {t('duties.fulfilment')}
      </Divider>
      <Descriptions size="small" column={1} bordered items={items} data-testid="duty-fulfilment" />
    </>
  );
};

const Lines = ({ items }: { items: string[] }) =>
  items.length === 0 ? (
    '—'
  ) : (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a record may repeat and never move
        <li key={i}>{s}</li>
      ))}
    </ul>
  );

const FulfilForm = ({ duty: d }: { duty: DutyOccurrenceDetail }) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateDuties();
  const [form] = Form.useForm<FulfilValues>();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState(false);
  const meeting = d.dutyKind === 'meeting';
  // The chair is picked from the unit's post holders on the meeting date, the principal preset
  // (burden reduction, RULES §9: pick, don't type); the API refuses anyone else.
  const meetingDate = Form.useWatch(['meeting', 'date'], form) as Dayjs | undefined;
  const holders = usePostHolders(d.unitId, toIsoDate(meetingDate ?? dayjs()), meeting);
  const chairOptions = useMemo(() => {
    const roles = holders.data?.roles;
    if (!roles) return [];
    const seen = new Set<number>();
    return [...roles.principal, ...roles.in_charge, ...roles.member, ...roles.specific]
      .filter((h) => !seen.has(h.personId) && seen.add(h.personId))
      .map((h) => ({ value: h.personId, label: `${h.name}（${h.title}）` }));
  }, [holders.data]);
  useEffect(() => {
    if (!holders.data) return;
    const current = form.getFieldValue(['meeting', 'chairPersonId']) as number | undefined;
    if (current !== undefined && chairOptions.some((o) => o.value === current)) return;
    form.setFieldValue(['meeting', 'chairPersonId'], holders.data.roles.principal[0]?.personId);
  }, [holders.data, chairOptions, form]);

  const submit = async ({ meeting: m = {}, report: r = {} }: FulfilValues) => {
    const body: FulfilDutyRequest = meeting
      ? {
          kind: 'meeting',
          meeting: {
            date: toIsoDate(m.date ?? dayjs()),
            chairPersonId: m.chairPersonId ?? 0,
            attendees: lines(m.attendees, /[\n、,，;；]/),
            topics: lines(m.topics),
            decisions: lines(m.decisions),
          },
          attachments: files,
        }
      : {
          kind: 'report',
          report: {
            ...(r.title?.trim() ? { title: r.title.trim() } : {}),
            summary: (r.summary ?? '').trim(),
            items: [],
          },
          attachments: files,
        };
    setBusy(true);
    try {
      await fulfilDuty(d.id, body);
      message.success(t('common.done'));
      await invalidate();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  // Meetings of the period, held by today: the API refuses the rest too.
  const outside = (day: Dayjs) => day.isAfter(dayjs(), 'day') || day.isBefore(dayjs(d.periodStart), 'day');
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: '4px 0' }}>
        {meeting ? t('duties.fulfilMeeting') : t('duties.fulfilReport')}
      </Divider>
      <Form<FulfilValues>
        form={form}
        layout="vertical"
        data-testid="duty-fulfil"
        initialValues={{ meeting: { date: dayjs().isBefore(dayjs(d.periodStart)) ? undefined : dayjs() } }}
        onFinish={(v) => void submit(v)}
      >
        {meeting ? (
          <>
            <Form.Item
              name={['meeting', 'date']}
              label={t('duties.meetingDate')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={outside} data-testid="duty-fulfil-date" />
            </Form.Item>
            <Form.Item
              name={['meeting', 'chairPersonId']}
              label={t('duties.chair')}
              extra={t('duties.chairHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                options={chairOptions}
                loading={holders.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="duty-fulfil-chair"
              />
            </Form.Item>
            <Form.Item
              name={['meeting', 'attendees']}
              label={t('duties.attendees')}
              extra={t('duties.attendeesHint')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="duty-fulfil-attendees" />
            </Form.Item>
            <Form.Item
              name={['meeting', 'topics']}
              label={t('duties.topics')}
              extra={t('duties.linesHint')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="duty-fulfil-topics" />
            </Form.Item>
            <Form.Item
              name={['meeting', 'decisions']}
              label={t('duties.decisions')}
              extra={t('duties.linesHint')}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="duty-fulfil-decisions" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name={['report', 'title']} label={t('duties.reportTitle')}>
              <Input maxLength={200} data-testid="duty-fulfil-title" />
            </Form.Item>
            <Form.Item
              name={['report', 'summary']}
              label={t('duties.reportSummary')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 12 }}
                maxLength={5000}
                data-testid="duty-fulfil-summary"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={t('duties.attachments')}
          extra={t('duties.attachmentsHint')}
          required={d.evidenceRequired}
        >
          <input
            type="file"
            multiple
            aria-label={t('duties.addFiles')}
            data-testid="duty-fulfil-files"
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              void Promise.all(picked.map(describeFile)).then(setFiles);
            }}
          />
          {files.length > 0 && (
            <List
              size="small"
              dataSource={files}
              renderItem={(f) => (
                <List.Item>
                  <Typography.Text ellipsis>
                    {f.name}（{Math.ceil((f.size ?? 0) / 1024)} KB）
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="duty-fulfil-submit">
          {t('duties.fulfil')}
        </Button>
      </Form>
    </>
  );
};

const WaiveDialog = ({ duty, onClose }: { duty: DutyOccurrenceDetail; onClose: () => void }) => {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const invalidate = useInvalidateDuties();
  return (
    <FormModal<{ reason: string }>
      title={t('duties.waiveTitle')}
      open
      onClose={onClose}
      form={form}
      testId="duty-waive"
      danger
      okText={t('duties.waive')}
      onSubmit={async (v) => {
        await waiveDuty(duty.id, { reason: v.reason.trim() });
        await invalidate();
      }}
    >
      <Form.Item
        name="reason"
        label={t('duties.waiveReason')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} data-testid="duty-waive-reason" />
      </Form.Item>
    </FormModal>
  );
};
