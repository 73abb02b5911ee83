import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages of the eligibility area, lazy-loaded: `{ path, element: guarded('<area>', <Page />) }` with `page()` from app/guards. */
export const eligibilityRoutes: RouteObject[] = [];
export const eligibilityNav: NavItem[] = [];
