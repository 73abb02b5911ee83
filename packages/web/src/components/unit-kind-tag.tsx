import { Tag } from 'antd';
import { useDomainLabels } from '../lib/labels';

const COLORS: Record<string, string> = {
  province: 'magenta',
  city: 'volcano',
  county: 'red',
  town: 'orange',
  village: 'green',
  grid: 'cyan',
  department: 'blue',
  subunit: 'geekblue',
  key_unit: 'purple',
  stationed: 'gold',
};

export const UnitKindTag = ({ kind }: { kind: string }) => {
  const { unitKind } = useDomainLabels();
  return (
    <Tag color={COLORS[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {unitKind(kind)}
    </Tag>
  );
};
