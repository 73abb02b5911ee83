import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages of the accountability area, lazy-loaded: `{ path, element: guarded('<area>', <Page />) }` with `page()` from app/guards. */
export const accountabilityRoutes: RouteObject[] = [];
export const accountabilityNav: NavItem[] = [];
