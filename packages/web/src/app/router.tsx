import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { AccountsPage } from '../features/accounts/accounts-page';
import { ApiKeysPage } from '../features/accounts/api-keys-page';
import { SecuritySettingsPage } from '../features/accounts/security-settings-page';
import { AuditPage } from '../features/audit/audit-page';
import { LoginPage } from '../features/auth/login-page';
import { CoveragePage } from '../features/coverage/coverage-page';
import { PeoplePage } from '../features/people/people-page';
import { PersonPage } from '../features/people/person-page';
import { RegistryPage } from '../features/registry/registry-page';
import { UnitPage } from '../features/units/unit-page';
import { UnitsIndex, UnitsLayout } from '../features/units/units-layout';
import type { Area } from '../lib/access';
import { useI18n } from '../lib/i18n/i18n';
import { useAccess } from '../lib/session';
import { AppLayout } from './app-layout';
import { NAV_ITEMS } from './nav';

const Guard = ({ area, children }: { area: Area; children: ReactNode }) => {
  const { canRead } = useAccess();
  const { t } = useI18n();
  return canRead(area) ? children : <Result status="403" title="403" subTitle={t('app.noAccess')} />;
};

/** The first page the signed-in roles may open. */
const Home = () => {
  const { canRead } = useAccess();
  const first = NAV_ITEMS.find((i) => canRead(i.area));
  return first ? <Navigate to={first.path} replace /> : null;
};

const NotFound = () => {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Button type="primary" href="/">
          {t('app.backHome')}
        </Button>
      }
    />
  );
};

const guarded = (area: Area, element: ReactNode) => <Guard area={area}>{element}</Guard>;

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Home /> },
      {
        path: 'units',
        element: guarded('units', <UnitsLayout />),
        children: [
          { index: true, element: <UnitsIndex /> },
          { path: ':id', element: <UnitPage /> },
        ],
      },
      { path: 'people', element: guarded('people', <PeoplePage />) },
      { path: 'people/:id', element: guarded('people', <PersonPage />) },
      { path: 'coverage', element: guarded('coverage', <CoveragePage />) },
      { path: 'registry', element: guarded('registry', <RegistryPage />) },
      { path: 'accounts', element: guarded('accounts', <AccountsPage />) },
      { path: 'api-keys', element: guarded('apiKeys', <ApiKeysPage />) },
      { path: 'security', element: guarded('security', <SecuritySettingsPage />) },
      { path: 'audit', element: guarded('audit', <AuditPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
