export type {
  Account,
  AccountRole as RoleAssignment,
  ApiKey,
  SecuritySettingsInput as SecuritySettings,
  TotpSecret,
} from '@zongzhi/contracts';
