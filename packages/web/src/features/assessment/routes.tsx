import { TrophyOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const PeriodsPage = page(() => import('./periods-page'), 'PeriodsPage');
const PeriodPage = page(() => import('./period-page'), 'PeriodPage');
const UnitPage = page(() => import('./unit-page'), 'UnitPage');

/** Pages of the assessment area (考核评价), lazy-loaded. */
export const assessmentRoutes: RouteObject[] = [
  { path: 'assessment', element: guarded('assessment', <PeriodsPage />) },
  { path: 'assessment/periods/:id', element: guarded('assessment', <PeriodPage />) },
  { path: 'assessment/periods/:id/units/:unitId', element: guarded('assessment', <UnitPage />) },
];
export const assessmentNav: NavItem[] = [
  { path: '/assessment', label: 'assessment.nav', icon: <TrophyOutlined />, area: 'assessment' },
];
