import { UNIT_KIND_TABLE } from '@zongzhi/domain';
import { Select } from 'antd';
import { useDomainLabels } from '../lib/labels';

export type UnitKindSelectProps = {
  value?: string;
  onChange?: (value: string) => void;
  'data-testid'?: string;
};

/** The kinds of unit, in the domain table's order, labelled in the current language. */
export const UnitKindSelect = ({ value, onChange, ...rest }: UnitKindSelectProps) => {
  const { unitKind } = useDomainLabels();
  return (
    <Select
      {...rest}
      value={value}
      onChange={onChange}
      options={UNIT_KIND_TABLE.map((r) => ({
        value: r.kind,
        label: unitKind(r.kind),
        'data-testid': `unit-kind-option-${r.kind}`,
      }))}
    />
  );
};
