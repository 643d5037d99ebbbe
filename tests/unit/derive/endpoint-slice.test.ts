// EndpointSlice objects as the controller writes them, printed as `kubectl -o yaml` does
// (sigs.k8s.io/yaml: keys sorted, sequences at their parent's indentation).
import { describe, expect, it } from 'vitest';
import { endpointSliceYaml, endpointSlices, serviceEndpointSlicesYaml } from '../../../src/derive/endpoint-slice.ts';
import { MANAGED_BY_LABEL } from '../../../src/model/defaults.ts';
import { resolveCluster, type ClusterInput } from '../../../src/model/index.ts';
import { exampleCluster } from '../mermaid/clusters.ts';

const twoNamedPorts: ClusterInput = {
  title: 't', description: 'd', network: { nodeCIDR: '192.168.1.0/24' }, plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    { name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [
      { name: 'web-1', ip: '10.244.0.3', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] },
      { name: 'web-2', ip: '10.244.0.4', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 9090 }], terminating: true },
      { name: 'web-3', ip: '10.244.0.5', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] },
    ] },
  ],
  services: [{ name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }],
};

describe('endpointSlices (reconciler.go: one slice per distinct set of resolved ports)', () => {
  it('groups pods whose named port resolves alike, with conditions and labels', () => {
    const c = resolveCluster(twoNamedPorts, 't');
    const slices = endpointSlices(c, c.services[0]!);
    expect(slices.map((s) => [s.ports[0]!.port, s.endpoints.map((e) => e.targetRef?.name)])).toEqual([[8080, ['web-1', 'web-3']], [9090, ['web-2']]]);
    expect(slices[1]!.endpoints[0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(slices[0]!.metadata.labels).toEqual({ [MANAGED_BY_LABEL]: 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(slices[0]!.endpoints[0]).not.toHaveProperty('zone');
  });
  it('joins several slices with ---', () => {
    expect(serviceEndpointSlicesYaml(resolveCluster(twoNamedPorts, 't'), 'default/web').split('\n---\n')).toHaveLength(2);
  });
});

describe('endpointSliceYaml', () => {
  it('prints the slice of web in diagrams/traffic-distribution.ts in kubectl -o yaml form', async () => {
    const c = await exampleCluster('traffic-distribution');
    const [slice] = endpointSlices(c, c.services.find((s) => s.name === 'web')!);
    const yaml = endpointSliceYaml(slice!);
    const lines = yaml.split('\n');
    // Top-level keys in sorted order, as sigs.k8s.io/yaml marshals a map.
    expect(lines.filter((l) => /^[a-zA-Z]/.test(l)).map((l) => l.split(':')[0])).toEqual(['addressType', 'apiVersion', 'endpoints', 'kind', 'metadata', 'ports']);
    expect(yaml).toContain(['- addresses:', '  - 10.244.2.3', '  conditions:', '    ready: true', '    serving: true', '    terminating: false',
      '  hints:', '    forZones:', '    - name: zone-b', '  nodeName: node-3'].join('\n'));
    expect(yaml).toContain(['  targetRef:', '    kind: Pod', '    name: web-3', '    namespace: default', '  zone: zone-b'].join('\n'));
    expect(yaml).toContain(['ports:', '- name: http', '  port: 8080', '  protocol: TCP'].join('\n'));
  });
  it('quotes only scalars YAML would read as something else', () => {
    const c = resolveCluster({ ...twoNamedPorts, services: [{ name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }] }, 't');
    const yaml = endpointSliceYaml(endpointSlices(c, c.services[0]!)[0]!);
    expect(yaml).toContain('- name: ""');
    expect(yaml).toContain('  - 10.244.0.3');
  });
});

describe('endpointSlices on a dual-stack cluster (reconciler.go: a slice per address type of the Service)', () => {
  it('writes an IPv4 and an IPv6 slice for a dual-stack Service, each with the pod IP of its family', async () => {
    const cluster = await exampleCluster('dual-stack');
    const web = cluster.services.find((s) => s.name === 'web')!;
    expect(endpointSlices(cluster, web).map((s) => [s.addressType, s.endpoints.flatMap((e) => e.addresses)])).toEqual([
      ['IPv4', ['10.244.0.3', '10.244.1.2']],
      ['IPv6', ['fd00:10:244::3', 'fd00:10:244:1::2']],
    ]);
  });
  it('writes one slice for a single-family headless Service, though its pods have both families', async () => {
    const cluster = await exampleCluster('dual-stack');
    const db = cluster.services.find((s) => s.name === 'db')!;
    expect(endpointSlices(cluster, db).map((s) => [s.addressType, s.endpoints.flatMap((e) => e.addresses)])).toEqual([['IPv4', ['10.244.1.3']]]);
  });

  it("copies a pod's hostname into its endpoint only when its subdomain names the Service (endpointutil.ShouldSetHostname)", () => {
    const input: ClusterInput = {
      ...twoNamedPorts,
      nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [
        { name: 'db-0', ip: '10.244.0.3', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' },
        { name: 'db-1', ip: '10.244.0.4', labels: { app: 'db' }, hostname: 'db-1', subdomain: 'other' },
        { name: 'db-2', ip: '10.244.0.5', labels: { app: 'db' } },
      ] }],
      services: [{ name: 'db', clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'postgres', port: 5432 }] }],
    };
    const cluster = resolveCluster(input, 't');
    const [slice] = endpointSlices(cluster, cluster.services.find((s) => s.name === 'db')!);
    expect(slice!.endpoints.map((e) => e.hostname)).toEqual(['db-0', undefined, undefined]);
    const lines = endpointSliceYaml(slice!).split('\n');
    // Keys sorted: hostname between conditions (and hints) and nodeName.
    expect(lines.slice(lines.indexOf('    terminating: false') + 1, lines.indexOf('    terminating: false') + 3)).toEqual(['  hostname: db-0', '  nodeName: node-1']);
  });
});
