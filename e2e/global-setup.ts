import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export const E2E_ADMIN_PASSWORD = 'e2e-Kestrel-harbour-9';
let server: ChildProcess | null = null;

/** Starts the real server (as `npm start` does, on a fresh SQLite file) for the browser journeys. */
export default async function setup(project: TestProject) {
  // E2E_PORT chooses the server's port (e.g. beside another instance); by default a random one in 3400–3899.
  const port = Number(process.env.E2E_PORT) || 3400 + Math.floor(Math.random() * 500);
  const dir = mkdtempSync(join(tmpdir(), 'techserve-e2e-'));
  server = spawn(process.execPath, ['server/bin/techserve.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
      TECHSERVE_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // Wait for what a user waits for: the server answering. A loaded machine can take long to migrate and seed, so the
  // ceiling is generous; a server that exits or never answers fails the run here, with the reason, not in a journey.
  let exited: number | null = null;
  server.once('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) throw new Error(`the e2e server exited with code ${exited} before answering on ${baseUrl}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the e2e server did not answer on ${baseUrl} within 180 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', E2E_ADMIN_PASSWORD);
  return () => {
    server?.kill('SIGTERM');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}
