import type { Queryable } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { MailMessage, Mailer } from '../../platform/mailer';
import {
  type NotificationToMail,
  listNotificationsToMail,
  recordNotificationEmail,
} from './duties.repository';

export type EmailOutcome = { sent: number; failed: number };

/** The mail of one due-soon or overdue notification, in Chinese. */
export const composeDueNotificationMail = (n: NotificationToMail): MailMessage => {
  const state = n.kind === 'overdue' ? '已逾期' : '即将到期';
  return {
    to: n.email,
    subject: `【综治】履职事项${state}：${n.unitName} ${n.dutyNameZh}（${n.periodKey}）`,
    text: [
      `${n.displayName}：`,
      '',
      n.kind === 'overdue'
        ? '以下履职事项已超过期限，尚未完成，请尽快办理并在系统中登记：'
        : '以下履职事项即将到期，请按期办理并在系统中登记：',
      '',
      `单位：${n.unitName}`,
      `事项：${n.dutyNameZh}`,
      `期次：${n.periodKey}`,
      `期限：${n.deadline}`,
      `状态：${state}`,
      '',
      '本邮件由综治平台自动发送，请勿直接回复。',
    ].join('\n'),
  };
};

/**
 * Mails the given (already committed) notifications to the accounts that have an email, one mail
 * each, and records each outcome on the notification. A failed send is logged and recorded, never
 * thrown: the notification in the app stands whatever the mail server does.
 */
export const emailDueNotifications = async (
  q: Queryable,
  {
    ids,
    mailer,
    clock,
    onFailure = () => undefined,
  }: {
    ids: readonly number[];
    mailer: Mailer;
    clock: Clock;
    onFailure?: (error: unknown, notificationId: number) => void;
  },
): Promise<EmailOutcome> => {
  const outcome: EmailOutcome = { sent: 0, failed: 0 };
  for (const n of await listNotificationsToMail(q, ids)) {
    let error: string | null = null;
    try {
      await mailer.send(composeDueNotificationMail(n));
      outcome.sent++;
    } catch (e) {
      outcome.failed++;
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500) || 'send failed';
      onFailure(e, n.id);
    }
    try {
      await recordNotificationEmail(q, n.id, { at: clock.now(), error });
    } catch (e) {
      onFailure(e, n.id);
    }
  }
  return outcome;
};
