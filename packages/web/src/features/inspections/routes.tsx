import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages of the inspections area, lazy-loaded: `{ path, element: guarded('<area>', <Page />) }` with `page()` from app/guards. */
export const inspectionsRoutes: RouteObject[] = [];
export const inspectionsNav: NavItem[] = [];
