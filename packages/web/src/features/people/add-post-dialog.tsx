import type { PostKind } from '@zongzhi/domain';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { PersonSelect } from '../../components/person-select';
import { PostKindSelect } from '../../components/post-kind-select';
import { UnitPicker } from '../../components/unit-picker';
import { toIsoDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n/i18n';
import { createPost } from './people-api';

type Values = {
  personId: number;
  unitId: number;
  postKind: PostKind;
  title: string;
  portfolio?: string;
  startDate: Dayjs;
};

/**
 * 新增任职: a person takes a post in a unit from a date. Opened from a unit (the unit is fixed)
 * or from a person (the person is fixed); the other one is picked.
 */
export const AddPostDialog = ({
  fixed,
  onClose,
  onAdded,
}: {
  fixed: { unitId: number; unitName: string } | { personId: number; personName: string };
  onClose: () => void;
  onAdded: () => Promise<void> | void;
}) => {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const forUnit = 'unitId' in fixed;
  return (
    <FormModal<Values>
      title={`${t('posts.add')} · ${forUnit ? fixed.unitName : fixed.personName}`}
      open
      onClose={onClose}
      form={form}
      testId="post-add"
      initialValues={{
        ...(forUnit ? { unitId: fixed.unitId } : { personId: fixed.personId }),
        startDate: dayjs(),
      }}
      onSubmit={async (v) => {
        await createPost({
          personId: forUnit ? v.personId : fixed.personId,
          unitId: forUnit ? fixed.unitId : v.unitId,
          postKind: v.postKind,
          title: v.title.trim(),
          portfolio: v.portfolio?.trim() || null,
          startDate: toIsoDate(v.startDate),
        });
        await onAdded();
      }}
    >
      {forUnit ? (
        <Form.Item
          name="personId"
          label={t('posts.person')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <PersonSelect data-testid="post-add-person" />
        </Form.Item>
      ) : (
        <Form.Item
          name="unitId"
          label={t('posts.unit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitPicker style={{ width: '100%' }} data-testid="post-add-unit" />
        </Form.Item>
      )}
      <Form.Item
        name="postKind"
        label={t('posts.kind')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <PostKindSelect data-testid="post-add-kind" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('posts.title')}
        extra={t('posts.titleHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} data-testid="post-add-title" />
      </Form.Item>
      <Form.Item name="portfolio" label={t('posts.portfolio')}>
        <Input maxLength={200} data-testid="post-add-portfolio" />
      </Form.Item>
      <Form.Item
        name="startDate"
        label={t('posts.startDate')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="post-add-startDate" />
      </Form.Item>
    </FormModal>
  );
};
