import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import { useAccess } from '../../lib/session';
import { PersonEligibilitySection } from '../eligibility/person-eligibility';
import { useInvalidateRegistry } from '../units/units-api';
import { AddPostDialog } from './add-post-dialog';
import { type EndablePost, EndPostDialog } from './end-post-dialog';
import { type Post, usePerson } from './people-api';
import { PersonFormDialog } from './person-form-dialog';

export const PersonPage = () => {
  const { t, pick } = useI18n();
  const id = Number(useParams().id);
  const { postKind: kindLabel } = useDomainLabels();
  const { canWrite, canRead } = useAccess();
  const [revealPhone, setRevealPhone] = useState(false);
  const person = usePerson(id, revealPhone);
  const invalidate = useInvalidateRegistry();
  const [dialog, setDialog] = useState<'edit' | 'post' | null>(null);
  const [ending, setEnding] = useState<EndablePost | null>(null);
  const writable = canWrite('people');
  if (person.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (person.error || !person.data)
    return (
      <Alert
        type="error"
        showIcon
        title={
          person.error instanceof ApiError ? pick(person.error.problem.message) : t('common.networkError')
        }
      />
    );
  const p = person.data;
  // Newest first: the current posts lead, the career reads backwards in time.
  const posts = [...(p.posts ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const columns: TableColumnsType<Post> = [
    {
      title: t('common.unit'),
      key: 'unit',
      render: (_, post) => <Link to={`/units/${post.unitId}`}>{post.unitName}</Link>,
    },
    { title: t('posts.title'), dataIndex: 'title' },
    { title: t('posts.kind'), dataIndex: 'postKind', responsive: ['md'], render: kindLabel },
    { title: t('posts.portfolio'), dataIndex: 'portfolio', responsive: ['lg'], render: (v) => v ?? '' },
    { title: t('posts.startDate'), dataIndex: 'startDate' },
    {
      title: t('posts.endDate'),
      dataIndex: 'endDate',
      render: (v: string | null) => v ?? <Tag color="green">{t('common.present')}</Tag>,
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, post: Post) =>
              post.endDate === null ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  style={{ paddingInline: 0 }}
                  data-testid={`post-end-open-${post.id}`}
                  onClick={() => setEnding(post)}
                >
                  {t('posts.end')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="person-name">
            {p.name}
          </Typography.Title>
          {writable && (
            <Space wrap size={8}>
              <Button
                icon={<EditOutlined />}
                onClick={() => setDialog('edit')}
                data-testid="person-edit-open"
              >
                {t('common.edit')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog('post')}
                data-testid="post-add-open"
              >
                {t('posts.add')}
              </Button>
            </Space>
          )}
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'gender',
              label: t('people.gender'),
              children: p.gender ? t(p.gender === 'male' ? 'people.male' : 'people.female') : '—',
            },
            { key: 'birth', label: t('people.birthDate'), children: p.birthDate ?? '—' },
            {
              key: 'phone',
              label: t('people.phone'),
              children: (
                <Space size={4}>
                  {p.phone ?? '—'}
                  {p.phoneMasked && canWrite('people') && (
                    <Button type="link" size="small" onClick={() => setRevealPhone(true)}>
                      {t('people.revealPhone')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('people.posts')}>
        {posts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.postsEmpty')} />
        ) : (
          <>
            <Timeline
              style={{ marginTop: 8 }}
              items={posts.map((post) => ({
                key: post.id,
                color: post.endDate === null ? 'green' : 'gray',
                content: (
                  <>
                    <Typography.Text strong>
                      {post.startDate} ~ {post.endDate ?? t('common.present')}
                    </Typography.Text>
                    <br />
                    {post.unitName} · {post.title}（{kindLabel(post.postKind)}）
                  </>
                ),
              }))}
            />
            <Table<Post>
              data-testid="person-posts"
              size="small"
              rowKey="id"
              scroll={{ x: 'max-content' }}
              columns={columns}
              dataSource={posts}
              pagination={false}
            />
          </>
        )}
      </Card>
      <PersonEligibilitySection personId={p.id} />
      {canRead('archives') && (
        <Link to={`/archives/${p.id}/${new Date().getFullYear() - 1}`} data-testid="person-archive-link">
          {t('archives.nav')}
        </Link>
      )}
      {dialog === 'edit' && (
        <PersonFormDialog person={p} onClose={() => setDialog(null)} onSaved={invalidate} />
      )}
      {dialog === 'post' && (
        <AddPostDialog
          fixed={{ personId: p.id, personName: p.name }}
          onClose={() => setDialog(null)}
          onAdded={invalidate}
        />
      )}
      {ending && <EndPostDialog post={ending} onClose={() => setEnding(null)} onEnded={invalidate} />}
    </Space>
  );
};
