import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useEffect } from 'react';
import { RoleSelect } from '../../components/role-select';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n/i18n';
import { useShowError } from '../../lib/use-show-error';
import type { SecuritySettings } from './accounts-api';

const NUMBER_FIELDS = [
  'idleTimeoutMinutes',
  'lockoutThreshold',
  'lockoutMinutes',
  'passwordMinLength',
  'passwordMaxAgeDays',
] as const;

export const SecuritySettingsPage = () => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<SecuritySettings>();
  const settings = useQuery({
    queryKey: ['security-settings'],
    queryFn: () => api.get<SecuritySettings>('/security/settings'),
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      await api.put('/security/settings', { ...settings.data, ...values });
      message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['security-settings'] });
    } catch (e) {
      showError(e, form);
    }
  };

  if (settings.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return (
    <Card title={t('security.title')} size="small" style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={save}>
        {NUMBER_FIELDS.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`security.${name}`)}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Form.Item name="totpRequiredRoles" label={t('security.totpRequiredRoles')}>
          <RoleSelect multiple />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
};
