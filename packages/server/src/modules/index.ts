import type { ZApp } from '../app';
import type { AppContext } from '../platform/context';
import { registerAccountsRoutes } from './accounts/accounts.routes';
import { registerAccountabilityRoutes } from './accountability/accountability.routes';
import { registerAssessmentRoutes } from './assessment/assessment.routes';
import { registerAuditRoutes } from './audit/audit.routes';
import { registerAuthRoutes } from './auth/auth.routes';
import { registerCalendarRoutes } from './calendar/calendar.routes';
import { registerDocumentRoutes } from './documents/documents.routes';
import { registerDutyRoutes } from './duties/duties.routes';
import { registerEligibilityRoutes } from './eligibility/eligibility.routes';
import { registerHealthRoutes } from './health/health.routes';
import { registerIncidentRoutes } from './incidents/incidents.routes';
import { registerInspectionRoutes } from './inspections/inspections.routes';
import { registerLetterRoutes } from './letters/letters.routes';
import { registerRegistryRoutes } from './registry/registry.routes';
import { registerRulebookRoutes } from './rulebook/rulebook.routes';
import { registerSafetyReportRoutes } from './safety-reports/safety-reports.routes';

/** Every area's routes, mounted under /api/v1. Add a line per area. */
export const registerModules = async (app: ZApp, ctx: AppContext) => {
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAccountsRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerRegistryRoutes(app, ctx);
  registerRulebookRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerDutyRoutes(app, ctx);
  registerIncidentRoutes(app, ctx);
  registerSafetyReportRoutes(app, ctx);
  registerLetterRoutes(app, ctx);
  registerInspectionRoutes(app, ctx);
  registerAccountabilityRoutes(app, ctx);
  registerEligibilityRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerAssessmentRoutes(app, ctx);
};
