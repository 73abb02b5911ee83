import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Grid,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Breakpoint, TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { UnitKindTag } from '../../components/unit-kind-tag';
import { AddPostDialog } from '../people/add-post-dialog';
import { type EndablePost, EndPostDialog } from '../people/end-post-dialog';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import {
  type Holder,
  RESPONSIBILITY_ROLES,
  type ResponsibilityRole,
  type UnitDetail,
  type UnitVersion,
  useInvalidateRegistry,
  useResponsible,
  useUnit,
  useUnitHistory,
} from './units-api';
import { UnitActions } from './unit-actions';

/** The path of an ancestor, cut from the unit's own path '/1/5/23/' at the ancestor's id. */
const ancestorPath = (path: string, ancestorId: number) => {
  const marker = `/${ancestorId}/`;
  const at = path.indexOf(marker);
  return at < 0 ? path : path.slice(0, at + marker.length);
};

type ResponsibleRow = { key: string; role: ResponsibilityRole; holder: Holder | null };

const ROLE_COLORS: Record<ResponsibilityRole, string> = {
  principal: 'red',
  in_charge: 'orange',
  member: 'blue',
  specific: 'green',
};

/** Principal and directly responsible must be filled; a gap shows as a vacant row. */
const MANDATORY: ResponsibilityRole[] = ['principal', 'in_charge'];

export const UnitPage = () => {
  const { t, pick } = useI18n();
  const id = Number(useParams().id);
  const unit = useUnit(id);
  const { session, canWrite, canRead } = useAccess();
  const inScope = (path: string) => (session?.grants ?? []).some((g) => path.startsWith(g.unitPath));
  const [date, setDate] = useState(() => dayjs().format('YYYY-MM-DD'));

  if (unit.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (unit.error || !unit.data)
    return (
      <Alert
        type="error"
        showIcon
        title={unit.error instanceof ApiError ? pick(unit.error.problem.message) : t('common.networkError')}
      />
    );
  const u = unit.data;
  const names = new Map(u.ancestors.map((a) => [a.id, a.name]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Breadcrumb
          data-testid="unit-breadcrumb"
          items={[
            // Ancestors above the caller's scope are named but not linked: their page would be 404.
            ...u.ancestors.map((a) => ({
              key: a.id,
              title: inScope(ancestorPath(u.path, a.id)) ? (
                <Link to={`/units/${a.id}`}>{a.name}</Link>
              ) : (
                a.name
              ),
            })),
            { key: u.id, title: u.name },
          ]}
        />
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            margin: '12px 0',
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            <Space wrap>
              <span data-testid="unit-name">{u.name}</span>
              <UnitKindTag kind={u.kind} />
              {u.validTo && <Tag>{t('units.closed')}</Tag>}
            </Space>
          </Typography.Title>
          <Space wrap size={4}>
            {canRead('rulebooks') && (
              <Link to={`/rulebooks/units/${u.id}`} data-testid="unit-rulebook-link">
                <Button icon={<NodeIndexOutlined />}>{t('rulebooks.effective')}</Button>
              </Link>
            )}
            {canWrite('units') && <UnitActions unit={u} />}
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('units.code'), children: u.code },
            {
              key: 'population',
              label: t('units.population'),
              children: u.population?.toLocaleString() ?? '—',
            },
            { key: 'children', label: t('units.childCount'), children: u.childCount },
            { key: 'from', label: t('units.validFrom'), children: u.validFrom },
            { key: 'to', label: t('units.validTo'), children: u.validTo ?? '—' },
          ]}
        />
      </Card>
      <ResponsibleCard
        unit={u}
        date={date}
        onDate={setDate}
        writable={canWrite('people') && u.validTo === null}
      />
      <HistoryCard unitId={u.id} names={names} />
    </Space>
  );
};

const ResponsibleCard = ({
  unit,
  date,
  onDate,
  writable,
}: {
  unit: UnitDetail;
  date: string;
  onDate: (d: string) => void;
  /** A registry writer may appoint to the unit and end its posts. */
  writable: boolean;
}) => {
  const { t } = useI18n();
  const labels = useDomainLabels();
  const invalidate = useInvalidateRegistry();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<EndablePost | null>(null);
  const responsible = useResponsible(unit.id, date);
  const narrow = !(Grid.useBreakpoint().sm ?? true);
  // No vacancy rows before the answer arrives: "vacant" is a finding, not a loading state.
  const data = responsible.data;
  const rows = RESPONSIBILITY_ROLES.flatMap((role): ResponsibleRow[] => {
    if (!data) return [];
    const holders = data.roles[role];
    if (holders.length === 0)
      return MANDATORY.includes(role) ? [{ key: `${role}-vacant`, role, holder: null }] : [];
    return holders.map((h) => ({ key: `${role}-${h.postId}`, role, holder: h }));
  });
  const columns: TableColumnsType<ResponsibleRow> = [
    {
      title: t('role.column'),
      dataIndex: 'role',
      width: 140,
      render: (role: ResponsibilityRole) => (
        <Tag color={ROLE_COLORS[role]}>{labels.responsibilityRole(role)}</Tag>
      ),
    },
    {
      title: t('people.name'),
      key: 'name',
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (_, r) =>
        r.holder ? (
          <Link to={`/people/${r.holder.personId}`}>{r.holder.name}</Link>
        ) : (
          <Typography.Text type="danger">{t('units.missing')}</Typography.Text>
        ),
    },
    {
      title: t('posts.title'),
      key: 'title',
      render: (_, r) => r.holder?.title ?? '',
    },
    {
      title: t('posts.kind'),
      key: 'kind',
      responsive: ['md'],
      render: (_, r) => (r.holder ? labels.postKind(r.holder.postKind) : ''),
    },
    {
      title: t('posts.portfolio'),
      key: 'portfolio',
      responsive: ['lg'],
      render: (_, r) => r.holder?.portfolio ?? '',
    },
    {
      title: t('posts.period'),
      key: 'period',
      responsive: ['sm'],
      render: (_, r) =>
        r.holder ? `${r.holder.startDate} ~ ${r.holder.endDate ?? t('common.present')}` : '',
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 96,
            // On a phone posts are ended from the person's page, where the table scrolls.
            responsive: ['sm'] as Breakpoint[],
            render: (_: unknown, r: ResponsibleRow) =>
              r.holder && r.holder.endDate === null ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  style={{ paddingInline: 0 }}
                  data-testid={`post-end-open-${r.holder.postId}`}
                  onClick={() =>
                    r.holder &&
                    setEnding({
                      id: r.holder.postId,
                      personName: r.holder.name,
                      title: r.holder.title,
                      startDate: r.holder.startDate,
                    })
                  }
                >
                  {t('posts.end')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  // On a phone the date and the add button sit in the body: in the header they crowd out the title.
  const toolbar = (
    <Space size={4} wrap>
      {writable && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="post-add-open"
        >
          {t('posts.add')}
        </Button>
      )}
      <Typography.Text type="secondary">{t('units.responsibleDate')}</Typography.Text>
      <DatePicker
        data-testid="responsible-date"
        allowClear={false}
        value={dayjs(date)}
        onChange={(d) => d && onDate(d.format('YYYY-MM-DD'))}
      />
    </Space>
  );
  return (
    <Card size="small" title={t('units.responsible')} extra={narrow ? undefined : toolbar}>
      {narrow && <div style={{ marginBottom: 8 }}>{toolbar}</div>}
      {responsible.error ? (
        <Alert type="error" showIcon title={t('common.networkError')} />
      ) : (
        <Table<ResponsibleRow>
          data-testid="responsible-table"
          size="small"
          rowKey="key"
          loading={responsible.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('units.responsibleEmpty') }}
        />
      )}
      {adding && (
        <AddPostDialog
          fixed={{ unitId: unit.id, unitName: unit.name }}
          onClose={() => setAdding(false)}
          onAdded={invalidate}
        />
      )}
      {ending && <EndPostDialog post={ending} onClose={() => setEnding(null)} onEnded={invalidate} />}
    </Card>
  );
};

type UnitNames = Map<number, string>;

const HistoryCard = ({ unitId, names }: { unitId: number; names: UnitNames }) => {
  const { t } = useI18n();
  const history = useUnitHistory(unitId);
  // Newest version first.
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    <Card size="small" title={t('units.history')} loading={history.isLoading}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.historyEmpty')} />
      ) : (
        <Timeline
          data-testid="unit-history"
          items={items.map((v) => ({ key: v.id, content: <VersionLine v={v} names={names} /> }))}
        />
      )}
    </Card>
  );
};

const VersionLine = ({ v, names }: { v: UnitVersion; names: UnitNames }) => {
  const { t } = useI18n();
  const { unitKind } = useDomainLabels();
  const unitLinks = (ids: number[]) =>
    ids.map((id, i) => (
      <span key={id}>
        {i > 0 && '、'}
        <Link to={`/units/${id}`}>{names.get(id) ?? `#${id}`}</Link>
      </span>
    ));
  return (
    <Space orientation="vertical" size={0}>
      <Space size={6} wrap>
        <Typography.Text strong>
          {v.validFrom} ~ {v.validTo ?? t('common.present')}
        </Typography.Text>
        <Tag>{t(`change.${v.changeKind}`)}</Tag>
        {v.endedBy && <Tag color="red">{t(`units.endedBy.${v.endedBy}`)}</Tag>}
      </Space>
      <Typography.Text>
        {v.name} · {v.code} · {unitKind(v.kind)}
        {v.parentId !== null && (
          <>
            {' · '}
            {t('units.parent')}{' '}
            <Link to={`/units/${v.parentId}`}>{names.get(v.parentId) ?? `#${v.parentId}`}</Link>
          </>
        )}
      </Typography.Text>
      {v.relatedUnitIds.length > 0 && (
        <Typography.Text type="secondary">
          {t('units.relatedUnits')}：{unitLinks(v.relatedUnitIds)}
        </Typography.Text>
      )}
      {v.successorUnitIds.length > 0 && (
        <Typography.Text type="secondary">
          {t('units.successors')}：{unitLinks(v.successorUnitIds)}
        </Typography.Text>
      )}
    </Space>
  );
};
