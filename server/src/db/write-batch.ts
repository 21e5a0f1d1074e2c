/**
 * Group commit for one kind of write: items submitted while the previous batch is being written (or within the
 * same turn of the event loop) go into the next batch, which the caller writes in one transaction. Nothing
 * waits for a timer, so a lone request is written at once; under load one transaction carries many, sparing a
 * commit (SQLite: one WAL append; PostgreSQL: one round trip per statement and one flush) per item.
 *
 * A batch that fails is written again one item at a time, so an item's failure is its own and the others land.
 */
export class WriteBatch<I, R> {
  readonly #queue: Array<{ item: I; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  #busy = false;

  constructor(
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly maxItems = 64,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#busy) {
        this.#busy = true;
        // After the current turn: requests whose bodies arrived in the same read of the sockets join this batch.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, this.maxItems);
        try {
          const results = await this.write(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (err) {
          if (batch.length === 1) batch[0].reject(err);
          else for (const b of batch) await this.write([b.item]).then(([r]) => b.resolve(r), b.reject);
        }
      }
    } finally {
      this.#busy = false;
    }
  }
}
