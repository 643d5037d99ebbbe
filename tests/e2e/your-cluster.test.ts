/**
 * The "Your cluster" page: paste kubectl output and see nodes, kube-proxy rules, resolv.conf and
 * the policy matrix with reasons; no request at all while importing and computing (only the
 * page's own same-origin chunks when the diagrams are opened); located errors with the rest
 * still shown; files chosen or dropped; keyboard use; hostile values shown as text with no script
 * run; axe light and dark.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser.ts';
import { htmlFiles } from '../../src/site/dist-files.ts';
import { PALETTE } from '../../src/render/config.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const PAGE = 'your-cluster/';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Json = Record<string, unknown>;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/kubectl/${name}`, import.meta.url), 'utf8');
const clusterList = () => JSON.parse(fixture('kubeadm-flannel-3node.json')) as { items: Json[] } & Json;
function sampleText(): string {
  const list = clusterList();
  const policies = parse(fixture('shop-networkpolicies.yaml')) as { items: Json[] };
  return JSON.stringify({ ...list, items: [...list.items, ...policies.items] });
}

/** Every request the page makes from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (req) => urls.push(req.url()));
  return urls;
}

async function openPage(page: Page): Promise<void> {
  await page.goto(baseUrl + PAGE, { waitUntil: 'networkidle' });
}

const POLL = { timeout: 20_000 };
const text = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.textContent ?? '');

interface DroppedFile {
  name: string;
  type: string;
  text: string;
}

/**
 * Drops files on the text box as a reader's drag from the desktop does: dragover, then drop, with a
 * DataTransfer holding the files. True when the page took the drop (preventDefault), so the browser
 * would not open the file instead.
 */
function dropFiles(page: Page, files: DroppedFile[]): Promise<boolean> {
  return page.locator('#yc-text').evaluate((box, list) => {
    const data = new DataTransfer();
    for (const file of list) data.items.add(new File([file.text], file.name, { type: file.type }));
    const init = { dataTransfer: data, bubbles: true, cancelable: true };
    box.dispatchEvent(new DragEvent('dragenter', init));
    box.dispatchEvent(new DragEvent('dragover', init));
    return !box.dispatchEvent(new DragEvent('drop', init));
  }, files);
}

/** What the page shows after an import, with the import time taken out. */
async function shownResult(page: Page): Promise<Record<string, string | string[]>> {
  return {
    status: (await text(page, '[data-status]')).replace(/\d+ ms/, 'N ms'),
    counts: await text(page, '[data-counts]'),
    nodes: await page.locator('[data-nodes] li').allTextContents(),
    rules: await text(page, '[data-rules]'),
    resolv: await text(page, '[data-resolv]'),
    policies: await text(page, '[data-policy-summary]'),
    messages: await page.locator('[data-messages] li').allTextContents(),
  };
}

describe('Your cluster page', () => {
  it('imports a pasted dump and shows nodes, rules, resolv.conf and the matrix with reasons, with no request', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page, origin);
    await openPage(page);
    const requests = recordRequests(page);
    await page.getByLabel('kubectl output (JSON or YAML)').fill(sampleText());
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in \d+ ms\. Nothing left this page\.$/);

    expect(await text(page, '[data-counts]')).toMatch(/^3 nodes, 16 pods, 6 Services, 6 EndpointSlices, 5 NetworkPolicies, 5 Namespaces\./);
    const nodes = await page.locator('[data-nodes] li').allTextContents();
    expect(nodes.map((n) => n.split(' ')[0])).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(await text(page, '[data-rules]')).toContain('-A KUBE-SERVICES -m comment --comment "shop/web:http cluster IP"');
    await page.getByLabel('Node', { exact: true }).selectOption('worker-2');
    expect(await text(page, '[data-rules]')).toMatch(/^\*nat\n/);

    await page.getByLabel('Pod', { exact: true }).selectOption('shop/web-6d4cf56db6-9bqzf');
    expect(await text(page, '[data-resolv]')).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    await page.getByLabel('Name to look up').fill('api');
    await page.getByRole('button', { name: 'Look up' }).click();
    expect(await page.locator('[data-lookup] li').first().textContent()).toMatch(/^api\.shop\.svc\.cluster\.local\. — answered: A 10\.\d+\.\d+\.\d+$/);

    expect(await text(page, '[data-policy-summary]')).toMatch(/^5 NetworkPolicies; of \d+ pods on the pod network, \d+ are isolated for ingress/);
    const cells = page.locator('[data-matrix] table button');
    expect(await cells.count()).toBeGreaterThan(4);
    const denied = page.locator('[data-matrix] table button[aria-label*="denied"]').first();
    await denied.click();
    const reasons = await page.locator('[data-pair] li').allTextContents();
    expect(reasons[0]).toMatch(/^From \S+ to \S+:$/);
    expect(reasons.slice(1).join('\n')).toMatch(/is isolated for ingress by shop\/default-deny.*no rule of them matches, so denied/);

    // Importing and computing made no request at all.
    expect(requests).toEqual([]);

    // Opening the diagrams loads Mermaid: same-origin script chunks only, then two SVGs.
    await page.getByText('Draw the topology and Services diagrams').click();
    await expect.poll(() => page.locator('[data-views] figure svg').count(), { timeout: 60_000 }).toBe(2);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) {
      expect(new URL(url).origin).toBe(origin);
      expect(new URL(url).pathname).toMatch(/^\/_astro\/.+\.js$/);
    }
    expect(await page.locator('[data-views] figure').first().textContent()).toContain('cp-1');
    // The escaping's entity codes are decoded in every label, subgraph titles included.
    const drawnText = await page.locator('[data-views] svg').allTextContents();
    expect(drawnText.join('\n')).toContain('cp-1 (control plane)');
    expect(drawnText.join('\n')).not.toContain('&#');
    expect(await page.locator('[data-views] parsererror, [data-views] .yc-error').count()).toBe(0);
    expect(await page.locator('[data-views] svg text, [data-views] svg foreignObject').count()).toBeGreaterThan(10);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], otherOrigins: [] });
    await page.close();
  });

  it('draws a dual-stack paste with both families, IPv6 ranges (their `::`) written out in every label', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page, origin);
    await openPage(page);
    await page.getByLabel('kubectl output (JSON or YAML)').fill(fixture('kubeadm-dualstack-ipv6first.yaml'));
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in \d+ ms\./);
    await page.getByText('Draw the topology and Services diagrams').click();
    await expect.poll(() => page.locator('[data-views] figure svg').count(), { timeout: 60_000 }).toBe(2);
    const drawn = (await page.locator('[data-views] svg').allTextContents()).join('\n');
    expect(drawn).toContain('fd00:10:244::/64');
    expect(drawn).not.toContain('&#');

    // No address is broken over two lines of a label. Lines as the browser lays them out: a
    // label's word runs grouped by where they are drawn. Every IPv6 address the paste or the
    // diagrams' words name must occur as often within single lines as in the text run together.
    const lines = await page.locator('[data-views] svg text').evaluateAll((texts) =>
      texts.map((t) => {
        const runs = [...t.querySelectorAll('tspan')].filter((s) => !s.querySelector('tspan'));
        const byLine = new Map<number, string>();
        for (const run of runs.length ? runs : [t]) {
          const top = Math.round(run.getBoundingClientRect().top);
          byLine.set(top, (byLine.get(top) ?? '') + (run.textContent ?? ''));
        }
        return [...byLine].sort((a, b) => a[0] - b[0]).map(([, line]) => line.trim());
      }),
    );
    const words = (await page.locator('[data-views] > p').allTextContents()).join(' ');
    const ipv6 = /[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d{1,3})?/gi;
    const addresses = [...new Set([...`${fixture('kubeadm-dualstack-ipv6first.yaml')} ${words}`.matchAll(ipv6)].map((m) => m[0]))].filter((a) => /[0-9a-f]/i.test(a));
    expect(addresses).toEqual(expect.arrayContaining(['fd00:10:244::/64', 'fd00:10:244:1::/64', 'fd00:192:168:56::/64', 'fd00:10:244:1::1/64']));
    const count = (hay: string, needle: string): number => hay.split(needle).length - 1;
    let whole = 0;
    for (const label of lines) {
      for (const address of addresses) {
        const inLines = label.reduce((n, line) => n + count(line, address), 0);
        expect(count(label.join(''), address), `${address} in ${JSON.stringify(label)}`).toBe(inLines);
        whole += inLines;
      }
    }
    expect(whole).toBeGreaterThan(15);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], otherOrigins: [] });
    await page.close();
  });

  it('draws in the site palette: every colour is a --mmd-* custom property, and the theme toggle recolours without redrawing', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    await openPage(page);
    await page.getByRole('button', { name: 'Load a sample' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in/);
    await page.getByText('Draw the topology and Services diagrams').click();
    await expect.poll(() => page.locator('[data-views] figure svg').count(), { timeout: 60_000 }).toBe(2);

    const markup = (await page.locator('[data-views] svg').evaluateAll((svgs) => svgs.map((s) => s.outerHTML))).join('\n');
    expect(markup).toContain('var(--mmd-node)');
    // Mermaid's own theme colours (default and dark) are nowhere: the build's sentinel palette was used.
    expect(markup).not.toMatch(/#ececff|#9370db|#ffffde|#aaaa33|#1f2020|lightgrey|trebuchet/i);

    /** Every fill and stroke the browser paints in the diagrams, by palette role (or the raw colour). */
    const painted = () =>
      page.evaluate((roles) => {
        const probe = document.createElement('div');
        document.body.append(probe);
        const byColour = new Map<string, string>();
        for (const role of roles) {
          probe.style.color = `var(--mmd-${role})`;
          byColour.set(getComputedStyle(probe).color, role);
        }
        probe.remove();
        const found = new Set<string>();
        for (const el of document.querySelectorAll('[data-views] svg :is(rect, path, polygon, circle, ellipse, line, polyline, text, tspan)')) {
          for (const paint of [getComputedStyle(el).fill, getComputedStyle(el).stroke]) {
            if (paint !== 'none' && !paint.startsWith('url(')) found.add(byColour.get(paint) ?? paint);
          }
        }
        const node = document.querySelector<SVGElement>('[data-views] svg .node rect')!;
        return { found: [...found].sort(), nodeFill: getComputedStyle(node).fill, node: byColour.get(getComputedStyle(node).fill) };
      }, PALETTE.map((p) => p.role));
    const light = await painted();
    expect(light.found.every((colour) => PALETTE.some((p) => p.role === colour)), light.found.join(', ')).toBe(true);
    expect(light.found).toEqual(expect.arrayContaining(['node', 'node-line', 'text', 'line']));
    expect(light.node).toBe('node');

    // The toggle flips data-theme on <html>; the same SVG elements take the other theme's colours.
    await page.locator('[data-views] svg').first().evaluate((svg) => ((svg as unknown as { drawnOnce: boolean }).drawnOnce = true));
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), before === 'dark' ? 'light' : 'dark');
    const dark = await painted();
    expect(dark.nodeFill).not.toBe(light.nodeFill);
    expect(dark.node).toBe('node');
    expect(dark.found.every((colour) => PALETTE.some((p) => p.role === colour)), dark.found.join(', ')).toBe(true);
    expect(await page.locator('[data-views] svg').first().evaluate((svg) => (svg as unknown as { drawnOnce?: boolean }).drawnOnce)).toBe(true);

    // Sized as build-time figures: the column's width, at most the natural size, never below 70% of
    // it (a wider drawing scrolls sideways in its own box, not the page).
    const sizes = await page.locator('[data-views] svg').evaluateAll((svgs) =>
      svgs.map((svg) => ({
        shown: svg.getBoundingClientRect().width,
        natural: Number(svg.getAttribute('width')),
        column: svg.closest('figure')!.getBoundingClientRect().width,
      })),
    );
    for (const size of sizes) {
      expect(size.shown).toBeCloseTo(Math.max(Math.min(size.natural, size.column), Math.round(size.natural * 0.7)), 0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  it('shows a located error for a broken paste, keeps the text and shows the rest', async () => {
    const page = await browser.newPage();
    await openPage(page);
    const list = clusterList();
    const web = list.items.findIndex((i) => i.kind === 'Service' && (i.metadata as Json).name === 'web');
    ((list.items[web] as Json).spec as Json).clusterIP = '10.96.999.1';
    ((list.items[web] as Json).spec as Json).clusterIPs = ['10.96.999.1'];
    const broken = JSON.stringify(list);
    const box = page.getByLabel('kubectl output (JSON or YAML)');
    await box.fill(broken);
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/with 1 error\(s\) listed below \(the rest is shown\)/);
    const errors = await page.locator('[data-messages] ul.yc-error li').allTextContents();
    expect(errors).toEqual([`items[${web}].spec.clusterIP: ClusterIP "10.96.999.1" is not an IPv4 address; it was left out (the model allocates a free one)`]);
    expect(await box.inputValue()).toBe(broken);
    expect(await page.locator('[data-nodes] li').count()).toBe(3);

    // Text that is not kubectl output at all: an error, no crash, the text kept.
    await box.fill('{ "kind": "List", "items": [ { "kind": "Pod" ');
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => page.locator('[data-messages] ul.yc-error li').count(), POLL).toBeGreaterThan(0);
    expect(await box.inputValue()).toBe('{ "kind": "List", "items": [ { "kind": "Pod" ');
    await page.close();
  });

  it('reads several chosen files (JSON and YAML), each located by its name', async () => {
    const page = await browser.newPage();
    await openPage(page);
    const requests = recordRequests(page);
    const list = clusterList();
    const web = list.items.findIndex((i) => i.kind === 'Service' && (i.metadata as Json).name === 'web');
    Object.assign((list.items[web] as Json).spec as Json, { clusterIP: '10.96.999.1', clusterIPs: ['10.96.999.1'] });
    await page.getByLabel('Files').setInputFiles([
      { name: 'cluster.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list)) },
      { name: 'policies.yaml', mimeType: 'text/yaml', buffer: Buffer.from(fixture('shop-networkpolicies.yaml')) },
    ]);
    await expect.poll(() => text(page, '[data-file-list]'), POLL).toBe('Chosen: cluster.json, policies.yaml');
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in/);
    expect(await text(page, '[data-counts]')).toMatch(/5 NetworkPolicies/);
    expect(await page.locator('[data-messages] ul.yc-error li').allTextContents()).toEqual([
      `cluster.json: items[${web}].spec.clusterIP: ClusterIP "10.96.999.1" is not an IPv4 address; it was left out (the model allocates a free one)`,
    ]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('takes a dropped kubectl JSON file like a chosen one: same nodes, rules, DNS, policies and messages', async () => {
    const file = { name: 'kubeadm-flannel-3node.json', type: 'application/json', text: fixture('kubeadm-flannel-3node.json') };

    const chosen = await browser.newPage();
    await openPage(chosen);
    await chosen.getByLabel('Files').setInputFiles([{ name: file.name, mimeType: file.type, buffer: Buffer.from(file.text) }]);
    await expect.poll(() => text(chosen, '[data-file-list]'), POLL).toBe(`Chosen: ${file.name}`);
    await chosen.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(chosen, '[data-status]'), POLL).toMatch(/^Imported in/);
    const expected = await shownResult(chosen);
    await chosen.close();

    const page = await browser.newPage();
    const problems = watchPage(page, origin);
    await openPage(page);
    const requests = recordRequests(page);
    expect(await dropFiles(page, [file])).toBe(true);
    // One file on an empty box: its text goes into the box, ready to edit.
    await expect.poll(() => page.getByLabel('kubectl output (JSON or YAML)').inputValue(), POLL).toBe(file.text);
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in/);
    const dropped = await shownResult(page);
    // The same findings; a chosen file's are located by its name, the box's text has none.
    const chosenMessages = expected.messages as string[];
    expect(chosenMessages.length).toBeGreaterThan(0);
    expect(chosenMessages.filter((m) => /^items\[/.test(m)).every((m) => m.startsWith(`${file.name}: `))).toBe(true);
    expect(dropped).toEqual({ ...expected, messages: chosenMessages.map((m) => m.replace(`${file.name}: `, '')) });
    expect(dropped.counts).toMatch(/^3 nodes, /);
    expect(dropped.nodes).toHaveLength(3);

    // A second file dropped on the filled box joins it as a chosen file: the policies are added.
    expect(await dropFiles(page, [{ name: 'shop-networkpolicies.yaml', type: 'text/yaml', text: fixture('shop-networkpolicies.yaml') }])).toBe(true);
    await expect.poll(() => text(page, '[data-file-list]'), POLL).toBe('Chosen: shop-networkpolicies.yaml');
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-counts]'), POLL).toMatch(/5 NetworkPolicies/);
    expect(requests).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], otherOrigins: [] });
    await page.close();
  });

  it('works from the keyboard: load the sample, choose a pod, ask why', async () => {
    const page = await browser.newPage();
    await openPage(page);
    await page.getByLabel('kubectl output (JSON or YAML)').focus();
    let focused = '';
    for (let i = 0; i < 8 && focused !== 'Load a sample'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Load a sample');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in/);
    const from = page.getByLabel('From pod');
    await from.focus();
    await page.keyboard.press('End');
    await page.getByLabel('To pod').focus();
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Why?' }).focus();
    await page.keyboard.press('Enter');
    const reasons = await page.locator('[data-pair] li').allTextContents();
    expect(reasons.length).toBeGreaterThan(1);
    expect(reasons.slice(1).every((r) => /^(TCP|UDP|SCTP|any) .*(allowed|denied)/.test(r))).toBe(true);
    await page.close();
  });

  it('shows hostile values as text: no script runs, no dialog, Mermaid keywords drawn as names', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await openPage(page);
    const list = clusterList();
    const pods = list.items.filter((i) => i.kind === 'Pod' && (i.metadata as Json).namespace === 'shop');
    const hostile = [
      '<img src=x onerror="window.__pwned=1;alert(1)">',
      '<script>window.__pwned=1</script>',
      '%%{init: {"securityLevel": "loose"}}%%',
      'click pod_x call alert(1)',
      `${'ü'.repeat(300)}-名前`,
    ];
    hostile.forEach((name, i) => ((pods[i]!.metadata as Json).labels = { ...((pods[i]!.metadata as Json).labels as Json), [name]: name }));
    // Valid names that are Mermaid keywords: they must be drawn as names, not parsed.
    const svc = list.items.find((i) => i.kind === 'Service' && (i.metadata as Json).name === 'api')!;
    (svc.metadata as Json).name = 'end';
    const badPod = { ...pods[0]!, metadata: { ...(pods[0]!.metadata as Json), name: hostile[0], labels: {} } };
    list.items.push(badPod);
    await page.getByLabel('kubectl output (JSON or YAML)').fill(JSON.stringify(list));
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    // The objects with invalid names and labels are left out; the rest of the cluster is shown.
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in \d+ ms, with \d+ error\(s\) listed below \(the rest is shown\)\. \d+ object\(s\) were left out\./);
    expect(await page.locator('[data-nodes] li').count()).toBe(3);
    const findings = await text(page, '[data-messages]');
    expect(findings).toContain(hostile[0]);
    expect(findings).toContain(hostile[1]);
    expect(await page.locator('[data-your-cluster] img, [data-your-cluster] script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);

    // Without the invalid objects the model validates; the keyword name is drawn.
    list.items.pop();
    pods.forEach((p) => ((p.metadata as Json).labels = { app: String(((p.metadata as Json).labels as Json).app ?? 'x') }));
    await page.getByLabel('kubectl output (JSON or YAML)').fill(JSON.stringify(list));
    await page.getByRole('button', { name: 'Show my cluster' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported/);
    await page.getByText('Draw the topology and Services diagrams').click();
    await expect.poll(() => page.locator('[data-views] figure svg').count(), { timeout: 60_000 }).toBe(2);
    expect(await page.locator('[data-views] figure').nth(1).textContent()).toContain('end');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('ships its script on this page only: every other page loads none of it', () => {
    const pages = htmlFiles('dist');
    const own = pages.filter((file) => readFileSync(file, 'utf8').includes('YourCluster.astro_astro_type_script'));
    expect(own.map((file) => file.replace(/\\/g, '/').replace(/^.*dist\//, ''))).toEqual(['your-cluster/index.html']);
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(['light', 'dark'] as const)('has no axe violations with a cluster shown (%s)', async (theme) => {
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await openPage(page);
    await page.getByRole('button', { name: 'Load a sample' }).click();
    await expect.poll(() => text(page, '[data-status]'), POLL).toMatch(/^Imported in/);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
});
