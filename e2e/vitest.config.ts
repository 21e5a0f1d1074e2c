import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // Fails a journey on any Content-Security-Policy violation its pages reported (issue 18 item 7).
    setupFiles: ['e2e/csp-guard.ts'],
    // Ceilings against hangs, not speed checks: a journey on a loaded 2-core machine took 55 s where idle takes 25 s.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
