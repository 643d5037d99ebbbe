import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { diagrams } from '../../../src/integration/diagrams';
import { ROOT } from './clusters';

const FIXTURES = path.join(ROOT, 'tests/fixtures/clusters/definitions');
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

async function rootWith(file: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'diagrams-integration-'));
  temps.push(root);
  await mkdir(path.join(root, 'diagrams'));
  await symlink(path.join(ROOT, 'src'), path.join(root, 'src'));
  await writeFile(path.join(root, 'package.json'), '{"type":"module"}');
  const text = (await readFile(path.join(FIXTURES, file), 'utf8')).replace('../../../../src/model', '../src/model');
  await writeFile(path.join(root, 'diagrams', file), text);
  return root;
}

function fakeLogger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

type Hook = (options: unknown) => Promise<void> | void;

describe('Astro diagrams integration', () => {
  it('fails astro build on a definition error, naming file and path', async () => {
    const root = await rootWith('broken-cluster.ts');
    const logger = fakeLogger();
    const setup = diagrams().hooks['astro:config:setup'] as unknown as Hook;
    await expect(setup({ config: { root: pathToFileURL(`${root}/`) }, command: 'build', logger })).rejects.toThrow(/diagram definitions have errors/);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('diagrams/broken-cluster.ts: nodes[1].pods[0].ip:'));
  });

  it('in dev, logs errors, keeps serving, and rebuilds + reloads when diagrams/ changes', async () => {
    const root = await rootWith('good-cluster.ts');
    const logger = fakeLogger();
    const integration = diagrams();
    await (integration.hooks['astro:config:setup'] as unknown as Hook)({ config: { root: pathToFileURL(`${root}/`) }, command: 'dev', logger });
    expect(logger.info).toHaveBeenCalledWith('2 diagrams generated');

    const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
    const send = vi.fn();
    await (integration.hooks['astro:server:setup'] as unknown as Hook)({ server: { watcher, ws: { send } }, logger });
    expect(watcher.add).toHaveBeenCalledWith(path.join(root, 'diagrams'));

    watcher.emit('change', path.join(root, 'src/unrelated.ts'));
    const file = path.join(root, 'diagrams/good-cluster.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace("'10.244.1.2'", "'10.244.7.2'"));
    watcher.emit('change', file);
    await vi.waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'full-reload', path: '*' }), { timeout: 10_000 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("10.244.7.2 is outside node-2's podCIDR"));
  });
});
