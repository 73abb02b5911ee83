import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { SessionResponse } from '@zongzhi/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { ApiError, api, problemFieldErrors } from '../../lib/api';
import { type Bilingual, useI18n } from '../../lib/i18n/i18n';
import { useSession, useSetSession } from '../../lib/session';

type Credentials = { username: string; password: string };
type LoginError = { kind: 'locked' | 'error'; message: Bilingual };

/** Password first; when the API answers auth.totp_required, a second step asks for the code. */
export const LoginPage = () => {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const session = useSession();
  const setSession = useSetSession();
  const [form] = Form.useForm<Credentials>();
  const [totpForm] = Form.useForm<{ totp: string }>();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<LoginError | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('expired') === '1';
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={from} replace />;

  const submit = async (creds: Credentials, totp?: string) => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<SessionResponse>('/auth/login', { ...creds, ...(totp ? { totp } : {}) });
      setSession(s);
      navigate(from, { replace: true });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setError({ kind: 'error', message: { zh: t('common.networkError'), en: t('common.networkError') } });
        return;
      }
      if (e.code === 'auth.totp_required') {
        setCredentials(creds);
        return;
      }
      // Only the step on screen has fields to mark; anything else shows in the alert.
      const fields = problemFieldErrors(e.problem, lang);
      if (credentials || totp)
        totpForm.setFields(
          fields.filter((f) => f.name[0] === 'totp').map((f) => ({ name: 'totp', errors: f.errors })),
        );
      else
        form.setFields(
          fields
            .filter((f) => f.name[0] === 'username' || f.name[0] === 'password')
            .map((f) => ({ name: f.name[0] as keyof Credentials, errors: f.errors })),
        );
      setError({ kind: e.code === 'auth.locked' ? 'locked' : 'error', message: e.problem.message });
      if (e.code === 'auth.locked') setCredentials(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
          {t('login.title')}
        </Typography.Paragraph>
        {expired && !error && (
          <Alert
            type="warning"
            showIcon
            title={t('login.sessionExpired')}
            style={{ marginBottom: 16 }}
            data-testid="login-expired"
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.kind === 'locked' ? t('login.locked') : pick(error.message)}
            description={error.kind === 'locked' ? pick(error.message) : undefined}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        {credentials === null ? (
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => submit(v)}
            requiredMark={false}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        ) : (
          <Form
            form={totpForm}
            layout="vertical"
            onFinish={(v) => submit(credentials, v.totp)}
            requiredMark={false}
            data-testid="login-totp-form"
          >
            <Typography.Paragraph>{t('login.totpHint')}</Typography.Paragraph>
            <Form.Item
              name="totp"
              label={t('login.totp')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpFormat') }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                data-testid="login-totp"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-totp-submit">
              {t('login.verify')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setCredentials(null);
                setError(null);
              }}
            >
              {t('login.backToPassword')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
};
