import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, List, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { CountdownTag, StatusTag } from './countdown-tag';
import { FindingForm, InspectionForm, PlanForm } from './inspection-forms';
import {
  type Finding,
  importFindings,
  useInspection,
  useInspections,
  useInvalidateInspections,
  usePlans,
} from './inspections-api';

/** 督查检查: plans → inspections → findings (问题清单), each finding with its rectification countdown. */
export const InspectionsPage = () => {
  const { t } = useI18n();
  const { canWrite } = useAccess();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateInspections();
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan') ? Number(params.get('plan')) : null;
  const inspectionId = params.get('inspection') ? Number(params.get('inspection')) : null;
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'plan' | 'inspection' | 'recheck' | 'finding' | null>(null);
  const plans = usePlans();
  const inspections = useInspections({ planId, page, pageSize: 20 });
  const inspection = useInspection(inspectionId);
  const plan = plans.data?.items.find((p) => p.id === planId) ?? null;
  const writer = canWrite('inspections');

  const select = (next: Record<string, number | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const findingColumns = [
    { title: t('inspections.number'), dataIndex: 'number', width: 56 },
    {
      title: t('inspections.description'),
      key: 'description',
      width: 240,
      render: (_: unknown, f: Finding) => (
        <Link to={`/rectifications/${f.task.id}`} data-testid={`finding-${f.number}`}>
          {f.description}
        </Link>
      ),
    },
    {
      title: t('inspections.severity'),
      key: 'severity',
      width: 72,
      render: (_: unknown, f: Finding) => (
        <Tag color={f.severity === 'serious' ? 'red' : f.severity === 'general' ? 'orange' : 'default'}>
          {t(`inspections.severity.${f.severity}`)}
        </Tag>
      ),
    },
    {
      title: t('inspections.owner'),
      key: 'owner',
      width: 110,
      responsive: ['lg' as const],
      render: (_: unknown, f: Finding) => f.task.ownerUnitName,
    },
    {
      title: t('inspections.deadline'),
      key: 'deadline',
      width: 104,
      render: (_: unknown, f: Finding) => f.task.deadline,
    },
    {
      title: t('inspections.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, f: Finding) => (
        <Space size={4} wrap>
          <StatusTag task={f.task} />
          <CountdownTag task={f.task} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('inspections.title')}
      extra={
        writer && (
          <Space wrap size={4}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setDialog('plan')}
              data-testid="inspection-plan-new"
            >
              {t('inspections.newPlan')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('inspection')}
              data-testid="inspection-new"
            >
              {t('inspections.newInspection')}
            </Button>
          </Space>
        )
      }
    >
      <Row gutter={[12, 12]}>
        <Col xs={24} md={6}>
          <Typography.Title level={5}>{t('inspections.plans')}</Typography.Title>
          <List
            size="small"
            bordered
            loading={plans.isLoading}
            dataSource={[null, ...(plans.data?.items ?? [])]}
            rowKey={(p) => p?.id ?? 'all'}
            data-testid="inspection-plans"
            renderItem={(p) => (
              <List.Item
                style={{ cursor: 'pointer', background: (p?.id ?? null) === planId ? '#e6f4ff' : undefined }}
                onClick={() => {
                  setPage(1);
                  select({ plan: p?.id ?? null, inspection: null });
                }}
              >
                {p === null ? (
                  t('inspections.allPlans')
                ) : (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{p.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`inspections.kind.${p.kind}`)} · {t(`inspections.body.${p.inspectingBody}`)} ·{' '}
                      {p.periodFrom}～{p.periodTo}
                    </Typography.Text>
                    {p.targets.some((x) => x.area) && (
                      <Space size={2} wrap>
                        {[...new Set(p.targets.map((x) => x.area).filter(Boolean))].map((a) => (
                          <Tag key={a}>{a}</Tag>
                        ))}
                      </Space>
                    )}
                  </Space>
                )}
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} md={7}>
          <Typography.Title level={5}>{t('inspections.inspections')}</Typography.Title>
          {inspections.error && <Alert type="error" showIcon title={t('common.networkError')} />}
          <List
            size="small"
            bordered
            loading={inspections.isLoading}
            dataSource={inspections.data?.items ?? []}
            rowKey="id"
            data-testid="inspection-list"
            pagination={{
              current: page,
              pageSize: 20,
              total: inspections.data?.total ?? 0,
              size: 'small',
              onChange: setPage,
            }}
            renderItem={(i) => (
              <List.Item
                style={{ cursor: 'pointer', background: i.id === inspectionId ? '#e6f4ff' : undefined }}
                onClick={() => select({ inspection: i.id })}
                data-testid={`inspection-${i.id}`}
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {i.unitName} · {i.carriedOutOn}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`inspections.kind.${i.kind}`)} · {i.inspectingUnitName} ·{' '}
                    {t('inspections.count', { n: i.findings })}
                    {i.recheckFindingIds.length > 0 ? ` · ${t('inspections.recheck')}` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} md={11}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Title level={5}>{t('inspections.findings')}</Typography.Title>
            {writer && inspection.data && (
              <Space wrap size={4}>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setDialog('finding')}
                  data-testid="finding-new"
                >
                  {t('inspections.newFinding')}
                </Button>
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  customRequest={async ({ file }) => {
                    try {
                      const res = await importFindings(inspection.data!.id, file as Blob);
                      message.success(t('inspections.imported', { n: res.imported }));
                      await invalidate();
                    } catch (e) {
                      showError(e);
                    }
                  }}
                >
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    title={t('inspections.importHint')}
                    data-testid="findings-import"
                  >
                    {t('inspections.importFindings')}
                  </Button>
                </Upload>
                <Button size="small" onClick={() => setDialog('recheck')} data-testid="recheck-new">
                  {t('inspections.newRecheck')}
                </Button>
              </Space>
            )}
          </Space>
          {inspection.data ? (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t(`inspections.kind.${inspection.data.kind}`)} · {inspection.data.inspectingUnitName} →{' '}
                {inspection.data.unitName} · {inspection.data.carriedOutOn} · {inspection.data.inspectors}
                {inspection.data.summary ? ` · ${inspection.data.summary}` : ''}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 760 }}
                columns={findingColumns}
                dataSource={inspection.data.findingList}
                data-testid="finding-table"
              />
              {inspection.data.recheckedFindings.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 12 }}>
                    {t('inspections.recheck')}
                  </Typography.Title>
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 760 }}
                    columns={findingColumns}
                    dataSource={inspection.data.recheckedFindings}
                  />
                </>
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('inspections.noInspection')}</Typography.Text>
          )}
        </Col>
      </Row>
      {dialog === 'plan' && <PlanForm onClose={() => setDialog(null)} />}
      {dialog === 'inspection' && (
        <InspectionForm plan={plan} earlier={null} onClose={() => setDialog(null)} />
      )}
      {dialog === 'recheck' && inspection.data && (
        <InspectionForm plan={null} earlier={inspection.data} onClose={() => setDialog(null)} />
      )}
      {dialog === 'finding' && inspection.data && (
        <FindingForm inspection={inspection.data} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
};
