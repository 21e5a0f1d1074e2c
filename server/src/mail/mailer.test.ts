import { type AddressInfo, createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import { notificationMail } from '../modules/notifications/notifications.service';
import { TestClock, freshDatabase } from '../test/harness';
import { MAX_MAIL_ATTEMPTS, type Mailer, createMailer, deliverPendingMail } from './mailer';
import { queueMail } from './outbox.repository';

// A real SMTP listener on a free port (design.md: tests use a real SMTP server, not a mock).

type Smtp = { port: number; messages: string[]; logins: { username: string; password: string }[]; close: () => Promise<void> };

async function startSmtp(opts: { rejectLogin?: boolean } = {}): Promise<Smtp> {
  const messages: string[] = [];
  const logins: Smtp['logins'] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      const login = { username: auth.username ?? '', password: auth.password ?? '' };
      logins.push(login);
      // Echoes the credentials back, as a careless server might: they must not reach last_error.
      if (opts.rejectLogin) return cb(new Error(`unknown user ${login.username} with password ${login.password}`));
      cb(null, { user: login.username });
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded body of the MIME part with this content type (base64 transfer encoding, as nodemailer sends files). */
function attachedPart(raw: string, contentType: string): Buffer {
  const boundary = /boundary="?([^"\r\n;]+)"?/i.exec(raw)?.[1];
  if (!boundary) throw new Error('not a multipart message');
  const part = raw.split(`--${boundary}`).find((p) => p.toLowerCase().includes(`content-type: ${contentType}`));
  if (!part) throw new Error(`no ${contentType} part`);
  const body = part.slice(part.search(/\r?\n\r?\n/)).replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The decoded Subject header: unfolds lines and decodes RFC 2047 encoded-words (B and Q, adjacent ones joined). */
function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const value = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (words) => {
    const bytes = [...words.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, enc, text]) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

let database: Database & { drop: () => Promise<void> };
let clock: TestClock;
const mailers: Mailer[] = [];
const mailer = (smtpUrl: string | null) => {
  const m = createMailer({ smtpUrl, from: 'TechServe <no-reply@techserve.test>' });
  mailers.push(m);
  return m;
};
const outbox = () => database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
const mail = notificationMail({
  title: { zh: '工单 T-12 即将超时（30 分钟内）', en: 'Ticket T-12 is due within 30 minutes' },
  body: { zh: '请尽快处理：存储阵列告警', en: 'Please act now: storage array alarm' },
  link: '/tickets/12',
});
const queue = async (to = 'eng1@example.com') => {
  const now = clock.now().toISOString();
  await queueMail(database.db, [
    { to_address: to, subject: mail.subject, text_body: mail.text, html_body: null, created_at: now, send_after: now },
  ]);
};

beforeAll(async () => {
  database = await freshDatabase();
  clock = new TestClock();
});
afterEach(async () => {
  await database.db.deleteFrom('mail_outbox').execute();
  for (const m of mailers.splice(0)) m.close();
});
afterAll(async () => database.drop());

describe('delivering the outbox', () => {
  it('sends queued mail through a real SMTP server with the Chinese subject intact and marks it sent', async () => {
    const smtp = await startSmtp();
    try {
      await queue('eng1@example.com');
      const m = mailer(`smtp://mailuser:p%40ss-word@127.0.0.1:${smtp.port}`);
      expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 1, failed: 0 });
      expect(smtp.messages).toHaveLength(1);
      expect(subjectOf(smtp.messages[0])).toBe('工单 T-12 即将超时（30 分钟内） / Ticket T-12 is due within 30 minutes');
      expect(smtp.messages[0]).toMatch(/^To: eng1@example\.com/m);
      expect(smtp.messages[0]).toMatch(/^From: TechServe <no-reply@techserve\.test>/m);
      expect(smtp.logins).toEqual([{ username: 'mailuser', password: 'p@ss-word' }]);
      const [row] = await outbox();
      expect(row).toMatchObject({ sent_at: clock.now().toISOString(), attempts: 0, last_error: null });

      // Sent mail is not sent again.
      expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('FS-8: sends a queued attachment (the service-record PDF) with its name and type, bytes intact', async () => {
    const smtp = await startSmtp();
    try {
      const now = clock.now().toISOString();
      const pdf = Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.from('服务记录'), Buffer.alloc(3000, 7)]);
      await queueMail(database.db, [
        {
          to_address: 'qian@example.com',
          subject: '服务记录 ZR-000001',
          text_body: 'PDF 见附件',
          html_body: null,
          created_at: now,
          send_after: now,
          attachments: [{ fileName: '服务记录-ZR-000001.pdf', contentType: 'application/pdf', data: pdf }],
        },
        { to_address: 'plain@example.com', subject: 'no file', text_body: 'x', html_body: null, created_at: now, send_after: now },
      ]);
      const m = mailer(`smtp://127.0.0.1:${smtp.port}`);
      expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 2, failed: 0 });
      const withFile = smtp.messages.find((raw) => /^To: qian@example\.com/m.test(raw))!;
      expect(withFile).toMatch(/Content-Type: application\/pdf/);
      expect(withFile).toContain(encodeURIComponent('服务记录-ZR-000001.pdf').slice(0, 20));
      expect(attachedPart(withFile, 'application/pdf').equals(pdf)).toBe(true);
      expect(smtp.messages.find((raw) => /^To: plain@example\.com/m.test(raw))).not.toMatch(/application\/pdf/);
    } finally {
      await smtp.close();
    }
  });

  it('sends at most `batch` messages per run, oldest first', async () => {
    const smtp = await startSmtp();
    try {
      await queue('a@example.com');
      await queue('b@example.com');
      await queue('c@example.com');
      const m = mailer(`smtp://127.0.0.1:${smtp.port}`);
      expect(await deliverPendingMail(database.db, m, clock, { batch: 2 })).toEqual({ sent: 2, failed: 0 });
      expect(smtp.messages.map((raw) => /^To: (.*)$/m.exec(raw)?.[1].trim())).toEqual(['a@example.com', 'b@example.com']);
      expect(await deliverPendingMail(database.db, m, clock, { batch: 2 })).toEqual({ sent: 1, failed: 0 });
    } finally {
      await smtp.close();
    }
  });

  it('counts a failed attempt, backs off 2^attempts minutes and gives up after the last attempt', async () => {
    await queue();
    const m = mailer(`smtp://mailuser:S3cret-pw@127.0.0.1:${await closedPort()}`);
    const start = clock.now().getTime();
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 1 });
    let [row] = await outbox();
    expect(row).toMatchObject({ sent_at: null, attempts: 1, send_after: new Date(start + 2 * 60_000).toISOString() });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    expect(row.last_error).not.toMatch(/S3cret-pw|mailuser/);

    // Not due yet: untouched.
    clock.advance(1);
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 0 });
    clock.advance(1);
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 1 });
    [row] = await outbox();
    expect(row).toMatchObject({ attempts: 2, send_after: new Date(clock.now().getTime() + 4 * 60_000).toISOString() });

    await database.db
      .updateTable('mail_outbox')
      .set({ attempts: MAX_MAIL_ATTEMPTS - 1, send_after: clock.now().toISOString() })
      .execute();
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 1 });
    clock.advance(60 * 24 * 30);
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 0 });
    [row] = await outbox();
    expect(row).toMatchObject({ attempts: MAX_MAIL_ATTEMPTS, sent_at: null });
  });

  it('never stores the SMTP credentials in last_error, even when the server repeats them', async () => {
    const smtp = await startSmtp({ rejectLogin: true });
    try {
      await queue();
      const m = mailer(`smtp://mailuser:S3cret-pw@127.0.0.1:${smtp.port}`);
      expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 1 });
      expect(smtp.logins).toEqual([{ username: 'mailuser', password: 'S3cret-pw' }]);
      const [row] = await outbox();
      expect(row.last_error).toMatch(/535/);
      expect(row.last_error).not.toMatch(/S3cret-pw|mailuser/);
      expect(row.last_error!.length).toBeLessThanOrEqual(300);
    } finally {
      await smtp.close();
    }
  });

  it('leaves mail queued when SMTP is not configured and says so once', async () => {
    await queue();
    const logger = { info: vi.fn() };
    const m = createMailer({ smtpUrl: null, from: 'x@y', logger });
    expect(m.configured).toBe(false);
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 0 });
    expect(await deliverPendingMail(database.db, m, clock)).toEqual({ sent: 0, failed: 0 });
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info.mock.calls[0][0]).toMatch(/SMTP is not configured/);
    expect(await outbox()).toMatchObject([{ sent_at: null, attempts: 0, last_error: null }]);
  });

  it('does not send a row twice when two deliveries overlap', async () => {
    const smtp = await startSmtp();
    try {
      for (let i = 0; i < 4; i++) await queue(`u${i}@example.com`);
      const a = mailer(`smtp://127.0.0.1:${smtp.port}`);
      const b = mailer(`smtp://127.0.0.1:${smtp.port}`);
      const [ra, rb] = await Promise.all([deliverPendingMail(database.db, a, clock), deliverPendingMail(database.db, b, clock)]);
      expect(ra.sent + rb.sent).toBe(4);
      expect(smtp.messages).toHaveLength(4);
    } finally {
      await smtp.close();
    }
  });
});
