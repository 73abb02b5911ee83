import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ChangePasswordModal } from '../../app/change-password-modal';
import { useRoleLabel } from '../../components/role-select';
import { useI18n } from '../../lib/i18n/i18n';
import { SESSION_KEY, useSession } from '../../lib/session';
import { TotpEnrollCard } from './totp-enroll-card';

/** 我的账户: who I am and my scope, my password, my second factor. Open to every role. */
export const MyAccountPage = () => {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const session = useSession().data;
  const qc = useQueryClient();
  const [passwordOpen, setPasswordOpen] = useState(false);
  if (!session) return null;
  const { account, grants } = session;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720 }} data-testid="my-account">
      <Card size="small" title={t('account.title')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'username', label: t('account.username'), children: account.username },
            { key: 'displayName', label: t('account.displayName'), children: account.displayName },
            {
              key: 'roles',
              label: t('account.roles'),
              children: (
                <Space size={4} wrap>
                  {grants.map((g) => (
                    <Tag key={`${g.role}-${g.unitId}`}>{roleLabel(g.role)}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('account.password')}>
        <Typography.Paragraph type="secondary">{t('account.passwordHint')}</Typography.Paragraph>
        <Button
          icon={<LockOutlined />}
          onClick={() => setPasswordOpen(true)}
          data-testid="account-change-password"
        >
          {t('app.changePassword')}
        </Button>
      </Card>
      <TotpEnrollCard />
      <ChangePasswordModal
        open={passwordOpen}
        forced={false}
        onCancel={() => setPasswordOpen(false)}
        onDone={() => {
          setPasswordOpen(false);
          void qc.invalidateQueries({ queryKey: SESSION_KEY });
        }}
      />
    </Space>
  );
};
