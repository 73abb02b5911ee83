import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/nav';

/** Pages of the letters area, lazy-loaded: `{ path, element: guarded('<area>', <Page />) }` with `page()` from app/guards. */
export const lettersRoutes: RouteObject[] = [];
export const lettersNav: NavItem[] = [];
