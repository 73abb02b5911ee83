import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const EligibilityPage = page(() => import('./eligibility-page'), 'EligibilityPage');

/** Pages of the eligibility area, lazy-loaded: `{ path, element: guarded('<area>', <Page />) }` with `page()` from app/guards. */
export const eligibilityRoutes: RouteObject[] = [
  { path: 'eligibility', element: guarded('eligibility', <EligibilityPage />) },
];
export const eligibilityNav: NavItem[] = [
  {
    path: '/eligibility',
    label: 'eligibility.nav',
    icon: <SafetyCertificateOutlined />,
    area: 'eligibility',
  },
];
