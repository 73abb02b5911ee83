import { ROLES, ROLE_LABELS, type Role } from '@zongzhi/contracts';
import { Select } from 'antd';
import { useI18n } from '../lib/i18n/i18n';

export const useRoleLabel = () => {
  const { lang } = useI18n();
  return (role: Role) => ROLE_LABELS[role]?.[lang] ?? role;
};

export const RoleSelect = ({
  value,
  onChange,
  multiple,
  roles = ROLES,
}: {
  /** The roles offered; all of them unless narrowed (API keys carry no administrator role). */
  roles?: readonly Role[];
  value?: Role | Role[];
  onChange?: (v: Role | Role[]) => void;
  multiple?: boolean;
}) => {
  const label = useRoleLabel();
  return (
    <Select<Role | Role[]>
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      options={roles.map((r) => ({ value: r, label: label(r) }))}
      style={{ minWidth: 200 }}
    />
  );
};
