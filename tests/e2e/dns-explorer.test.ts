/**
 * The DNS lookup explorer on the name-resolution page: useful with JavaScript off (server-rendered
 * answer), recomputed in the browser from the keyboard, and small.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const PAGE = 'dns/name-resolution/';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const queries = (page: Page) =>
  page.locator('section[data-dns-explorer] [data-results] li').evaluateAll((items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

describe('DNS lookup explorer', () => {
  it('shows the server-rendered lookup order with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseUrl + PAGE);
    const explorer = page.locator('section[data-dns-explorer]').first();
    await expect(explorer.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('kube-dns.kube-system');
    // services-dns cluster: kube-dns.kube-system.default.svc... does not exist; the svc.cluster.local suffix answers.
    expect(await queries(page)).toEqual([
      'kube-dns.kube-system.default.svc.cluster.local. — NXDOMAIN',
      'kube-dns.kube-system.svc.cluster.local. — answered: A 10.96.0.10',
    ]);
    await context.close();
  });

  it('recomputes from the keyboard: name, namespace and ndots', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page, new URL(baseUrl).origin);
    await page.goto(baseUrl + PAGE, { waitUntil: 'networkidle' });
    const explorer = page.locator('section[data-dns-explorer]').first();

    await explorer.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('web');
    await page.keyboard.press('Enter');
    await expect.poll(() => queries(page)).toEqual(['web.default.svc.cluster.local. — answered: A 10.96.0.20']);

    // From namespace kube-system, `web` first tries kube-system's own suffix.
    await explorer.getByLabel('Namespace', { exact: true }).fill('kube-system');
    await page.keyboard.press('Enter');
    await expect.poll(() => queries(page)).toEqual([
      'web.kube-system.svc.cluster.local. — NXDOMAIN',
      'web.svc.cluster.local. — NXDOMAIN',
      'web.cluster.local. — NXDOMAIN',
      'web. — forwarded upstream: NXDOMAIN (assumed)',
    ]);

    // With ndots:1 a name with one dot is tried as written first.
    await explorer.getByLabel('Namespace', { exact: true }).fill('default');
    await explorer.getByLabel('Name', { exact: true }).fill('example.com');
    await explorer.getByLabel('ndots', { exact: true }).fill('1');
    await explorer.getByLabel('ndots', { exact: true }).press('Enter');
    await expect.poll(async () => (await queries(page))[0]).toBe('example.com. — forwarded upstream: answered (assumed)');

    // Tab order: ndots, then the resolver, then the button.
    await explorer.getByLabel('ndots', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('resolver');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Look up');
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('recomputes while typing in the ndots field, without Enter or leaving the field', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + PAGE, { waitUntil: 'networkidle' });
    const explorer = page.locator('section[data-dns-explorer]').first();
    await explorer.getByLabel('Name', { exact: true }).fill('kube-dns.kube-system.svc');
    const ndots = explorer.getByLabel('ndots', { exact: true });
    await ndots.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    // Still focused in ndots: glibc tries the name as written first (2 dots >= ndots 2), then the search list.
    expect(await ndots.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(async () => (await queries(page))[0]).toBe('kube-dns.kube-system.svc. — forwarded upstream: NXDOMAIN (assumed)');
    await expect.poll(async () => (await queries(page)).at(-1)).toBe('kube-dns.kube-system.svc.cluster.local. — answered: A 10.96.0.10');
    await page.close();
  });

  it('offers glibc, musl and Go: musl skips the search list when the name has ndots dots', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + PAGE, { waitUntil: 'networkidle' });
    const explorer = page.locator('section[data-dns-explorer]').first();
    const resolver = explorer.getByLabel('Resolver', { exact: true });
    expect(await resolver.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['glibc', 'musl', 'go']);
    await explorer.getByLabel('Name', { exact: true }).fill('kube-dns.kube-system.svc');
    await explorer.getByLabel('ndots', { exact: true }).fill('2');
    await resolver.selectOption('musl');
    await expect.poll(() => queries(page)).toEqual(['kube-dns.kube-system.svc. — forwarded upstream: NXDOMAIN (assumed)']);
    await expect.poll(() => explorer.locator('[data-summary]').textContent()).toContain('the lookup fails');
    await resolver.selectOption('go');
    await expect.poll(async () => (await queries(page)).at(-1)).toBe('kube-dns.kube-system.svc.cluster.local. — answered: A 10.96.0.10');
    await page.close();
  });

  it('answers kubernetes and kubernetes.default (the default/kubernetes Service)', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + PAGE, { waitUntil: 'networkidle' });
    const explorer = page.locator('section[data-dns-explorer]').first();
    await explorer.getByLabel('Name', { exact: true }).fill('kubernetes');
    await expect.poll(() => queries(page)).toEqual(['kubernetes.default.svc.cluster.local. — answered: A 10.96.0.1']);
    await explorer.getByLabel('Name', { exact: true }).fill('kubernetes.default');
    await expect.poll(() => queries(page)).toEqual([
      'kubernetes.default.default.svc.cluster.local. — NXDOMAIN',
      'kubernetes.default.svc.cluster.local. — answered: A 10.96.0.1',
    ]);
    await page.close();
  });

  it('ships under 10 KB of gzipped JavaScript', () => {
    const html = readFileSync(`dist/${PAGE}index.html`, 'utf8');
    // Vite inlines a small module and emits a larger one as its own file; look at both.
    const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const external = [...html.matchAll(/<script type="module" src="\/([^"]+)">/g)].map((m) => readFileSync(`dist/${m[1]!.replace(/^.*?_astro\//, '_astro/')}`, 'utf8'));
    const explorer = [...inline, ...external].filter((code) => code.includes('data-results'));
    expect(explorer).toHaveLength(1);
    expect(gzipSync(explorer[0]!).length).toBeLessThan(10 * 1024);
  });
});
