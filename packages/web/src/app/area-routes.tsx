import type { RouteObject } from 'react-router';
import { accountabilityNav, accountabilityRoutes } from '../features/accountability/routes';
import { archivesNav, archivesRoutes } from '../features/archives/routes';
import { assessmentNav, assessmentRoutes } from '../features/assessment/routes';
import { documentsNav, documentsRoutes } from '../features/documents/routes';
import { eligibilityNav, eligibilityRoutes } from '../features/eligibility/routes';
import { inspectionsNav, inspectionsRoutes } from '../features/inspections/routes';
import { lettersNav, lettersRoutes } from '../features/letters/routes';
import { rewardsNav, rewardsRoutes } from '../features/rewards/routes';
import type { NavItem } from './nav';

/**
 * Areas that keep their routes and menu entries beside their pages (features/<area>/routes.tsx),
 * mounted under the app frame after the core areas. Each page is lazy (guards.tsx `page`).
 */
export const AREA_ROUTES: RouteObject[] = [
  ...lettersRoutes,
  ...inspectionsRoutes,
  ...accountabilityRoutes,
  ...assessmentRoutes,
  ...eligibilityRoutes,
  ...documentsRoutes,
  ...rewardsRoutes,
  ...archivesRoutes,
];

/** Their menu entries, placed after the incident register in the menu. */
export const AREA_NAV: NavItem[] = [
  ...lettersNav,
  ...inspectionsNav,
  ...accountabilityNav,
  ...assessmentNav,
  ...eligibilityNav,
  ...documentsNav,
  ...rewardsNav,
  ...archivesNav,
];
