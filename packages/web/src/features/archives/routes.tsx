import { ProfileOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const ArchivesPage = page(() => import('./archive-page'), 'ArchivesPage');
const ArchivePage = page(() => import('./archive-page'), 'ArchivePage');

export const archivesRoutes: RouteObject[] = [
  { path: 'archives', element: guarded('archives', <ArchivesPage />) },
  { path: 'archives/:personId/:year', element: guarded('archives', <ArchivePage />) },
];
export const archivesNav: NavItem[] = [
  { path: '/archives', label: 'archives.nav', icon: <ProfileOutlined />, area: 'archives' },
];
