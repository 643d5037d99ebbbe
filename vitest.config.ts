import { defineConfig } from 'vitest/config';

// Unit tests: pure functions of the model, derivations, Mermaid generation, rendering and site tooling.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
