import nodemailer from 'nodemailer';

/** One plain-text mail. */
export type MailMessage = { to: string; subject: string; text: string };

/** Sends mail through SMTP; absent (null) where the server has no ZONGZHI_SMTP_URL. */
export type Mailer = {
  /** Sends one mail; rejects when the server refuses it or cannot be reached. */
  send: (message: MailMessage) => Promise<void>;
  /** Closes pooled connections. */
  close: () => void;
};

export type MailerOptions = {
  /** smtp://user:pass@host:port (or smtps:// for implicit TLS). */
  url: string;
  /** The From header; defaults to the SMTP user when it is an address. */
  from?: string | undefined;
  /** Connection, greeting and socket time limits in ms (a dead server must not hold the scheduler). */
  timeoutMs?: number;
};

export const createMailer = ({ url, from, timeoutMs = 15_000 }: MailerOptions): Mailer => {
  const parsed = new URL(url);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error('ZONGZHI_SMTP_URL must be smtp://user:pass@host:port or smtps://…');
  const user = decodeURIComponent(parsed.username);
  const sender = from || (user.includes('@') ? user : `zongzhi@${parsed.hostname}`);
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
  });
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from: sender, to, subject, text });
    },
    close: () => transport.close(),
  };
};

/** The mailer the environment configures (ZONGZHI_SMTP_URL, ZONGZHI_MAIL_FROM), or null: no email. */
export const mailerFromEnv = (env: NodeJS.ProcessEnv = process.env): Mailer | null =>
  env.ZONGZHI_SMTP_URL ? createMailer({ url: env.ZONGZHI_SMTP_URL, from: env.ZONGZHI_MAIL_FROM }) : null;
