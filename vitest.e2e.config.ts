import { defineConfig } from 'vitest/config';

// Browser tests against the built site (dist/), served on 127.0.0.1 by the global setup.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    environment: 'node',
    // One Chromium at a time: CI machines have two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
