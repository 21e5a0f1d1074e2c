import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Clock } from '../http/clock';
import type { Db } from '../http/context';
import * as outbox from './outbox.repository';

export type MailMessage = { to: string; subject: string; text: string; html?: string | null; attachments?: outbox.MailAttachment[] };

export type Mailer = {
  /** False when no SMTP server is configured: mail then stays queued in the outbox. */
  readonly configured: boolean;
  /** Sends one message; a failure's message never contains the SMTP credentials. */
  send(message: MailMessage): Promise<void>;
  close(): void;
};

export type MailerConfig = { smtpUrl: string | null; from: string; logger?: Pick<FastifyBaseLogger, 'info'> };

/** After this many failed attempts a message is given up on (it stays in the outbox with its last error). */
export const MAX_MAIL_ATTEMPTS = 8;
/** How long a row taken for sending is reserved; a crashed sender's row is retried after it. */
const CLAIM_MINUTES = 10;

/** Every form in which the credentials of an `smtp://user:pass@host` URL could show up in an error message. */
function secretsOf(smtpUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return [smtpUrl];
  }
  const raw = [url.username, url.password].filter(Boolean);
  const decoded = raw.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return [...new Set([smtpUrl, ...raw, ...decoded])].filter(Boolean).sort((a, b) => b.length - a.length);
}

function redact(message: string, secrets: string[]): string {
  return secrets.reduce((m, s) => m.split(s).join('***'), message);
}

/**
 * An SMTP mailer from `smtp://user:pass@host:port` (or `smtps://`), or an unconfigured one when the URL is null.
 * Connections are per message with short timeouts, so an unreachable server cannot stall the mail job.
 */
export function createMailer(cfg: MailerConfig): Mailer {
  if (!cfg.smtpUrl) {
    cfg.logger?.info('SMTP is not configured (TECHSERVE_SMTP_URL): e-mail stays queued in the outbox');
    return {
      configured: false,
      send: async () => {
        throw new Error('SMTP is not configured');
      },
      close: () => {},
    };
  }
  const secrets = secretsOf(cfg.smtpUrl);
  const transport = nodemailer.createTransport({
    url: cfg.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    configured: true,
    async send(m) {
      try {
        await transport.sendMail({
          from: cfg.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          ...(m.html ? { html: m.html } : {}),
          attachments: (m.attachments ?? []).map((a) => ({ filename: a.fileName, content: a.data, contentType: a.contentType })),
        });
      } catch (err) {
        throw new Error(redact(err instanceof Error ? err.message : String(err), secrets));
      }
    },
    close: () => transport.close(),
  };
}

const addMinutes = (clock: Clock, minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
const shortError = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 300);

/**
 * Sends due outbox mail (sent_at null, send_after ≤ now), oldest first. A failure counts an attempt, stores a
 * short error and backs off 2^attempts minutes; after MAX_MAIL_ATTEMPTS the row is no longer tried. Without a
 * configured mailer nothing is touched.
 */
export async function deliverPendingMail(
  db: Db,
  mailer: Mailer,
  clock: Clock,
  opts: { batch?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  if (!mailer.configured) return result;
  const rows = await outbox.pendingMail(db, clock.now().toISOString(), MAX_MAIL_ATTEMPTS, opts.batch ?? 50);
  for (const row of rows) {
    if (!(await outbox.claimMail(db, row, addMinutes(clock, CLAIM_MINUTES)))) continue;
    try {
      await mailer.send({
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        attachments: await outbox.attachmentsOf(db, row.id),
      });
      await outbox.markSent(db, row.id, clock.now().toISOString());
      result.sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      await outbox.markFailed(db, row.id, { attempts, sendAfter: addMinutes(clock, 2 ** attempts), error: shortError(err) });
      result.failed++;
    }
  }
  return result;
}
