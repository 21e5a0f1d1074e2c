import { afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser';

// Issue 18 item 7: every journey fails when a page broke the Content-Security-Policy (the app must work under it).
afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});
