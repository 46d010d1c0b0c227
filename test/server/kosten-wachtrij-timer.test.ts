/**
 * When the background drain of the cost queue runs (db/kosten-wachtrij.ts `kort`): after a pause
 * in the pushes, and at the latest a second after the first push it serves, so pricing does not
 * compete with a burst of pushes but never waits for a quiet moment forever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KostenWachtrij } from '../../src/server/db/kosten-wachtrij.ts';
import type { Store } from '../../src/server/db/store.ts';

/** A store whose queue is always empty: each drain is one `SELECT EXISTS`, counted here. */
function telStore(): { store: Store; drains: () => number } {
  let n = 0;
  const store = {
    query: async () => {
      n += 1;
      return [{ er: false }];
    },
  } as unknown as Store;
  return { store, drains: () => n };
}

describe('the background drain of the cost queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause of 50 ms in the pushes', async () => {
    const { store, drains } = telStore();
    const w = new KostenWachtrij(store, () => undefined);
    w.kort();
    await vi.advanceTimersByTimeAsync(30);
    w.kort();
    await vi.advanceTimersByTimeAsync(30);
    expect(drains()).toBe(0);
    await vi.advanceTimersByTimeAsync(25);
    expect(drains()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(drains()).toBe(1);
  });

  it('drains at the latest a second after the first push while pushes keep coming', async () => {
    const { store, drains } = telStore();
    const w = new KostenWachtrij(store, () => undefined);
    const momenten: number[] = [];
    for (let t = 0; t < 3_000; t += 20) {
      const voor = drains();
      w.kort();
      await vi.advanceTimersByTimeAsync(20);
      if (drains() > voor) momenten.push(t + 20);
    }
    expect(momenten).toEqual([1_000, 2_000, 3_000]);
    await vi.advanceTimersByTimeAsync(100);
    expect(drains()).toBe(3);
  });

  it('schedules nothing once closed', async () => {
    const { store, drains } = telStore();
    const w = new KostenWachtrij(store, () => undefined);
    w.kort();
    await w.sluit();
    w.kort();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(drains()).toBe(0);
  });
});
