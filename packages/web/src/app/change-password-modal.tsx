import { App, Form, Input, Modal } from 'antd';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n/i18n';
import { useShowError } from '../lib/use-show-error';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export const ChangePasswordModal = ({
  open,
  forced,
  onDone,
  onCancel,
}: {
  open: boolean;
  forced: boolean;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.changed'));
      form.resetFields();
      onDone();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Modal
      title={t('app.changePassword')}
      open={open}
      onOk={submit}
      onCancel={onCancel}
      closable={!forced}
      mask={{ closable: !forced }}
      cancelButtonProps={{ style: forced ? { display: 'none' } : {} }}
      destroyOnHidden
    >
      {forced && <p>{t('app.passwordExpired')}</p>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
