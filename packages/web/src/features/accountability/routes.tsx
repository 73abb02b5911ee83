import { AuditOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const CasesPage = page(() => import('./cases-page'), 'CasesPage');
const CasePage = page(() => import('./case-page'), 'CasePage');

/** Pages of the accountability area, lazy-loaded: `{ path, element: guarded('<area>', <Page />) }` with `page()` from app/guards. */
export const accountabilityRoutes: RouteObject[] = [
  { path: 'accountability', element: guarded('accountability', <CasesPage />) },
  { path: 'accountability/cases/:id', element: guarded('accountability', <CasePage />) },
];
export const accountabilityNav: NavItem[] = [
  { path: '/accountability', label: 'accountability.nav', icon: <AuditOutlined />, area: 'accountability' },
];
