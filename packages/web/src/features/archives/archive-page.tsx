import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  InputNumber,
  List,
  Space,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Archive } from '@zongzhi/contracts';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, apiUrl } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { BarReasonsTable } from '../eligibility/bar-reasons';

const MAX_BYTES = 10 * 1024 * 1024;

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Picks a person and year (the person page links straight to an archive). */
export const ArchivesPage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [person, setPerson] = useState<number | null>(null);
  const [year, setYear] = useState<number | null>(new Date().getFullYear() - 1);
  return (
    <Card title={t('archives.nav')}>
      <Space wrap>
        <InputNumber min={1} placeholder={t('archives.personId')} value={person} onChange={setPerson} />
        <InputNumber min={2000} max={2100} placeholder={t('archives.year')} value={year} onChange={setYear} />
        <Button
          type="primary"
          disabled={!person || !year}
          onClick={() => navigate(`/archives/${person}/${year}`)}
        >
          {t('archives.show')}
        </Button>
      </Space>
    </Card>
  );
};

/** One person's year: each section from the facts, the PDF, and the duty report upload. */
export const ArchivePage = () => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const { roles, session } = useAccess();
  const params = useParams();
  const person = Number(params.personId);
  const year = Number(params.year);
  const archive = useQuery({
    queryKey: ['archives', person, year],
    queryFn: () => api.get<Archive>('/archives', { person, year }),
  });
  if (archive.isLoading) return <Spin />;
  const a = archive.data;
  if (!a) return <Empty />;
  const mayUpload = roles.includes('operator') || session?.account.personId === person;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('archives.title', { name: a.person.name, year: a.year })}
        </Typography.Title>
        <Button href={apiUrl('/archives/pdf', { person, year })} data-testid="archive-pdf">
          {t('archives.pdf')}
        </Button>
      </Space>
      <Card title={t('archives.posts')}>
        {a.posts.length === 0 && <Empty description={t('archives.noPosts')} />}
        {a.posts.map((p) => (
          <Descriptions
            key={`${p.unitId}-${p.from}`}
            title={`${p.unitName} ${p.title}（${t(`archives.role.${p.role}`)}）`}
            column={1}
            size="small"
            items={[
              { key: 'held', label: t('archives.held', { from: p.from, to: p.to }), children: '' },
              { key: 'duties', label: t('archives.duties', p.duties), children: '' },
              {
                key: 'meetings',
                label: t('archives.meetings', { count: p.meetingsChaired.length }),
                children: p.meetingsChaired.map((m) => `${m.date} ${m.duty}`).join('；'),
              },
              {
                key: 'rect',
                label: t('archives.rectifications', { count: p.rectifications.length }),
                children: p.rectifications.map((r) => `${r.issuedOn} → ${r.deadline} ${r.state}`).join('；'),
              },
              {
                key: 'incidents',
                label: t('archives.incidents', { count: p.incidents.length }),
                children: p.incidents.map((i) => `${i.occurredAt.slice(0, 10)} ${i.title}`).join('；'),
              },
              {
                key: 'grade',
                label: p.grade
                  ? t('archives.grade', {
                      grade: p.grade.gradeId ?? '—',
                      score: p.grade.score ?? '—',
                      rank: p.grade.rank ?? '—',
                    })
                  : t('archives.noGrade'),
                children: '',
              },
            ]}
          />
        ))}
      </Card>
      <Card title={t('archives.letters')}>
        <List
          dataSource={a.lettersSigned}
          renderItem={(l) => (
            <List.Item>
              {l.year} {l.issuerUnitName} → {l.recipientUnitName} · {l.signedAt.slice(0, 10)} · {l.targets}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('archives.accountability')}>
        <BarReasonsTable reasons={a.accountability} />
      </Card>
      <Card title={t('archives.rewards')}>
        <List
          dataSource={a.rewards}
          renderItem={(r) => (
            <List.Item>
              {r.decidedOn} {t(`rewards.kind.${r.kind}`)}（{r.year}）
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('archives.dutyReport')}>
        {a.dutyReport ? (
          <Alert
            type="success"
            showIcon
            message={`${a.dutyReport.fileName} · ${a.dutyReport.sizeBytes} B · ${a.dutyReport.uploadedAt.slice(0, 10)}`}
          />
        ) : (
          <Typography.Text type="secondary">{t('archives.noReport')}</Typography.Text>
        )}
        {mayUpload && (
          <Upload
            accept=".pdf,.docx,.txt"
            showUploadList={false}
            beforeUpload={async (file) => {
              if (file.size > MAX_BYTES) {
                message.error(t('archives.tooBig'));
                return false;
              }
              try {
                await api.put<Archive>(`/archives/duty-report?person=${person}&year=${year}`, {
                  fileName: file.name,
                  contentType: file.type || 'application/pdf',
                  contentBase64: await toBase64(file),
                });
                message.success(t('archives.uploaded'));
                await qc.invalidateQueries({ queryKey: ['archives', person, year] });
              } catch (e) {
                showError(e);
              }
              return false;
            }}
          >
            <Button style={{ marginTop: 8 }}>{t('archives.upload')}</Button>
          </Upload>
        )}
      </Card>
    </Space>
  );
};
