import { App, Button, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { useShowError } from '../lib/use-show-error';

export type FormModalProps<V> = {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /**
   * Sends the values; a thrown API error lands on the fields it names and the modal stays open.
   * Answering `false` (nothing sent, e.g. a confirmation declined) also keeps it open, silently.
   */
  onSubmit: (values: V) => Promise<unknown>;
  /** The form's test id; the submit button is `<testId>-submit`. */
  testId: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  okText?: ReactNode;
  danger?: boolean;
  width?: number;
  children: ReactNode;
};

/**
 * A modal around one vertical form: validates, sends, says "done" and closes; on failure the
 * server's field errors mark the form's fields (useShowError). Mounted fresh on each opening.
 */
export const FormModal = <V,>({
  title,
  open,
  onClose,
  onSubmit,
  testId,
  form,
  initialValues,
  okText,
  danger = false,
  width,
  children,
}: FormModalProps<V>) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      if ((await onSubmit(values)) === false) return;
      message.success(t('common.done'));
      onClose();
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      width={width}
      footer={[
        <Button key="cancel" onClick={onClose} data-testid={`${testId}-cancel`}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={danger}
          loading={busy}
          onClick={() => void submit()}
          data-testid={`${testId}-submit`}
        >
          {okText ?? t('common.ok')}
        </Button>,
      ]}
    >
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        data-testid={testId}
        onFinish={() => void submit()}
      >
        {children}
      </Form>
    </Modal>
  );
};
