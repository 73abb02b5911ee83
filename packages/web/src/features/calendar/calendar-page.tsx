import { EditOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import type { Problem } from '@zongzhi/contracts';
import {
  Alert,
  App,
  Button,
  Calendar,
  Card,
  Col,
  Descriptions,
  Grid,
  Input,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  type CalendarYearDetail,
  type HolidaySpan,
  type MakeUpWorkday,
  holidaysOf,
  makeUpWorkdaysOf,
  editableYear,
  saveCalendarYear,
  useCalendarYear,
  useCalendarYears,
  useInvalidateCalendar,
} from './calendar-api';

type YearRow = {
  year: number;
  missing: boolean;
  status?: 'official' | 'provisional';
  sourceTitle?: string;
  documentNumber?: string;
  holidays?: number;
  makeUpWorkdays?: number;
  updatedAt?: string;
  updatedBy?: string;
};

/** 工作日历: every year the product needs (2016 to next year), stored or missing. */
export const CalendarYearsPage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const years = useCalendarYears();
  const data = years.data;
  const stored = new Map((data?.years ?? []).map((y) => [y.year, y]));
  const missing = new Set(data?.missing ?? []);
  const rows: YearRow[] = [];
  if (data) {
    const all = new Set([...stored.keys(), ...missing]);
    for (let y = data.required.from; y <= data.required.to; y++) all.add(y);
    for (const y of [...all].sort((a, b) => b - a)) {
      const s = stored.get(y);
      rows.push(s ? { ...s, missing: false } : { year: y, missing: true });
    }
  }

  const columns: TableColumnsType<YearRow> = [
    {
      title: t('calendar.year'),
      dataIndex: 'year',
      width: mobile ? 72 : 110,
      render: (y: number, r) => (
        <Space size={4} wrap>
          <Link to={`/calendar/${y}`} data-testid={`calendar-year-${y}`}>
            {y}
          </Link>
          {r.missing && (
            <Tag color="red" data-testid={`calendar-missing-${y}`}>
              {t('calendar.missingTag')}
            </Tag>
          )}
          {r.status === 'provisional' && <ProvisionalTag year={y} />}
        </Space>
      ),
    },
    {
      title: t('calendar.source'),
      key: 'source',
      render: (_, r) =>
        r.missing ? (
          <Typography.Text type="secondary">{t('calendar.noArrangement')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            {!mobile && <span>{r.sourceTitle}</span>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.documentNumber}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('calendar.holidays'),
      dataIndex: 'holidays',
      width: 80,
      render: (n?: number) => n ?? '—',
    },
    {
      title: t('calendar.makeUpWorkdays'),
      dataIndex: 'makeUpWorkdays',
      width: 80,
      render: (n?: number) => n ?? '—',
    },
    {
      title: t('calendar.updated'),
      key: 'updated',
      responsive: ['lg'],
      render: (_, r) =>
        r.updatedAt ? `${dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm')} · ${r.updatedBy}` : '—',
    },
  ];

  return (
    <Card title={t('calendar.title')} size="small">
      {data && data.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-missing"
          title={t('calendar.missingBanner')}
          description={data.missing.map((y) => (
            <Tag key={y} color="red" style={{ cursor: 'pointer' }} onClick={() => navigate(`/calendar/${y}`)}>
              {y}
            </Tag>
          ))}
        />
      )}
      {data && data.provisional.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-provisional"
          title={t('calendar.provisionalBanner', { years: data.provisional.join('、') })}
        />
      )}
      <Typography.Paragraph type="secondary">
        {data ? t('calendar.hint', { from: data.required.from, to: data.required.to }) : ''}
      </Typography.Paragraph>
      <Table<YearRow>
        data-testid="calendar-years"
        size="small"
        rowKey="year"
        loading={years.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </Card>
  );
};

/** 暂定: statutory holidays only, no make-up working days, until the year's notice is entered. */
const ProvisionalTag = ({ year }: { year: number }) => {
  const { t } = useI18n();
  return (
    <Tag color="orange" data-testid={`calendar-provisional-${year}`}>
      {t('calendar.provisionalTag')}
    </Tag>
  );
};

const daysBetween = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'day') + 1;

/** One year: its notice, holidays and make-up working days, a calendar marking them; writers edit it. */
export const CalendarYearPage = () => {
  const { t } = useI18n();
  const year = Number(useParams().year);
  const { canWrite } = useAccess();
  const detail = useCalendarYear(year);
  if (!Number.isInteger(year)) return <Alert type="error" showIcon title={t('app.notFound')} />;
  if (detail.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const d = detail.data ?? null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space size={8}>
            {t('calendar.yearTitle', { year })}
            {d?.status === 'provisional' && <ProvisionalTag year={year} />}
          </Space>
        }
        extra={<Link to="/calendar">{t('common.back')}</Link>}
      >
        {d?.status === 'provisional' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="calendar-year-provisional"
            title={t('calendar.provisionalYear', { year })}
          />
        )}
        {d ? (
          <YearView detail={d} />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t('calendar.yearMissing', { year })}
            data-testid="calendar-year-missing"
          />
        )}
      </Card>
      {canWrite('calendar') && <YearEditor key={d?.updatedAt ?? 'new'} year={year} detail={d} />}
    </Space>
  );
};

const YearView = ({ detail }: { detail: CalendarYearDetail }) => {
  const { t } = useI18n();
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const holidays = holidaysOf(detail.data);
  const makeUps = makeUpWorkdaysOf(detail.data);
  const source = (detail.data.source ?? {}) as Record<string, string>;
  const year = detail.year;
  const [month, setMonth] = useState<Dayjs>(() => {
    const now = dayjs();
    return now.year() === year ? now : dayjs(`${year}-01-01`);
  });
  const holidayOn = (day: string) => holidays.find((h) => h.from <= day && day <= h.to);
  const makeUpOn = (day: string) => makeUps.find((w) => w.date === day);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={mobile ? 1 : 2}
        items={[
          {
            key: 'title',
            label: detail.status === 'provisional' ? t('calendar.statutoryBasis') : t('calendar.source'),
            children: source.title,
          },
          { key: 'number', label: t('calendar.documentNumber'), children: source.documentNumber },
          { key: 'published', label: t('calendar.publishedOn'), children: source.publishedOn },
          {
            key: 'url',
            label: t('calendar.url'),
            children: source.url ? (
              <Typography.Link
                href={source.url}
                target="_blank"
                rel="noreferrer"
                style={{ wordBreak: 'break-all' }}
              >
                {source.url}
              </Typography.Link>
            ) : (
              '—'
            ),
          },
          {
            key: 'updated',
            label: t('calendar.updated'),
            children: `${dayjs(detail.updatedAt).format('YYYY-MM-DD HH:mm')} · ${detail.updatedBy}`,
          },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Table<HolidaySpan>
            data-testid="calendar-holidays"
            size="small"
            rowKey={(h) => `${h.name}:${h.from}`}
            pagination={false}
            title={() => <Typography.Text strong>{t('calendar.holidays')}</Typography.Text>}
            dataSource={holidays}
            columns={[
              { title: t('calendar.festival'), dataIndex: 'name' },
              {
                title: t('calendar.span'),
                key: 'span',
                render: (_, h) => (h.from === h.to ? h.from : `${h.from} ~ ${h.to}`),
              },
              {
                title: t('calendar.days'),
                key: 'days',
                width: 60,
                render: (_, h) => daysBetween(h.from, h.to),
              },
            ]}
          />
          <Table<MakeUpWorkday>
            data-testid="calendar-makeups"
            size="small"
            rowKey="date"
            pagination={false}
            style={{ marginTop: 16 }}
            title={() => <Typography.Text strong>{t('calendar.makeUpWorkdays')}</Typography.Text>}
            dataSource={makeUps}
            columns={[
              {
                title: t('calendar.date'),
                dataIndex: 'date',
                render: (d: string) => `${d}（${dayjs(d).format('dd')}）`,
              },
              { title: t('calendar.for'), dataIndex: 'for' },
            ]}
          />
        </Col>
        <Col xs={24} lg={13}>
          <Space size={8} wrap style={{ marginBottom: 8 }}>
            <Tag color="green">{t('calendar.restMark')}</Tag>
            <span>{t('calendar.legendRest')}</span>
            <Tag color="orange">{t('calendar.workMark')}</Tag>
            <span>{t('calendar.legendWork')}</span>
          </Space>
          <Calendar
            data-testid="calendar-view"
            fullscreen={false}
            value={month}
            onChange={setMonth}
            validRange={[dayjs(`${year - 1}-12-01`), dayjs(`${year}-12-31`)]}
            fullCellRender={(date, info) => {
              if (info.type !== 'date') return info.originNode;
              const day = date.format('YYYY-MM-DD');
              const h = holidayOn(day);
              const w = makeUpOn(day);
              const inMonth = date.isSame(month, 'month');
              return (
                <div
                  className="ant-picker-cell-inner ant-picker-calendar-date"
                  title={h?.name ?? (w ? `${t('calendar.workMark')} · ${w.for}` : undefined)}
                  style={{
                    position: 'relative',
                    // The selected day keeps the picker's own highlight.
                    background:
                      !inMonth || date.isSame(month, 'day')
                        ? undefined
                        : h
                          ? '#f6ffed'
                          : w
                            ? '#fff7e6'
                            : undefined,
                    borderRadius: 4,
                  }}
                >
                  <div className="ant-picker-calendar-date-value">{date.date()}</div>
                  {inMonth && (h || w) && (
                    <span
                      style={{
                        position: 'absolute',
                        top: -4,
                        right: -2,
                        fontSize: 10,
                        lineHeight: 1,
                        color: h ? '#389e0d' : '#d46b08',
                      }}
                    >
                      {h ? t('calendar.restMark') : t('calendar.workMark')}
                    </span>
                  )}
                </div>
              );
            }}
          />
        </Col>
      </Row>
    </Space>
  );
};

type Parsed = { ok: true; body: Record<string, unknown> } | { ok: false; error: string };

/** The year as raw JSON, or a template for a missing year; the API checks it field by field. */
const YearEditor = ({ year, detail }: { year: number; detail: CalendarYearDetail | null }) => {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateCalendar();
  const provisional = detail?.status === 'provisional';
  const initial = () => JSON.stringify(editableYear(year, detail), null, 2);
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const parse = (): Parsed => {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        return { ok: false, error: t('calendar.notObject') };
      return { ok: true, body: body as Record<string, unknown> };
    } catch (e) {
      return { ok: false, error: t('calendar.invalidJson', { error: (e as Error).message }) };
    }
  };

  const save = async () => {
    const parsed = parse();
    setParseError(parsed.ok ? null : parsed.error);
    setProblem(null);
    if (!parsed.ok) return;
    setBusy(true);
    try {
      await saveCalendarYear(year, parsed.body);
      message.success(t('calendar.saved', { year }));
      await invalidate();
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors.length > 0) setProblem(e.problem);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('calendar.editorTitle', { year })} data-testid="calendar-editor">
      <Typography.Paragraph type="secondary">
        {provisional
          ? t('calendar.provisionalEditorHint', { year })
          : detail
            ? t('calendar.editorHint')
            : t('calendar.editorTemplateHint')}
      </Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 32 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
        data-testid="calendar-editor-text"
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={detail ? <SaveOutlined /> : <EditOutlined />}
          loading={busy}
          onClick={() => void save()}
          data-testid="calendar-editor-save"
        >
          {t('common.save')}
        </Button>
        <Button
          icon={<RollbackOutlined />}
          onClick={() => {
            setText(initial());
            setProblem(null);
            setParseError(null);
          }}
        >
          {t('calendar.reset')}
        </Button>
      </Space>
      {parseError && <Alert type="error" showIcon title={parseError} style={{ marginTop: 12 }} />}
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problem.message[lang]}
          data-testid="calendar-editor-errors"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problem.errors.map((e) => (
                <li key={`${e.path}:${e.message.en}`}>
                  <Typography.Text code>{e.path}</Typography.Text> {e.message[lang]}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
};
