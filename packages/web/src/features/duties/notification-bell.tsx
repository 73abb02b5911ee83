import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, List, Switch, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useAccess } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import {
  markNotificationRead,
  useInvalidateDuties,
  useNotifications,
  useUnreadNotifications,
} from './duties-api';

/** The header's bell: unread count (polled each minute) and a drawer of due-soon and overdue items. */
export const NotificationBell = () => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const invalidate = useInvalidateDuties();
  const mobile = !(Grid.useBreakpoint().md ?? true);
  const { canRead } = useAccess();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadNotifications();
  const list = useNotifications(unreadOnly, open);
  const count = unread.data?.unread ?? 0;

  const read = async (id: number) => {
    try {
      await markNotificationRead(id);
      await invalidate();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Badge count={count} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.bell', { count })}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={mobile ? '100%' : 420}
        title={t('notifications.title')}
        extra={
          <Space size={4}>
            <Typography.Text type="secondary">{t('notifications.unreadOnly')}</Typography.Text>
            <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
          </Space>
        }
        data-testid="notification-drawer"
      >
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          renderItem={(n) => (
            <List.Item
              data-testid={`notification-${n.id}`}
              style={{ opacity: n.readAt ? 0.6 : 1 }}
              actions={
                n.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={() => void read(n.id)}
                        data-testid={`notification-read-${n.id}`}
                      >
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Tag color={n.kind === 'overdue' ? 'red' : 'gold'}>{t(`notifications.${n.kind}`)}</Tag>
                    {canRead('duties') ? (
                      <Typography.Link
                        onClick={() => {
                          if (!n.readAt) void read(n.id);
                          setOpen(false);
                          navigate(`/duties?open=${n.occurrence.id}`);
                        }}
                      >
                        {pick(n.occurrence.dutyName)}
                      </Typography.Link>
                    ) : (
                      pick(n.occurrence.dutyName)
                    )}
                  </Space>
                }
                description={
                  <>
                    {t('notifications.line', {
                      unit: n.occurrence.unitName,
                      period: n.occurrence.periodKey,
                      deadline: n.occurrence.deadline,
                    })}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
};
