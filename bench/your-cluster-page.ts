/**
 * `npm run bench:your-cluster` (after `npm run build`): how long the "Your cluster" page takes, in
 * Chromium, to import a generated dump of 2,000 pods and 500 Services (10 nodes, 20 namespaces,
 * a default deny and one allow policy per namespace) and fill every section, the NetworkPolicy
 * summary included (the full matrix is drawn only up to 40 pods). The time is the synchronous
 * work of one click (import + derivations + DOM updates), before the browser paints. Not a
 * test: it prints figures and asserts nothing; the machines are shared, so repeat runs vary.
 */
import { launchChromium } from '../src/render/browser.ts';
import { serveStatic } from '../tests/e2e/support/static-server.ts';
type Json = Record<string, unknown>;
const items: Json[] = [];
// Pod IPs: node i holds 10.244.i.2 upward (200 pods per node); Service IPs fill 10.96.1.x and 10.96.2.x.
const NODES = 10, NS = 20, PODS = 2000, SVCS = 500;
for (let i = 0; i < NODES; i++) items.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i + 1}`, annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan' } }, spec: { podCIDR: `10.244.${i}.0/24`, podCIDRs: [`10.244.${i}.0/24`] }, status: { addresses: [{ type: 'InternalIP', address: `192.168.1.${i + 11}` }] } });
for (let n = 0; n < NS; n++) items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}`, labels: { 'kubernetes.io/metadata.name': `ns-${n}`, tier: n % 2 ? 'backend' : 'frontend' } } });
for (let p = 0; p < PODS; p++) {
  const node = p % NODES, idx = Math.floor(p / NODES) + 2, svc = p % SVCS, ns = svc % NS;
  items.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `app-${svc}-${p}`, namespace: `ns-${ns}`, labels: { app: `app-${svc}` } }, spec: { nodeName: `node-${node + 1}`, containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] }, status: { phase: 'Running', podIP: `10.244.${node}.${idx}`, podIPs: [{ ip: `10.244.${node}.${idx}` }], conditions: [{ type: 'Ready', status: 'True' }] } });
}
items.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] } });
for (let s = 0; s < SVCS; s++) items.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `app-${s}`, namespace: `ns-${s % NS}` }, spec: { clusterIP: `10.96.${1 + Math.floor(s / 250)}.${(s % 250) + 1}`, selector: { app: `app-${s}` }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
for (let n = 0; n < NS; n++) {
  items.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: `ns-${n}` }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  items.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'from-frontend', namespace: `ns-${n}` }, spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'frontend' } } }], ports: [{ port: 'http' }] }] } });
}
const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
const server = await serveStatic('dist', '/');
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(server.url + 'your-cluster/', { waitUntil: 'networkidle' });
for (let run = 0; run < 3; run++) {
  const ms = await page.evaluate((t) => {
    (document.getElementById('yc-text') as HTMLTextAreaElement).value = t;
    const start = performance.now();
    (document.querySelector('[data-form] button[type=submit]') as HTMLButtonElement).click();
    return performance.now() - start;
  }, text);
  console.log(`run ${run + 1}: ${(text.length / 1e6).toFixed(1)} MB, import + every section incl. matrix summary: ${ms.toFixed(0)} ms;`, await page.locator('[data-status]').textContent(), '|', await page.locator('[data-policy-summary]').textContent());
}
await browser.close();
await server.close();
