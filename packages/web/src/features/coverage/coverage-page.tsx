import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { UnitKindTag } from '../../components/unit-kind-tag';
import { UnitPicker } from '../../components/unit-picker';
import type { CoverageResponse } from '@zongzhi/contracts';
import { api } from '../../lib/api';
import { useDomainLabels } from '../../lib/labels';
import { useI18n } from '../../lib/i18n/i18n';

type CoverageItem = CoverageResponse['items'][number];

export const CoveragePage = () => {
  const { t } = useI18n();
  const { responsibilityRole } = useDomainLabels();
  const [date, setDate] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [unitId, setUnitId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const report = useQuery({
    queryKey: ['coverage', date, unitId, page, pageSize],
    queryFn: () => api.get<CoverageResponse>('/coverage', { date, unitId, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<CoverageItem> = [
    {
      title: t('common.unit'),
      key: 'name',
      render: (_, r) => <Link to={`/units/${r.unit.id}`}>{r.unit.name}</Link>,
    },
    { title: t('units.kind'), key: 'kind', width: 130, render: (_, r) => <UnitKindTag kind={r.unit.kind} /> },
    { title: t('units.code'), key: 'code', responsive: ['md'], render: (_, r) => r.unit.code },
    {
      title: t('coverage.missing'),
      key: 'missing',
      render: (_, r) =>
        r.missing.map((m) => (
          <Tag key={m} color={m === 'principal' ? 'red' : 'orange'}>
            {responsibilityRole(m)}
          </Tag>
        )),
    },
  ];
  return (
    <Card title={t('coverage.title')} size="small">
      <Typography.Paragraph type="secondary">{t('coverage.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          data-testid="coverage-date"
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => {
            if (d) setDate(d.format('YYYY-MM-DD'));
            setPage(1);
          }}
        />
        <UnitPicker
          value={unitId}
          placeholder={t('common.allUnits')}
          onChange={(v) => {
            setUnitId(v);
            setPage(1);
          }}
        />
      </Space>
      {report.data &&
        !report.isFetching &&
        (report.data.total === 0 ? (
          <Alert type="success" showIcon title={t('coverage.allCovered')} style={{ marginBottom: 12 }} />
        ) : (
          <Typography.Paragraph>
            {t('coverage.checked', { checked: report.data.checked, total: report.data.total })}
          </Typography.Paragraph>
        ))}
      <Table<CoverageItem>
        data-testid="coverage-table"
        size="small"
        rowKey={(r) => r.unit.id}
        loading={report.isFetching}
        columns={columns}
        dataSource={report.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: report.data?.total ?? 0,
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
