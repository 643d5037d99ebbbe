/**
 * Search relevance: queries a reader would type (concepts, commands, addresses, chain and
 * device names, a few misspellings) and questions phrased as readers phrase them, each with the
 * page that must be in the top 3. Runs, in the browser against the built index, the module the
 * site's search box loads (search/pagefind.js: Pagefind plus src/search/answer-search.ts) with the
 * options the search box passes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { pagefindSearch, siteSearch } from './support/pagefind.ts';

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
  ['socket-LB', 'ebpf-dataplanes'],
  ['cilium-dbg service list', 'ebpf-dataplanes'],
  ['cilium_host', 'ebpf-dataplanes'],
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
  ['insert_failed', 'conntrack-and-mtu'],
  ['nf_conntrack_max', 'conntrack-and-mtu'],
  ['random-fully', 'conntrack-and-mtu'],
  ['single-request-reopen', 'conntrack-and-mtu'],
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
  ['ClusterNetworkPolicy', 'cluster-network-policy'],
  ['AdminNetworkPolicy', 'cluster-network-policy'],
  // misspellings and variants
  ['kubeproxy', 'service-networking'],
  ['network polices', 'network-policy'],
  ['coredn', 'dns/coredns-vs-kube-dns'],
  ['endpointslices', 'service-networking'],
  ['ingres', 'ingress-and-gateway'],
];

/** [question as a reader types it, slug of the page that must be in the top 3] */
const QUESTIONS: Array<[string, string]> = [
  // DNS
  ['why is dns slow in my pod', 'dns/dns-policy-and-debugging'],
  ['how do I debug dns in kubernetes', 'dns/dns-policy-and-debugging'],
  ['why do some dns lookups take five seconds', 'dns/dns-policy-and-debugging'],
  ['what is NodeLocal DNSCache', 'dns/dns-policy-and-debugging'],
  ['conntrack table full dropping packet', 'conntrack-and-mtu'],
  ['what mtu do pods get with flannel vxlan', 'conntrack-and-mtu'],
  ['large packets hang but small ones work', 'conntrack-and-mtu'],
  ['how does hostNetwork change dns', 'dns/dns-policy-and-debugging'],
  ['what is ndots', 'dns/name-resolution'],
  ["why can't my pod resolve external names", 'dns/name-resolution'],
  ['why does my pod get nxdomain', 'dns/name-resolution'],
  ['what does the search line in resolv.conf do', 'dns/name-resolution'],
  ['what happens when a name has a trailing dot', 'dns/name-resolution'],
  ['why is the dns service ip 10.96.0.10', 'dns/dns-service'],
  ['which port does coredns serve metrics on', 'dns/dns-service'],
  ['what is coredns', 'dns/coredns-vs-kube-dns'],
  ['what is in the corefile', 'dns/coredns-vs-kube-dns'],
  ['what dns records does a service get', 'dns/records'],
  ['what is a headless service', 'dns/records'],
  ['what is an externalname service', 'dns/records'],
  // Services
  ['how does a pod reach a service', 'service-networking'],
  ['what does kube-proxy do', 'service-networking'],
  ['how does kube-proxy use iptables', 'service-networking'],
  ['how does externalTrafficPolicy Local preserve the client ip', 'service-networking'],
  ['what is a nodeport', 'service-networking'],
  ['how are service ips allocated', 'service-networking'],
  ['what is conntrack used for', 'service-networking'],
  // egress and the edge of the cluster
  ['how do I point a service at an external database', 'egress-and-external-services'],
  ['which source ip does my pod use to reach the internet', 'egress-and-external-services'],
  ['what are externalIPs on a service', 'egress-and-external-services'],
  // short entries
  ['how do I give a pod a second network interface', 'more-topics'],
  ['what is a ServiceCIDR object', 'more-topics'],
  ['trafficDistribution', 'traffic-distribution'],
  ['PreferSameZone', 'traffic-distribution'],
  ['topology aware routing', 'traffic-distribution'],
  ['how do I keep service traffic in the same zone', 'traffic-distribution'],
  ['how do I prefer endpoints in the same zone', 'traffic-distribution'],
  ['avoid cross-zone traffic to a service', 'traffic-distribution'],
  // dual-stack
  ['how do I give a service an ipv6 address', 'dual-stack'],
  // pods and the model
  ['how does a pod get its ip address', 'pod-networking'],
  ['what is the pause container for', 'pod-networking'],
  ['how does the container runtime call the cni plugin', 'pod-networking'],
  ['what is a veth pair', 'pod-networking'],
  ['do pods talk to each other without nat', 'overview/network-model'],
  ['what are the rules of the kubernetes network model', 'overview/network-model'],
  // plugins
  ['how does flannel vxlan work', 'network-plugins'],
  ['what port does vxlan use', 'network-plugins'],
  ['how does calico route pod traffic with bgp', 'network-plugins'],
  ['how does a packet get from one node to another', 'network-plugins'],
  // policy
  ['how do I deny all traffic to a namespace', 'network-policy'],
  ['which pods can talk to each other with network policy', 'network-policy'],
  ['how do I allow traffic between namespaces', 'network-policy'],
  ['can a cluster admin override a namespace network policy', 'cluster-network-policy'],
  // Ingress and Gateway API
  ['what is the difference between ingress and gateway api', 'ingress-and-gateway'],
  ['how do I expose a service outside the cluster with an ingress', 'ingress-and-gateway'],
  ['what is an httproute', 'ingress-and-gateway'],
  ['ReferenceGrant', 'gateway-api'],
  ['why is my httproute not accepted', 'gateway-api'],
  ['GRPCRoute', 'gateway-api'],
  // reference
  ['how do I define a cluster for a diagram', 'reference/cluster-definition'],
];

/**
 * Troubleshooting phrasings on covered topics, with words no page holds all of ("cant", "hang",
 * "404"): Pagefind alone returns nothing for several of them; the search box must list pages.
 */
const NEVER_EMPTY = [
  'my pods cant talk to each other',
  'dns timeout in pod',
  'service not reachable from pod',
  'ingress returns 404',
  'why is my network policy not blocking traffic',
  'cannot reach pod on another node',
  'how to see iptables rules for a service',
  'why does curl to my service hang',
];

/** Broad words on which a guide page, not a reference page, must rank first. */
const BROAD_WORDS = ['node', 'port', 'iptables', 'kube-proxy', 'service', 'dns', 'cni', 'ip address'];

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

describe('search answers questions', () => {
  it('has at least 30 questions', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(QUESTIONS)('"%s" lists /%s/ in the top 3', async (question, slug) => {
    const { total, top } = await siteSearch(page, baseUrl, question, 3);
    expect(total).toBeGreaterThan(0);
    expect(top).toContain(`${basePath}${slug}/`);
  });

  it.each(NEVER_EMPTY)('"%s" lists at least one page', async (query) => {
    const { total, top } = await siteSearch(page, baseUrl, query, 1);
    expect(total).toBeGreaterThan(0);
    expect(top).toHaveLength(1);
  });

  it.each(BROAD_WORDS)('"%s" lists a guide page first, not a reference page', async (word) => {
    const [first] = await pagefindSearch(page, baseUrl, word, 1);
    expect(first).toBeDefined();
    expect(first).not.toMatch(new RegExp(`^${basePath}reference/`));
  });
});

describe('search UI', () => {
  it('answers a question typed into the search box', async () => {
    const ui = await browser.newPage();
    await ui.setViewportSize({ width: 1280, height: 900 });
    await ui.goto(baseUrl);
    await ui.locator('site-search button[data-open-modal]').click();
    await ui.locator('#starlight__search input.pagefind-ui__search-input').fill('why is dns slow in my pod');
    const links = ui.locator('#starlight__search .pagefind-ui__result-link');
    await links.first().waitFor({ timeout: 15_000 });
    const hrefs = (await links.evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).map((path) => path.replace(/\/?$/, '/'));
    expect(hrefs).toContain(`${basePath}dns/dns-policy-and-debugging/`);
    await ui.close();
  });

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
