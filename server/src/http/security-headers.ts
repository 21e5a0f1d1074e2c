import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import helmet from 'helmet';
import type { App } from './app-types';

/**
 * Issue 18 item 7: browser security headers on the SPA and the API, through @fastify/helmet.
 *
 * The Content-Security-Policy allows only this origin. Two sources beyond 'self', each because the app needs it:
 * - style-src 'unsafe-inline': Ant Design writes its component styles at run time as <style> elements
 *   (@ant-design/cssinjs), and index.html carries a small <style>; without it every page renders unstyled. Scripts
 *   stay strict ('self' only, no inline script, no eval), which is what stops injected markup from running.
 * - img-src data: blob: — a drawn signature is previewed as a data: PNG and a camera photo as a blob: URL
 *   before upload; the two-factor set-up shows its QR code as a data: PNG (issue 18 item 6).
 * upgrade-insecure-requests is left out: an installation on a plain-HTTP intranet address would break under it.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  // Only honoured over HTTPS; not includeSubDomains, which would bind other hosts of an intranet domain.
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
};

/**
 * The same headers as plain values, computed once by helmet itself, for the answers written before any hook runs
 * (framework-errors.ts: a URL that does not decode, oversized headers).
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const res = { setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = String(v)), removeHeader: () => undefined };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
})();

export async function registerSecurityHeaders(app: App) {
  await app.register(fastifyHelmet, { global: true, ...HELMET_OPTIONS });
  // Nothing an API answers to a signed-in user (or a sign-in) is kept by a browser or a proxy. A public route that
  // chose its own caching (the calendar feed) keeps it.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && (req.actor || !reply.hasHeader('cache-control'))) reply.header('cache-control', 'no-store');
    return payload;
  });
}
