import { LinkOutlined } from '@ant-design/icons';
import type { EffectiveParameter } from '@zongzhi/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useUnit } from '../units/units-api';
import { AttachRulebookDialog } from './attach-rulebook-dialog';
import { formatValue, useUnitRulebook } from './rulebook-api';

const Citation = ({ source }: { source: EffectiveParameter['source'] }) => {
  if (!source) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = `${source.title ?? source.doc} ${source.article}`;
  return (
    <Tooltip title={source.note ?? source.doc}>
      <span>{text}</span>
    </Tooltip>
  );
};

/** 适用规则: what applies to a unit on a date, each parameter with the rulebook and article it comes from. */
export const UnitRulebookPage = () => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const [q, setQ] = useState('');
  const [attaching, setAttaching] = useState(false);
  const { canWrite } = useAccess();
  const unit = useUnit(id);
  const effective = useUnitRulebook(id, date);

  const rows = useMemo(() => {
    const all = effective.data?.parameters ?? [];
    const needle = q.trim().toLowerCase();
    if (needle === '') return all;
    return all.filter((p) =>
      [p.path, formatValue(p.value), p.rulebookId, p.source?.article, p.source?.title, p.source?.doc]
        .join(' ')
        .toLowerCase()
        .includes(needle),
    );
  }, [effective.data, q]);

  const columns: TableColumnsType<EffectiveParameter> = [
    {
      title: t('rulebooks.parameter'),
      dataIndex: 'path',
      render: (p: string) => (
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {p}
        </Typography.Text>
      ),
    },
    {
      title: t('rulebooks.value'),
      key: 'value',
      render: (_, p) => <span style={{ wordBreak: 'break-word' }}>{formatValue(p.value)}</span>,
    },
    {
      title: t('rulebooks.from'),
      key: 'from',
      width: 170,
      responsive: ['md'],
      render: (_, p) => <Tag>{`${p.rulebookId} ${t('rulebooks.versionN', { version: p.version })}`}</Tag>,
    },
    {
      title: t('rulebooks.source'),
      key: 'source',
      responsive: ['sm'],
      render: (_, p) => <Citation source={p.source} />,
    },
  ];

  const data = effective.data;
  return (
    <Card
      size="small"
      title={t('rulebooks.effectiveTitle', { unit: unit.data?.name ?? '' })}
      extra={
        canWrite('rulebooks') && (
          <Button
            icon={<LinkOutlined />}
            onClick={() => setAttaching(true)}
            data-testid="rulebook-attach-open"
          >
            {t('rulebooks.attach')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={id}
          allowClear={false}
          placeholder={t('rulebooks.pickUnit')}
          onChange={(v) => v !== null && navigate(`/rulebooks/units/${v}${params.size ? `?${params}` : ''}`)}
          data-testid="rulebook-effective-unit"
        />
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => d && setParams({ date: d.format('YYYY-MM-DD') }, { replace: true })}
          data-testid="rulebook-effective-date"
        />
        <Input.Search
          allowClear
          placeholder={t('rulebooks.searchParameters')}
          onSearch={setQ}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 260 }}
          data-testid="rulebook-effective-search"
        />
      </Space>
      {effective.error && (
        <Alert
          type="error"
          showIcon
          title={
            effective.error instanceof ApiError
              ? pick(effective.error.problem.message)
              : t('common.networkError')
          }
        />
      )}
      {data && !data.attachment && (
        <Alert type="warning" showIcon title={t('rulebooks.noRulebook')} style={{ marginBottom: 12 }} />
      )}
      {data?.attachment && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'attached',
              label: t('rulebooks.rulebook'),
              children: (
                <span>
                  {t('rulebooks.attachedAt', {
                    unit: data.attachment.unitName,
                    from: data.attachment.validFrom,
                    by: data.attachment.attachedBy,
                  })}
                  {data.attachment.unitId !== id && (
                    <>
                      {' '}
                      <Link to={`/rulebooks/units/${data.attachment.unitId}`}>→</Link>
                    </>
                  )}
                </span>
              ),
            },
            {
              key: 'chain',
              label: t('rulebooks.chain'),
              children: (
                <Space size={4} wrap>
                  {data.chain.map((c) => (
                    <Tag key={c.rulebookId} color="blue" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
                      {pick(c.name)} {t('rulebooks.versionN', { version: c.version })}
                    </Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      <Table<EffectiveParameter>
        data-testid="rulebook-effective-table"
        size="small"
        rowKey="path"
        loading={effective.isFetching}
        columns={columns}
        dataSource={rows}
        pagination={{
          defaultPageSize: 50,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        expandable={{
          // On a phone the source column is hidden: the row opens to show it.
          expandedRowRender: (p) => (
            <Space orientation="vertical" size={0}>
              <span>
                {t('rulebooks.from')}：{p.rulebookId} {t('rulebooks.versionN', { version: p.version })}
              </span>
              <span>
                {t('rulebooks.source')}：<Citation source={p.source} />
              </span>
              {p.source?.note && <Typography.Text type="secondary">{p.source.note}</Typography.Text>}
            </Space>
          ),
        }}
      />
      {data && data.removed.length > 0 && (
        <Card size="small" type="inner" title={t('rulebooks.removed')} style={{ marginTop: 12 }}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {data.removed.map((r) => (
              <li key={r.path}>
                <Typography.Text code>{r.path}</Typography.Text> — {r.rulebookId}{' '}
                {t('rulebooks.versionN', { version: r.version })}
                {r.source && (
                  <>
                    {' · '}
                    <Citation source={r.source} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {attaching && <AttachRulebookDialog unitId={id} onClose={() => setAttaching(false)} />}
    </Card>
  );
};
