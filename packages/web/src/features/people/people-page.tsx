import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { UnitPicker } from '../../components/unit-picker';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useInvalidateRegistry } from '../units/units-api';
import { type Person, usePeople } from './people-api';
import { PersonFormDialog } from './person-form-dialog';

export const PeoplePage = () => {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const unitId = params.get('unitId') ? Number(params.get('unitId')) : null;
  const page = Number(params.get('page') ?? 1);
  const [pageSize, setPageSize] = useState(20);
  const people = usePeople({ q, unitId, page, pageSize });
  const { canWrite } = useAccess();
  const navigate = useNavigate();
  const invalidate = useInvalidateRegistry();
  const [creating, setCreating] = useState(false);

  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/people/${p.id}`}>{name}</Link>,
    },
    {
      title: t('people.gender'),
      dataIndex: 'gender',
      width: 80,
      render: (g: Person['gender']) => (g ? t(g === 'male' ? 'people.male' : 'people.female') : '—'),
    },
    { title: t('people.birthDate'), dataIndex: 'birthDate', responsive: ['md'], render: (d) => d ?? '—' },
    { title: t('people.phone'), dataIndex: 'phone', responsive: ['sm'], render: (d) => d ?? '—' },
  ];

  return (
    <Card
      title={t('people.title')}
      size="small"
      extra={
        canWrite('people') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="person-create-open"
          >
            {t('people.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('people.searchPlaceholder')}
          onSearch={(v) => update({ q: v.trim(), page: null })}
          style={{ width: 240 }}
          data-testid="people-search"
        />
        <UnitPicker
          value={unitId}
          placeholder={t('common.allUnits')}
          onChange={(v) => update({ unitId: v === null ? null : String(v), page: null })}
        />
      </Space>
      <Table<Person>
        data-testid="people-table"
        size="small"
        rowKey="id"
        loading={people.isFetching}
        columns={columns}
        dataSource={people.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: people.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, size) => {
            setPageSize(size);
            update({ page: String(p) });
          },
        }}
      />
      {creating && (
        <PersonFormDialog
          defaultUnitId={unitId}
          onClose={() => setCreating(false)}
          onSaved={async (p) => {
            await invalidate();
            navigate(`/people/${p.id}`);
          }}
        />
      )}
    </Card>
  );
};
