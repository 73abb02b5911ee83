import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { type Mailer, createMailer } from '../../platform/mailer';
import { type TestApp, createTestApp, testConfig } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

type Received = { from: string; to: string[]; subject: string; text: string };

/** Decodes RFC 2047 encoded words (consecutive ones joined, as a multi-byte character may straddle two). */
const decodeHeader = (value: string) =>
  value.replace(/(=\?utf-8\?[bq]\?[^?]*\?=\s*)+/gi, (run) => {
    const bytes: number[] = [];
    for (const [, enc, data] of run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)) {
      if (enc!.toUpperCase() === 'B') bytes.push(...Buffer.from(data!, 'base64'));
      else
        bytes.push(
          ...Buffer.from(
            data!
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
        );
    }
    return Buffer.from(bytes).toString('utf8');
  });

const parseMail = (raw: string) => {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = /^subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  let body = rest.join('\n\n');
  if (/content-transfer-encoding: base64/i.test(unfolded))
    body = Buffer.from(body, 'base64').toString('utf8');
  else if (/content-transfer-encoding: quoted-printable/i.test(unfolded))
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return { subject: decodeHeader(subject), text: body };
};

/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives, or refuses recipients. */
const startSmtp = async () => {
  const received: Received[] = [];
  const state = { refuse: false, authUser: '' };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, cb) => {
      state.authUser = auth.username ?? '';
      cb(null, { user: auth.username });
    },
    onRcptTo: (_address, _session, cb) =>
      state.refuse ? cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })) : cb(),
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const count = async (t: TestApp, sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0]!.n;

describe('duty notification email', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  let server: Awaited<ReturnType<typeof buildApp>>;
  const LEADER_EMAIL = 'zhang.shuji@example.cn';

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    const operator = await t.login('operator');
    const attached = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${t.world.units.county.id}/rulebook`,
      payload: { rulebookId: 'district-001', validFrom: '2026-01-01' },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    // The leader (town1's party secretary) gets mail; leader2 (town2's) has no address.
    const sysadmin = await t.login('sysadmin');
    const set = await sysadmin.inject({
      method: 'PATCH',
      url: `/api/v1/accounts/${t.world.accounts.leader}`,
      payload: { email: LEADER_EMAIL },
    });
    expect(set.statusCode, set.body).toBe(200);
    mailer = createMailer({
      url: `smtp://zz-mailer:secret@127.0.0.1:${smtp.port}`,
      from: 'zongzhi@example.cn',
      timeoutMs: 5_000,
    });
    server = await buildApp({
      db: t.db,
      config: testConfig(),
      clock: t.clock,
      scheduler: { initialDelayMs: 3_600_000 },
      mailer,
    });
    await server.app.ready();
  }, 60_000);
  afterAll(async () => {
    await server?.app.close();
    await t?.close();
    await smtp?.close();
  });

  it('mails each new notification of an account with an email once, after the tick commits', async () => {
    // Started on 2 March (March and April generated), then down until 10 May: April is overdue.
    t.clock.set('2026-03-02T01:00:00Z');
    const ticks = [await server.scheduler!.tick()];
    t.clock.set('2026-05-10T01:00:00Z');
    ticks.push(await server.scheduler!.tick());
    const total = (key: 'notificationsCreated' | 'emailsSent' | 'emailsFailed') =>
      ticks.reduce((sum, r) => sum + (r.ran ? r[key] : Number.NaN), 0);
    expect(total('emailsFailed')).toBe(0);
    const leaderNotes = await count(t, 'SELECT count(*) FROM notifications WHERE account_id = $1', [
      t.world.accounts.leader,
    ]);
    expect(leaderNotes).toBeGreaterThan(0);
    // Others were notified in the app too, but have no address.
    expect(total('notificationsCreated')).toBeGreaterThan(leaderNotes);
    expect(total('emailsSent')).toBe(leaderNotes);
    expect(smtp.received).toHaveLength(leaderNotes);
    expect(smtp.state.authUser).toBe('zz-mailer');
    const notes = await t.db.query<{
      kind: string;
      duty_name_zh: string;
      unit_name: string;
      deadline: string;
    }>(
      `SELECT n.kind, o.duty_name_zh, u.name AS unit_name, o.deadline FROM notifications n
         JOIN duty_occurrences o ON o.id = n.occurrence_id JOIN units u ON u.id = o.unit_id
        WHERE n.account_id = $1 AND n.emailed_at IS NOT NULL AND n.email_error IS NULL`,
      [t.world.accounts.leader],
    );
    expect(notes).toHaveLength(leaderNotes);
    for (const mail of smtp.received) {
      expect(mail.to).toEqual([LEADER_EMAIL]);
      expect(mail.from).toBe('zongzhi@example.cn');
      expect(mail.subject).toMatch(/^【综治】履职事项(即将到期|已逾期)：一号镇 /);
      expect(mail.text).toContain('单位：一号镇');
    }
    // One mail per notification, with what it says.
    for (const n of notes) {
      const state = n.kind === 'overdue' ? '已逾期' : '即将到期';
      const mail = smtp.received.find(
        (m) =>
          m.subject.startsWith(`【综治】履职事项${state}：${n.unit_name} ${n.duty_name_zh}（`) &&
          m.text.includes(`期限：${n.deadline}`),
      );
      expect(mail, `${state} ${n.duty_name_zh} ${n.deadline}`).toBeDefined();
    }
    expect(smtp.received.some((m) => m.subject.includes('已逾期'))).toBe(true);

    // A second tick the same day creates nothing and sends nothing.
    expect(await server.scheduler!.tick()).toMatchObject({
      ran: true,
      notificationsCreated: 0,
      emailsSent: 0,
      emailsFailed: 0,
    });
    expect(smtp.received).toHaveLength(leaderNotes);
  });

  it('keeps the notifications when the mail server refuses, and records the failure', async () => {
    const before = smtp.received.length;
    smtp.state.refuse = true;
    try {
      t.clock.set('2026-06-02T01:00:00Z');
      const tick = await server.scheduler!.tick();
      expect(tick.ran).toBe(true);
      if (!tick.ran) return;
      expect(tick.emailsSent).toBe(0);
      expect(tick.emailsFailed).toBeGreaterThan(0);
      const failed = await t.db.query<{ email_error: string }>(
        `SELECT email_error FROM notifications
          WHERE account_id = $1 AND created_at = $2 AND emailed_at IS NULL AND email_error IS NOT NULL`,
        [t.world.accounts.leader, t.clock.now()],
      );
      // Each failed mail's notification is in place, with the server's answer.
      expect(failed).toHaveLength(tick.emailsFailed);
      expect(failed[0]!.email_error).toMatch(/550|mailbox unavailable/);
      expect(smtp.received).toHaveLength(before);
    } finally {
      smtp.state.refuse = false;
    }
  });

  it('keeps the notifications when the mail server cannot be reached', async () => {
    const unreachable = createMailer({ url: 'smtp://127.0.0.1:1', timeoutMs: 2_000 });
    const other = await buildApp({
      db: t.db,
      config: testConfig(),
      clock: t.clock,
      scheduler: { initialDelayMs: 3_600_000 },
      mailer: unreachable,
    });
    try {
      await other.app.ready();
      t.clock.set('2026-07-27T01:00:00Z');
      const tick = await other.scheduler!.tick();
      expect(tick).toMatchObject({ ran: true, emailsSent: 0 });
      if (!tick.ran) return;
      expect(tick.notificationsCreated).toBeGreaterThan(0);
      expect(tick.emailsFailed).toBeGreaterThan(0);
      expect(
        await count(
          t,
          'SELECT count(*) FROM notifications WHERE created_at = $1 AND email_error IS NOT NULL',
          [t.clock.now()],
        ),
      ).toBe(tick.emailsFailed);
    } finally {
      await other.app.close();
    }
  });
});
