/**
 * Search relevance: queries a reader would type (concepts, commands, addresses, chain and
 * device names, a few misspellings), each with the page that must be in the top 3. Runs
 * Pagefind's own API against the built index, in the browser, as the search UI does.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { pagefindSearch } from './support/pagefind.ts';

const baseUrl = inject('baseUrl');
const basePath = new URL(baseUrl).pathname;

/** [query, slug of the page that must be in the top 3] */
const EXPECTED: Array<[string, string]> = [
  // concepts
  ['network model', 'overview/network-model'],
  ['pod CIDR', 'overview/network-model'],
  ['network namespace', 'pod-networking'],
  ['veth pair', 'pod-networking'],
  ['pause container', 'pod-networking'],
  ['ClusterIP', 'service-networking'],
  ['EndpointSlice', 'service-networking'],
  ['externalTrafficPolicy', 'service-networking'],
  ['session affinity', 'service-networking'],
  ['headless Service', 'dns/records'],
  ['ExternalName', 'dns/records'],
  ['VXLAN', 'network-plugins'],
  ['BGP', 'network-plugins'],
  ['Cilium eBPF', 'network-plugins'],
  ['NetworkPolicy', 'network-policy'],
  ['default deny', 'network-policy'],
  ['namespaceSelector', 'network-policy'],
  ['Ingress controller', 'ingress-and-gateway'],
  ['HTTPRoute', 'ingress-and-gateway'],
  ['pathType', 'ingress-and-gateway'],
  ['search list', 'dns/name-resolution'],
  ['trailing dot', 'dns/name-resolution'],
  ['Corefile', 'dns/coredns-vs-kube-dns'],
  ['SRV record', 'dns/records'],
  ['dnsPolicy', 'dns/dns-policy-and-debugging'],
  ['NodeLocal DNSCache', 'dns/dns-policy-and-debugging'],
  ['glossary', 'reference/glossary'],
  // commands and files a reader pasted from a terminal
  ['resolv.conf', 'dns/name-resolution'],
  ['ndots:5', 'dns/name-resolution'],
  ['iptables-save', 'service-networking'],
  ['conntrack', 'service-networking'],
  ['/etc/cni/net.d', 'pod-networking'],
  ['CNI_NETNS', 'pod-networking'],
  ['subnet.env', 'network-plugins'],
  // addresses
  ['10.96.0.10', 'dns/dns-service'],
  ['9153', 'dns/dns-service'],
  ['8472', 'network-plugins'],
  // chain and device names
  ['KUBE-SVC', 'service-networking'],
  ['KUBE-SEP', 'service-networking'],
  ['KUBE-MARK-MASQ', 'service-networking'],
  ['flannel.1', 'network-plugins'],
  ['tunl0', 'network-plugins'],
  ['cni0', 'pod-networking'],
  ['NXDOMAIN', 'dns/name-resolution'],
  // misspellings and variants
  ['kubeproxy', 'service-networking'],
  ['network polices', 'network-policy'],
  ['coredn', 'dns/coredns-vs-kube-dns'],
  ['endpointslices', 'service-networking'],
  ['ingres', 'ingress-and-gateway'],
];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe('search relevance', () => {
  it('has at least 40 queries', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(EXPECTED)('"%s" lists /%s/ in the top 3', async (query, slug) => {
    const top = await pagefindSearch(page, baseUrl, query, 3);
    expect(top).toContain(`${basePath}${slug}/`);
  });
});

describe('search UI', () => {
  it('offers a filter by section', async () => {
    const ui = await browser.newPage();
    await ui.setViewportSize({ width: 1280, height: 900 });
    await ui.goto(baseUrl);
    await ui.locator('site-search button[data-open-modal]').click();
    await ui.locator('#starlight__search input.pagefind-ui__search-input').fill('DNS');
    await ui.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const filters = ui.locator('.pagefind-ui__filter-panel');
    await expect.poll(() => filters.count()).toBeGreaterThan(0);
    expect(await ui.locator('.pagefind-ui__filter-name', { hasText: /section/i }).count()).toBeGreaterThan(0);
    await ui.close();
  });
});
