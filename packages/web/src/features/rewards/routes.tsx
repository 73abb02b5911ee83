import { TrophyOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { guarded, page } from '../../app/guards';
import type { NavItem } from '../../app/nav';

const RewardsPage = page(() => import('./rewards-pages'), 'RewardsPage');
const RewardRoundPage = page(() => import('./rewards-pages'), 'RewardRoundPage');

export const rewardsRoutes: RouteObject[] = [
  { path: 'rewards', element: guarded('rewards', <RewardsPage />) },
  { path: 'rewards/rounds/:id', element: guarded('rewards', <RewardRoundPage />) },
];
export const rewardsNav: NavItem[] = [
  { path: '/rewards', label: 'rewards.nav', icon: <TrophyOutlined />, area: 'rewards' },
];
