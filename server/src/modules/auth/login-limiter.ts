/** Fixed-window login attempt counter per client address (in memory; each instance limits its own share). */
export class LoginLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts the attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, nowMs: number): number {
    const entry = this.hits.get(key);
    if (!entry || nowMs - entry.windowStart >= this.windowMs) {
      this.hits.set(key, { windowStart: nowMs, count: 1 });
      if (this.hits.size > 10_000) this.prune(nowMs);
      return 0;
    }
    entry.count += 1;
    return entry.count > this.max ? Math.ceil((entry.windowStart + this.windowMs - nowMs) / 1000) : 0;
  }

  private prune(nowMs: number) {
    for (const [k, v] of this.hits) if (nowMs - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}
