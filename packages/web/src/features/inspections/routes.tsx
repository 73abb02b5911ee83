import { AuditOutlined, FieldTimeOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const InspectionsPage = page(() => import('./inspections-page'), 'InspectionsPage');
const RectificationsPage = page(() => import('./rectifications-page'), 'RectificationsPage');
const RectificationPage = page(() => import('./rectification-page'), 'RectificationPage');

/** Pages of the inspections area, lazy-loaded. Writes are checked per button (canWrite) and by the API. */
export const inspectionsRoutes: RouteObject[] = [
  { path: 'inspections', element: guarded('inspections', <InspectionsPage />) },
  { path: 'rectifications', element: guarded('inspections', <RectificationsPage />) },
  { path: 'rectifications/:id', element: guarded('inspections', <RectificationPage />) },
];
export const inspectionsNav: NavItem[] = [
  { path: '/inspections', label: 'inspections.nav', icon: <AuditOutlined />, area: 'inspections' },
  {
    path: '/rectifications',
    label: 'inspections.navTracker',
    icon: <FieldTimeOutlined />,
    area: 'inspections',
  },
];
