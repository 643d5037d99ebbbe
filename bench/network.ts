/**
 * "The network has been quiet for a while" on a page, at any point of its life. Playwright's
 * `waitForLoadState('networkidle')` only tells about the initial load: once reached, it returns at
 * once, so it cannot tell when the fetches started by typing a search have finished.
 */
import type { Page } from 'playwright-core';

export interface NetworkTracker {
  /** Requests started and not yet finished or failed. */
  inFlight(): number;
  /** Resolves when no request has been in flight for `quietMs`; rejects after `timeoutMs`. */
  waitQuiet(quietMs?: number, timeoutMs?: number): Promise<void>;
}

export function trackNetwork(page: Page): NetworkTracker {
  let inFlight = 0;
  let lastChange = performance.now();
  const change = (delta: number) => {
    inFlight = Math.max(0, inFlight + delta);
    lastChange = performance.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return {
    inFlight: () => inFlight,
    async waitQuiet(quietMs = 500, timeoutMs = 30_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const now = performance.now();
        if (inFlight === 0 && now - lastChange >= quietMs) return;
        if (now > deadline) throw new Error(`network not quiet after ${timeoutMs} ms (${inFlight} request(s) in flight)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/**
 * After `load`: lets the page run its idle-time work (Starlight sets up search in a
 * requestIdleCallback, which fetches more script), then waits for the network to be quiet. Without
 * this a busy machine would sometimes count those fetches and sometimes not.
 */
export async function settleAfterLoad(page: Page, network: NetworkTracker, quietMs = 1000): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 5000 });
          else setTimeout(resolve, 50);
        }),
    );
    await network.waitQuiet(quietMs);
  }
}
