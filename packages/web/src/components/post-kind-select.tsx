import { POST_KIND_TABLE } from '@zongzhi/domain';
import { Select, Typography } from 'antd';
import { useDomainLabels } from '../lib/labels';

export type PostKindSelectProps = {
  value?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
};

/**
 * The post kinds of the domain's table (POST_KIND_TABLE); each names the responsibility role it
 * carries, since that role — not the title — decides who is 第一责任人.
 */
export const PostKindSelect = ({ value, onChange, ...rest }: PostKindSelectProps) => {
  const { postKind, responsibilityRole } = useDomainLabels();
  return (
    <Select
      {...rest}
      value={value}
      onChange={onChange}
      optionLabelProp="title"
      options={POST_KIND_TABLE.map((r) => ({
        value: r.kind,
        title: postKind(r.kind),
        label: (
          <span>
            {postKind(r.kind)}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {responsibilityRole(r.role)}
            </Typography.Text>
          </span>
        ),
        'data-testid': `post-kind-option-${r.kind}`,
      }))}
    />
  );
};
