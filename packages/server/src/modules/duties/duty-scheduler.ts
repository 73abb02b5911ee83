import { hostname } from 'node:os';
import { addCalendarDays } from '@zongzhi/domain';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/clock';
import { DEFAULT_SCHEDULERS } from '../../platform/config';
import type { Mailer } from '../../platform/mailer';
import { insertSchedulerRun } from './duties.repository';
import { calculateToday } from './duty-dates';
import { emailDueNotifications } from './email-due-notifications';
import { currentAndNextWindow, generateDutyOccurrences } from './generate-duty-occurrences';
import { notifyDueDuties } from './notify-due-duties';

/** Advisory lock of the duty scheduler (the migrations hold 7_140_001). */
const DUTY_SCHEDULER_LOCK = 7_140_007;
const JOB = 'duties';

export type DutyTickResult =
  | { ran: false; reason: 'busy' }
  | {
      ran: true;
      asOf: string;
      occurrencesCreated: number;
      notificationsCreated: number;
      /** Mails sent and failed for the new notifications (both 0 without a mailer). */
      emailsSent: number;
      emailsFailed: number;
    };

export type DutyScheduler = {
  /** One tick now; answers `ran: false` when another tick (here or on another server) holds the lock. */
  tick: () => Promise<DutyTickResult>;
  /** Ticks every `intervalMs`, the first after `initialDelayMs`. */
  start: () => void;
  /** Stops the timer and waits for a tick in flight. */
  stop: () => Promise<void>;
};

export type DutySchedulerOptions = {
  db: Database;
  clock: Clock;
  /** ZONGZHI_DUTY_SCHEDULER_INTERVAL_SECONDS (platform/config); its default when absent. */
  intervalMs?: number;
  /** Occurrences per INSERT (ZONGZHI_OCCURRENCE_INSERT_CHUNK); its default when absent. */
  occurrenceInsertChunk?: number;
  initialDelayMs?: number;
  onError?: (error: unknown) => void;
  instance?: string;
  /** Mails the new notifications after each tick commits; null or absent: no email. */
  mailer?: Mailer | null;
  /** Told of each mail that could not be sent (the notification stands). */
  onMailError?: (error: unknown, notificationId: number) => void;
};

// PGlite is one connection in one process: there the advisory lock would be re-entrant within a
// session, so ticks of apps sharing the same Database object are kept apart by this guard instead.
const ticking = new WeakSet<Database>();

/**
 * The one reader of the clock for duties. Each tick, in one transaction under a transaction-level
 * advisory lock (so that of several servers on one database exactly one works, and a crashed one
 * holds nothing): generates the occurrences of each duty's current and next period that are
 * missing, then creates the due-soon and overdue notifications due today. It works from the rows
 * in the database, never from what the last tick did: after downtime the next tick produces what
 * is due now, and unique keys make any repetition a no-op. After the transaction commits, the new
 * notifications are mailed to the accounts with an email when a mailer is configured.
 */
export const createDutyScheduler = ({
  db,
  clock,
  intervalMs = DEFAULT_SCHEDULERS.dutyIntervalSeconds * 1000,
  occurrenceInsertChunk = DEFAULT_SCHEDULERS.occurrenceInsertChunk,
  initialDelayMs = 5_000,
  onError = () => undefined,
  instance = `${hostname()}:${process.pid}`,
  mailer = null,
  onMailError = () => undefined,
}: DutySchedulerOptions): DutyScheduler => {
  const tick = async (): Promise<DutyTickResult> => {
    if (ticking.has(db)) return { ran: false, reason: 'busy' };
    ticking.add(db);
    try {
      const committed = await db.transaction(async (tx) => {
        const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
          DUTY_SCHEDULER_LOCK,
        ]);
        if (!lock?.locked) return null;
        const startedAt = clock.now();
        const today = calculateToday(startedAt);
        const generated = await generateDutyOccurrences(tx, {
          window: currentAndNextWindow(today),
          // Wide enough for every cadence's previous, current and next period.
          span: { from: addCalendarDays(today, -400), to: addCalendarDays(today, 400) },
          rulesDate: today,
          patterns: null,
          // A previous period whose deadline has passed is not generated late by the scheduler:
          // the year's generation (POST /duties/generate) owns the past.
          keep: (o) => o.periodEnd >= today || o.deadline >= today,
          now: startedAt,
          insertChunk: occurrenceInsertChunk,
        });
        const notified = await notifyDueDuties(tx, { today, now: startedAt });
        await insertSchedulerRun(tx, {
          job: JOB,
          asOf: today,
          startedAt,
          finishedAt: clock.now(),
          occurrencesCreated: generated.created,
          notificationsCreated: notified.length,
          instance,
        });
        return { asOf: today, occurrencesCreated: generated.created, notified };
      });
      if (!committed) return { ran: false, reason: 'busy' };
      // Only once the notifications are committed: a mail never announces a row that was rolled
      // back, and a mail server that fails or hangs never rolls one back.
      const emails =
        mailer && committed.notified.length > 0
          ? await emailDueNotifications(db, {
              ids: committed.notified,
              mailer,
              clock,
              onFailure: onMailError,
            })
          : { sent: 0, failed: 0 };
      return {
        ran: true,
        asOf: committed.asOf,
        occurrencesCreated: committed.occurrencesCreated,
        notificationsCreated: committed.notified.length,
        emailsSent: emails.sent,
        emailsFailed: emails.failed,
      };
    } finally {
      ticking.delete(db);
    }
  };

  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  const run = () => {
    inFlight = tick().catch(onError);
  };
  return {
    tick,
    start: () => {
      if (timer) return;
      first = setTimeout(run, initialDelayMs);
      timer = setInterval(run, intervalMs);
      first.unref();
      timer.unref();
    },
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
};
