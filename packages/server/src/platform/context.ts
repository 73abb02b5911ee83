import type { FastifyRequest } from 'fastify';
import type { Database, Queryable } from '../db/client';
import { type AuditChainer, type AuditEntry, appendAudit } from './audit/audit-ledger';
import type { Clock } from './clock';
import type { AppConfig, SecuritySettings } from './config';
import type { Mailer } from './mailer';

/** What every module gets: the database, the clock, configuration, the audit ledger and the mailer. */
export type AppContext = {
  db: Database;
  clock: Clock;
  config: AppConfig;
  chainer: AuditChainer;
  /** SMTP when ZONGZHI_SMTP_URL is configured; null: no email. */
  mailer: Mailer | null;
  /** Current security settings (config defaults overlaid by app_settings). */
  security: () => SecuritySettings;
  /** Applies security settings to this process at once; the caller has stored them already. */
  setSecurity: (settings: SecuritySettings) => void;
  /** The background document worker of this process (ADR 0009): `kick` wakes it for a new job. */
  documentJobs?: { kick: () => void };
  /** Appends an audit record for this request (actor, ip, request id and time filled in). */
  audit: (
    q: Queryable,
    request: FastifyRequest,
    entry: Omit<AuditEntry, 'occurredAt' | 'actor' | 'ip' | 'requestId'>,
  ) => Promise<void>;
};

export const createAuditForRequest =
  (clock: Clock): AppContext['audit'] =>
  (q, request, entry) => {
    const p = request.access?.principal ?? request.principal ?? null;
    return appendAudit(q, {
      ...entry,
      occurredAt: clock.now(),
      actor: p
        ? {
            id: p.accountId,
            name: p.username,
            role: request.access?.grants[0]?.role ?? p.grants[0]?.role ?? null,
          }
        : null,
      ip: request.ip,
      requestId: request.id,
    });
  };
