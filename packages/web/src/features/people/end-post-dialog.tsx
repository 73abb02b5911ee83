import { DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { updatePost } from './people-api';

type Values = { endDate: Dayjs };

export type EndablePost = { id: number; personName: string; title: string; startDate: string };

/** 结束任职: sets the post's end date, the first day it is no longer held (exclusive). */
export const EndPostDialog = ({
  post,
  onClose,
  onEnded,
}: {
  post: EndablePost;
  onClose: () => void;
  onEnded: () => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      title={`${t('posts.end')} · ${post.personName} · ${post.title}`}
      open
      onClose={onClose}
      form={form}
      testId="post-end"
      danger
      okText={t('posts.end')}
      initialValues={{ endDate: dayjs() }}
      onSubmit={async (v) => {
        await updatePost(post.id, { endDate: toIsoDate(v.endDate) });
        await onEnded();
      }}
    >
      <Form.Item
        name="endDate"
        label={t('posts.endDate')}
        extra={t('posts.endHint')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          allowClear={false}
          disabledDate={(d) => !d.isAfter(dayjs(post.startDate), 'day')}
          data-testid="post-end-date"
        />
      </Form.Item>
    </FormModal>
  );
};
