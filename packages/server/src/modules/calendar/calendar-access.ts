import type { Role } from '@zongzhi/contracts';

// Who may call what. The working calendar is national data, the same for every unit: everyone who
// reads rulebooks reads it; the county's administrators and operators keep it up to date.
export const CALENDAR_READERS = [
  'sysadmin',
  'operator',
  'liaison',
  'leader',
  'orgdept',
] as const satisfies readonly Role[];
export const CALENDAR_WRITERS = ['sysadmin', 'operator'] as const satisfies readonly Role[];
