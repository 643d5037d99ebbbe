// Per-node traffic distribution of diagrams/traffic-distribution.ts, and the page's prose
// checked against it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servicePortFor, topologyByNode } from '../../../src/derive/traffic-distribution.ts';
import { kubeProxyServiceRules } from '../../../src/derive/kube-proxy-rules.ts';
import { endpointSlices } from '../../../src/derive/endpoint-slice.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { exampleCluster } from '../mermaid/clusters.ts';

const podNames = (c: Cluster, ips: string[]) => ips.map((ip) => c.nodes.flatMap((n) => n.pods).find((p) => p.ip === ip)!.name);
const summary = (c: Cluster, ref: string) =>
  Object.fromEntries(topologyByNode(c, ref).map((n) => [n.node, [n.zone, n.mode, podNames(c, n.endpoints.map((e) => e.ip))]]));

describe('topologyByNode (diagrams/traffic-distribution.ts)', () => {
  it('web (PreferSameZone): zone-a nodes use the zone-a endpoints, node-3 its own zone', async () => {
    const c = await exampleCluster('traffic-distribution');
    expect(summary(c, 'default/web')).toEqual({
      'node-1': ['zone-a', 'PreferSameZone', ['web-1', 'web-2']],
      'node-2': ['zone-a', 'PreferSameZone', ['web-1', 'web-2']],
      'node-3': ['zone-b', 'PreferSameZone', ['web-3']],
    });
  });
  it('cache (PreferSameNode): own node where there is an endpoint, else the zone', async () => {
    const c = await exampleCluster('traffic-distribution');
    expect(summary(c, 'default/cache')).toEqual({
      'node-1': ['zone-a', 'PreferSameNode', ['cache-1']],
      'node-2': ['zone-a', 'PreferSameZone', ['cache-1']],
      'node-3': ['zone-b', 'PreferSameNode', ['cache-3']],
    });
  });
  it('api: the zone without an endpoint ignores the hints', async () => {
    const c = await exampleCluster('traffic-distribution');
    expect(summary(c, 'default/api')['node-3']).toEqual(['zone-b', '', ['api-1']]);
  });
  it('keeps exactly the KUBE-SVC lines of the full rule set of that node', async () => {
    const c = await exampleCluster('traffic-distribution');
    const web = c.services.find((s) => s.name === 'web')!;
    for (const n of topologyByNode(c, 'default/web')) {
      const all = kubeProxyServiceRules(c, web, { node: n.node }).natRules;
      expect(n.svcChainRules).toEqual(all.filter((l) => l.startsWith('-A KUBE-SVC-')));
      // One masquerade rule, then one jump per endpoint, the last without a probability.
      expect(n.svcChainRules).toHaveLength(1 + n.endpoints.length);
      expect(n.svcChainRules.at(-1)).not.toContain('--probability');
    }
    expect(topologyByNode(c, 'default/web')[0]!.svcChainRules[1]).toContain('--probability 0.5000000000');
  });
  it('servicePortFor finds a port by name and names the ports it has when it cannot', async () => {
    const c = await exampleCluster('traffic-distribution');
    const web = c.services.find((s) => s.name === 'web')!;
    expect(servicePortFor(web).name).toBe('http');
    expect(servicePortFor(web, 'http').port).toBe(80);
    expect(() => servicePortFor(web, 'grpc')).toThrow(/has no port "grpc" \(ports: http\)/);
  });
});

describe('docs/traffic-distribution.mdx agrees with its cluster definition', () => {
  const page = readFileSync(new URL('../../../docs/traffic-distribution.mdx', import.meta.url), 'utf8');
  it('lists every node with its zone and pods', async () => {
    const c = await exampleCluster('traffic-distribution');
    for (const n of c.nodes) {
      const pods = n.pods.map((p) => `\`${p.name}\``).join(', ');
      expect(page).toContain(`| \`${n.name}\` | \`${n.zone}\` | ${pods} |`);
    }
  });
  it('says what each node uses, as derived', async () => {
    const c = await exampleCluster('traffic-distribution');
    expect(summary(c, 'default/web')['node-3']![2]).toEqual(['web-3']);
    expect(page).toContain('`node-3` in `zone-b` sends\nonly to `web-3`');
    expect(summary(c, 'default/cache')['node-2']!.slice(1)).toEqual(['PreferSameZone', ['cache-1']]);
    expect(page).toContain('it falls back to its zone and uses `cache-1`');
    // The hints quoted for cache-1 are the derived ones.
    const [slice] = endpointSlices(c, c.services.find((x) => x.name === 'cache')!);
    const hints = slice!.endpoints.find((e) => e.targetRef?.name === 'cache-1')!.hints!;
    expect(page).toContain(`\`forNodes: [{ name: ${hints.forNodes![0]} }]\` next to \`forZones: [{ name: ${hints.forZones![0]} }]\` on \`cache-1\``);
    expect(summary(c, 'default/api')['node-3']!.slice(1)).toEqual(['', ['api-1']]);
    expect(page).toContain('here `api-1` across the zone boundary');
    const td = (name: string) => c.services.find((x) => x.name === name)!.trafficDistribution;
    expect(page).toContain(`\`web\` uses \`trafficDistribution: ${td('web')}\`, \`cache\` uses \`${td('cache')}\`, and \`api\`\n(\`${td('api')}\``);
  });
});
