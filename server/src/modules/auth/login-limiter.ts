/**
 * Fixed-window count of failed sign-in (and current-password) attempts per client address (in memory; each instance
 * limits its own share). Only failures count: an office of many staff behind one address signs in at 08:30 without
 * being refused, while guessing from one address is stopped after `max` failures in the window.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** The seconds to wait before the next attempt from this address, 0 when it may try. */
  waitFor(key: string, nowMs: number): number {
    const entry = this.failures.get(key);
    if (!entry || nowMs - entry.windowStart >= this.windowMs || entry.count < this.max) return 0;
    return Math.max(1, Math.ceil((entry.windowStart + this.windowMs - nowMs) / 1000));
  }

  /** Counts one failed attempt. */
  fail(key: string, nowMs: number): void {
    const entry = this.failures.get(key);
    if (!entry || nowMs - entry.windowStart >= this.windowMs) {
      this.failures.set(key, { windowStart: nowMs, count: 1 });
      if (this.failures.size > 10_000) this.prune(nowMs);
      return;
    }
    entry.count += 1;
  }

  private prune(nowMs: number) {
    for (const [k, v] of this.failures) if (nowMs - v.windowStart >= this.windowMs) this.failures.delete(k);
  }
}
