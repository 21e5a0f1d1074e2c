import { describe, expect, it } from 'vitest';
import { type Outcome, WriteBatch } from './write-batch';

const ok = <R>(values: R[]): Array<Outcome<R>> => values.map((value) => ({ ok: true, value }));

describe('write batch (group commit)', () => {
  it('writes a lone item at once, in a batch of its own', async () => {
    const batches: number[][] = [];
    const batch = new WriteBatch<number, number>(async (items) => {
      batches.push(items);
      return ok(items.map((i) => i * 10));
    });
    expect(await batch.submit(1)).toBe(10);
    expect(batches).toEqual([[1]]);
  });

  it('puts the items submitted in the same turn into one batch, and those arriving during a write into the next', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((r) => (release = r));
    const batch = new WriteBatch<number, string>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await firstWrite;
      return ok(items.map(String));
    });
    const first = [1, 2, 3].map((i) => batch.submit(i));
    await new Promise((r) => setImmediate(r));
    const later = [4, 5].map((i) => batch.submit(i));
    release();
    expect(await Promise.all([...first, ...later])).toEqual(['1', '2', '3', '4', '5']);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('caps a batch at its maximum size', async () => {
    const sizes: number[] = [];
    const batch = new WriteBatch<number, number>(
      async (items) => {
        sizes.push(items.length);
        return ok(items);
      },
      { maxItems: 4 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => batch.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('retries a failed batch one item at a time, so only the bad item fails', async () => {
    const batches: number[][] = [];
    const batch = new WriteBatch<number, number>(async (items) => {
      batches.push(items);
      if (items.includes(13)) throw new Error('unlucky');
      return ok(items);
    });
    const results = await Promise.allSettled([12, 13, 14].map((i) => batch.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('unlucky');
    expect(batches).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('settles each item by its own outcome: one refused item does not fail the others', async () => {
    const batch = new WriteBatch<number, number>(async (items) =>
      items.map((i) => (i % 2 ? { ok: false, error: new Error(`odd ${i}`) } : { ok: true, value: i })),
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => batch.submit(i)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['odd 1', 2, 'odd 3', 4]);
  });

  it('keeps working after a failure', async () => {
    const batch = new WriteBatch<number, number>(async (items) => {
      if (items[0] < 0) throw new Error('negative');
      return ok(items);
    });
    await expect(batch.submit(-1)).rejects.toThrow('negative');
    expect(await batch.submit(2)).toBe(2);
  });
});
