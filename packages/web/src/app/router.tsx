import { Button, Result } from 'antd';
import { Navigate, createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { useI18n } from '../lib/i18n/i18n';
import { useAccess } from '../lib/session';
import { AppLayout } from './app-layout';
import { AREA_ROUTES } from './area-routes';
import { guarded, guardedWrite, page } from './guards';
import { NAV_ITEMS } from './nav';

const UnitsLayout = page(() => import('../features/units/units-layout'), 'UnitsLayout');
const UnitsIndex = page(() => import('../features/units/units-layout'), 'UnitsIndex');
const UnitPage = page(() => import('../features/units/unit-page'), 'UnitPage');
const PeoplePage = page(() => import('../features/people/people-page'), 'PeoplePage');
const PersonPage = page(() => import('../features/people/person-page'), 'PersonPage');
const CoveragePage = page(() => import('../features/coverage/coverage-page'), 'CoveragePage');
const RegistryPage = page(() => import('../features/registry/registry-page'), 'RegistryPage');
const AccountsPage = page(() => import('../features/accounts/accounts-page'), 'AccountsPage');
const ApiKeysPage = page(() => import('../features/accounts/api-keys-page'), 'ApiKeysPage');
const SecuritySettingsPage = page(
  () => import('../features/accounts/security-settings-page'),
  'SecuritySettingsPage',
);
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');
const DutiesPage = page(() => import('../features/duties/duties-page'), 'DutiesPage');
const CompliancePage = page(() => import('../features/duties/compliance-page'), 'CompliancePage');
const IncidentsPage = page(() => import('../features/incidents/incidents-page'), 'IncidentsPage');
const SafetyCountyPage = page(
  () => import('../features/safety-reports/safety-county-page'),
  'SafetyCountyPage',
);
const SafetyReportPage = page(
  () => import('../features/safety-reports/safety-report-page'),
  'SafetyReportPage',
);
const RulebooksPage = page(() => import('../features/rulebook/rulebooks-page'), 'RulebooksPage');
const RulebookEditorPage = page(
  () => import('../features/rulebook/rulebook-editor-page'),
  'RulebookEditorPage',
);
const UnitRulebookPage = page(() => import('../features/rulebook/unit-rulebook-page'), 'UnitRulebookPage');
const CalendarYearsPage = page(() => import('../features/calendar/calendar-page'), 'CalendarYearsPage');
const CalendarYearPage = page(() => import('../features/calendar/calendar-page'), 'CalendarYearPage');
const MyAccountPage = page(() => import('../features/account/my-account-page'), 'MyAccountPage');

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
      { path: 'duties', element: guarded('duties', <DutiesPage />) },
      { path: 'compliance', element: guarded('compliance', <CompliancePage />) },
      { path: 'incidents', element: guarded('incidents', <IncidentsPage />) },
      { path: 'safety-reports', element: guarded('safetyReports', <SafetyCountyPage />) },
      { path: 'safety-reports/:unitId/:month', element: guarded('safetyReports', <SafetyReportPage />) },
      { path: 'rulebooks', element: guarded('rulebooks', <RulebooksPage />) },
      { path: 'rulebooks/units/:id', element: guarded('rulebooks', <UnitRulebookPage />) },
      { path: 'rulebooks/:id/edit', element: guardedWrite('rulebooks', <RulebookEditorPage />) },
      { path: 'calendar', element: guarded('calendar', <CalendarYearsPage />) },
      { path: 'calendar/:year', element: guarded('calendar', <CalendarYearPage />) },
      { path: 'accounts', element: guarded('accounts', <AccountsPage />) },
      { path: 'api-keys', element: guarded('apiKeys', <ApiKeysPage />) },
      { path: 'security', element: guarded('security', <SecuritySettingsPage />) },
      { path: 'audit', element: guarded('audit', <AuditPage />) },
      ...AREA_ROUTES,
      { path: 'account', element: <MyAccountPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
