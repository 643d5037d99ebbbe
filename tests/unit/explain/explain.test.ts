import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, matrixCellReasons, nodeRules, pairReasons, podLookup, podResolvConf, policySummary, smallMatrix } from '../../../src/explain/explain.ts';
import { explanationMarkdown, fenced, mdText } from '../../../src/explain/markdown.ts';

const FIXTURES = new URL('../../fixtures/kubectl/', import.meta.url);
const CLUSTER = join(FIXTURES.pathname, 'kubeadm-flannel-3node.json');
const POLICIES = join(FIXTURES.pathname, 'shop-networkpolicies.yaml');
const sources = () => [
  { name: 'kubeadm-flannel-3node.json', text: readFileSync(CLUSTER, 'utf8') },
  { name: 'shop-networkpolicies.yaml', text: readFileSync(POLICIES, 'utf8') },
];

describe('explain (the page and CLI core)', () => {
  const e = explain(sources());
  const cluster = e.cluster!;

  it('imports the hand-written cluster with its policies and no error', () => {
    expect(e.messages.errors).toEqual([]);
    expect(e.messages.invalid).toEqual([]);
    expect(cluster.nodes.map((n) => n.name)).toEqual(['cp-1', 'worker-1', 'worker-2']);
  });

  it('gives each node its nat table, a pod its resolv.conf and lookups on the imported records', () => {
    expect(nodeRules(cluster, 'worker-1')).toMatch(/^\*nat\n[\s\S]*-A KUBE-SERVICES -m comment --comment "shop\/web:http cluster IP"[\s\S]*COMMIT\n$/);
    expect(podResolvConf(cluster, 'shop/web-6d4cf56db6-9bqzf')).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const lookup = podLookup(cluster, 'shop/web-6d4cf56db6-9bqzf', 'db');
    expect(lookup.queries[lookup.answeredIndex]?.name).toBe('db.shop.svc.cluster.local.');
    expect(lookup.ndots).toBe(5);
  });

  it('summarises isolation and explains the verdicts', () => {
    const summary = policySummary(cluster);
    expect(summary.policies).toBe(5);
    expect(summary.isolatedIngress).toBeGreaterThan(0);
    const matrix = smallMatrix(cluster)!;
    const denied = matrix.cells.flat().find((c) => !c.self && c.summary === 'denied')!;
    expect(matrixCellReasons(cluster, denied).join('\n')).toMatch(/isolated for (ingress|egress) by shop\/.*so denied/);
    const pair = pairReasons(cluster, denied.from, denied.to);
    expect(pair.every((p) => !p.allowed)).toBe(true);
  });

  it('keeps going on a broken field and reports it located', () => {
    const list = JSON.parse(readFileSync(CLUSTER, 'utf8')) as { items: Array<{ kind: string; metadata: { name: string }; spec: Record<string, unknown> }> };
    const i = list.items.findIndex((o) => o.kind === 'Service' && o.metadata.name === 'web');
    list.items[i]!.spec.clusterIP = '10.96.999.1';
    list.items[i]!.spec.clusterIPs = ['10.96.999.1'];
    const broken = explain(JSON.stringify(list));
    expect(broken.messages.errors).toEqual([`items[${i}].spec.clusterIP: ClusterIP "10.96.999.1" is not an IPv4 address; it was left out (the model allocates a free one)`]);
    expect(broken.cluster?.nodes).toHaveLength(3);
  });
});

describe('validRest: one bad object does not hide the cluster', () => {
  it('leaves out the objects the model errors are located in, and shows the rest', () => {
    const list = JSON.parse(readFileSync(CLUSTER, 'utf8')) as { items: Array<{ kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } }> };
    const pod = list.items.find((o) => o.kind === 'Pod' && o.metadata.namespace === 'shop')!;
    pod.metadata.labels = { ...pod.metadata.labels, '<b>x</b>': 'y' };
    const svc = list.items.find((o) => o.kind === 'Service' && o.metadata.name === 'api')!;
    svc.metadata.name = 'Bad_Name';
    const e = explain(JSON.stringify(list));
    expect(e.result.resolved).toBeUndefined();
    expect(e.messages.invalid).toHaveLength(2);
    expect(e.leftOut).toEqual([
      `pod shop/${pod.metadata.name}: label key "<b>x</b>" has a prefix "<b>x<" that is not a DNS-1123 subdomain (lower-case, at most 253 characters)`,
      'Service shop/Bad_Name: Service name "Bad_Name" is not a DNS-1123 label',
    ]);
    expect(e.cluster?.nodes.flatMap((n) => n.pods).some((p) => p.name === pod.metadata.name)).toBe(false);
    expect(e.cluster?.services.map((s) => s.name)).not.toContain('Bad_Name');
    expect(e.cluster?.nodes).toHaveLength(3);
  });
});

describe('validRest: a bad ClusterNetworkPolicy', () => {
  it('is left out alone, and the rest of the cluster is shown', () => {
    const cnp = (name: string, priority: number) => ({ apiVersion: 'policy.networking.k8s.io/v1beta1', kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier: 'Admin', priority, subject: { namespaces: {} } } });
    const policies = { kind: 'List', items: [cnp('ok', 5), cnp('too-late', 1001)] };
    const e = explain([{ name: 'cluster.json', text: readFileSync(CLUSTER, 'utf8') }, { name: 'cnp.json', text: JSON.stringify(policies) }]);
    expect(e.result.resolved).toBeUndefined();
    expect(e.leftOut).toHaveLength(1);
    expect(e.leftOut[0]).toMatch(/^ClusterNetworkPolicy too-late: /);
    expect(e.cluster?.clusterNetworkPolicies?.map((p) => p.name)).toEqual(['ok']);
    expect(e.cluster?.nodes).toHaveLength(3);
  });
});

describe('explanationMarkdown', () => {
  it('escapes pasted text for Markdown and HTML', () => {
    expect(mdText('<script>x</script> [a](b) *c* |d|')).toBe('&lt;script&gt;x&lt;/script&gt; \\[a\\](b) \\*c\\* \\|d\\|');
    expect(fenced('a ``` b')).toBe('````text\na ``` b\n````');
  });

  it('writes every section, with image links when SVG files exist and Mermaid source otherwise', () => {
    const e = explain(sources());
    const withFiles = explanationMarkdown(e, { files: { topology: 'topology.svg', services: 'services.svg' } });
    expect(withFiles).toContain('![Imported cluster: topology](topology.svg)');
    for (const heading of ['## What the import found', '## Nodes and pods', '## kube-proxy rules per node', '### worker-2', '## resolv.conf of each pod', '## DNS lookups', '## Who can talk to whom', '### Why']) {
      expect(withFiles).toContain(heading);
    }
    const withoutFiles = explanationMarkdown(e, { note: 'no browser' });
    expect(withoutFiles).toContain('no browser');
    expect(withoutFiles).toMatch(/```mermaid\nflowchart/);
  });
});

describe('npm run explain (scripts/explain.ts)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/explain.ts', ...args], { encoding: 'utf8', cwd: new URL('../../../', import.meta.url).pathname });

  it('writes README.md to --out and exits 0 on a clean import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    try {
      const r = run([CLUSTER, POLICIES, '--out', dir, '--no-diagrams']);
      expect(r.status).toBe(0);
      const md = readFileSync(join(dir, 'README.md'), 'utf8');
      expect(md).toMatch(/^# Your cluster: kubeadm-flannel-3node\.json, shop-networkpolicies\.yaml\n/);
      expect(md).toContain('(--no-diagrams)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with located errors on stderr, and 2 on usage or an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    try {
      const list = JSON.parse(readFileSync(CLUSTER, 'utf8')) as { items: Array<{ kind: string; spec?: Record<string, unknown> }> };
      const node = list.items.findIndex((o) => o.kind === 'Node');
      list.items[node]!.spec = { podCIDR: 'not-a-cidr' };
      writeFileSync(join(dir, 'broken.json'), JSON.stringify(list));
      const r = run([join(dir, 'broken.json'), '--no-diagrams']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`error: items[${node}].spec.podCIDRs[0]: pod CIDR "not-a-cidr" is not an IPv4 CIDR`);
      expect(r.stdout).toContain('## What the import found');
      expect(run([]).status).toBe(2);
      expect(run([join(dir, 'missing.json')]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
