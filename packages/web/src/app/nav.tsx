import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  TableOutlined,
  FileDoneOutlined,
  FileExcelOutlined,
  KeyOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Area } from '../lib/access';
import type { MessageKey } from '../lib/i18n/i18n';
import { AREA_NAV } from './area-routes';

export type NavItem = { path: string; label: MessageKey; icon: ReactNode; area: Area };

/** The menu, in order; each item shows only to roles that may read its area. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, area: 'units' },
  { path: '/people', label: 'nav.people', icon: <TeamOutlined />, area: 'people' },
  { path: '/coverage', label: 'nav.coverage', icon: <WarningOutlined />, area: 'coverage' },
  { path: '/duties', label: 'nav.duties', icon: <CalendarOutlined />, area: 'duties' },
  { path: '/compliance', label: 'nav.compliance', icon: <TableOutlined />, area: 'compliance' },
  { path: '/incidents', label: 'nav.incidents', icon: <AlertOutlined />, area: 'incidents' },
  ...AREA_NAV,
  {
    path: '/safety-reports',
    label: 'nav.safety-reports',
    icon: <FileDoneOutlined />,
    area: 'safetyReports',
  },
  { path: '/rulebooks', label: 'nav.rulebooks', icon: <BookOutlined />, area: 'rulebooks' },
  { path: '/calendar', label: 'nav.calendar', icon: <ScheduleOutlined />, area: 'calendar' },
  { path: '/registry', label: 'nav.registry', icon: <FileExcelOutlined />, area: 'registry' },
  { path: '/accounts', label: 'nav.accounts', icon: <UserSwitchOutlined />, area: 'accounts' },
  { path: '/api-keys', label: 'nav.apiKeys', icon: <KeyOutlined />, area: 'apiKeys' },
  { path: '/security', label: 'nav.security', icon: <SafetyOutlined />, area: 'security' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, area: 'audit' },
];
