/** What one item of a batch came to: its result, or an error that is its own (the other items still land). */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit for one kind of write: items submitted while the previous batch is being written (or within the
 * same turn of the event loop) go into the next batch, which the caller writes in one transaction. Nothing
 * waits for a timer, so a lone request is written at once; under load one transaction carries many, sparing a
 * commit (SQLite: one WAL append; PostgreSQL: one round trip per statement and one flush) per item.
 *
 * The writer answers each item with its Outcome; a batch that throws is written again one item at a time, so an
 * unexpected failure too is only the failing item's.
 */
export class WriteBatch<I, R> {
  readonly #queue: Array<{ item: I; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  #writing = false;
  #scheduled = false;

  constructor(
    private readonly write: (items: I[]) => Promise<Array<Outcome<R>>>,
    private readonly opts: { maxItems?: number } = {},
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#kick();
    });
  }

  /**
   * Starts a batch after the current turn (requests read from the sockets in the same turn join it) unless one
   * is being written. One at a time: two would contend for the day's number counter and make smaller batches
   * (measured on PostgreSQL: 970 creates/s with one, 790 with two, 630 with three).
   */
  #kick(): void {
    if (this.#scheduled || this.#queue.length === 0 || this.#writing) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#run();
    });
  }

  async #run(): Promise<void> {
    if (this.#queue.length === 0 || this.#writing) return;
    this.#writing = true;
    const batch = this.#queue.splice(0, this.opts.maxItems ?? 64);
    try {
      const outcomes = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => settle(b, outcomes[i]));
    } catch (err) {
      if (batch.length === 1) batch[0].reject(err);
      else for (const b of batch) await this.write([b.item]).then(([o]) => settle(b, o), b.reject);
    } finally {
      this.#writing = false;
      this.#kick();
    }
  }
}

function settle<R>(waiting: { resolve: (r: R) => void; reject: (e: unknown) => void }, outcome: Outcome<R>): void {
  if (outcome.ok) waiting.resolve(outcome.value);
  else waiting.reject(outcome.error);
}
