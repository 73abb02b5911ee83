import type { TotpSecret } from '@zongzhi/contracts';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { TotpQr } from '../../components/totp-qr';
import { ApiError, api } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';

type Step =
  | { kind: 'start' }
  | { kind: 'scan'; secret: TotpSecret }
  | { kind: 'done' }
  /** The account already has a factor: only the security administrator may replace it. */
  | { kind: 'enabled'; message: string };

/**
 * Sets up one-time codes: POST /auth/totp/enroll gives a pending secret (shown here once, as a
 * QR code and as text), POST /auth/totp/confirm with a code from the app turns it on.
 */
export const TotpEnrollCard = () => {
  const { t, pick } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm<{ code: string }>();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      setStep({ kind: 'scan', secret: await api.post<TotpSecret>('/auth/totp/enroll') });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'accounts.totp_already_enabled')
        setStep({ kind: 'enabled', message: pick(e.problem.message) });
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await api.post('/auth/totp/confirm', { code });
      setStep({ kind: 'done' });
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('account.totp')} data-testid="totp-enroll">
      <Typography.Paragraph type="secondary">{t('account.totpIntro')}</Typography.Paragraph>
      {step.kind === 'start' && (
        <Button type="primary" loading={busy} onClick={() => void start()} data-testid="totp-enroll-start">
          {t('account.totpStart')}
        </Button>
      )}
      {step.kind === 'enabled' && (
        <Alert type="info" showIcon title={step.message} data-testid="totp-enroll-enabled" />
      )}
      {step.kind === 'done' && (
        <Alert type="success" showIcon title={t('account.totpEnrolled')} data-testid="totp-enroll-done" />
      )}
      {step.kind === 'scan' && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>{t('account.totpScan')}</Typography.Text>
          <TotpQr uri={step.secret.uri} />
          <div>
            <Typography.Text type="secondary">{t('account.totpSecret')}：</Typography.Text>
            <Typography.Text
              code
              copyable
              data-testid="totp-enroll-secret"
              style={{ wordBreak: 'break-all' }}
            >
              {step.secret.secret}
            </Typography.Text>
          </div>
          <Form form={form} layout="inline" onFinish={(v) => void confirm(v)} style={{ rowGap: 8 }}>
            <Form.Item
              name="code"
              label={t('account.totpCode')}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^\d{6}$/, message: t('login.totpFormat') },
              ]}
            >
              <Input
                maxLength={6}
                inputMode="numeric"
                autoComplete="one-time-code"
                style={{ width: 120 }}
                data-testid="totp-enroll-code"
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-enroll-submit">
                {t('account.totpConfirm')}
              </Button>
            </Form.Item>
          </Form>
        </Space>
      )}
    </Card>
  );
};
