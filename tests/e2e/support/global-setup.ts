/** Serves the built site once for all browser tests and hands its URL to them. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic, type RunningServer } from './static-server.ts';
import { deployTarget } from '../../../src/site/deploy-env.ts';

let server: RunningServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ has no built site: run `npm run build` first (npm run test:e2e does it for you).');
  }
  server = await serveStatic('dist', deployTarget(process.env).base);
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
