// The EndpointSlice controller's zone and hints. Literal expectations from upstream
// staging/src/k8s.io/endpointslice/trafficdist/trafficdist_test.go TestReconcileHints
// ("should set zone hints with PreferClose", "unready endpoints should not trigger updates",
// "should remove hints when trafficDistribution is unset") and utils.go podToEndpoint.
import { describe, expect, it } from 'vitest';
import { endpointHints, hintedEndpoints, nodeZone } from '../../../src/derive/endpoint-hints.ts';
import { resolveCluster, type ClusterInput } from '../../../src/model/index.ts';

const ready = { ready: true, serving: true, terminating: false };
const notReady = { ready: false, serving: false, terminating: false };

describe('endpointHints (trafficdist.go preferCloseHeuristic.update)', () => {
  it('should set zone hints with PreferClose: each ready endpoint is hinted for its own zone', () => {
    const upstream = [['node-1', 'zone-a'], ['node-2', 'zone-b'], ['node-3', 'zone-a'], ['node-4', 'zone-b'], ['node-8', 'zone-c']] as const;
    for (const [nodeName, zone] of upstream) {
      expect(endpointHints('PreferClose', { conditions: ready, nodeName, zone })).toEqual({ forZones: [zone] });
    }
  });
  it('gives PreferSameZone the same hints as PreferClose', () => {
    expect(endpointHints('PreferSameZone', { conditions: ready, nodeName: 'node-1', zone: 'zone-a' })).toEqual({ forZones: ['zone-a'] });
  });
  it('adds a node hint for PreferSameNode', () => {
    expect(endpointHints('PreferSameNode', { conditions: ready, nodeName: 'node-1', zone: 'zone-a' })).toEqual({ forZones: ['zone-a'], forNodes: ['node-1'] });
    expect(endpointHints('PreferSameNode', { conditions: ready, nodeName: 'node-1' })).toEqual({ forNodes: ['node-1'] });
  });
  it('writes no hint on an endpoint that is not ready', () => {
    expect(endpointHints('PreferClose', { conditions: notReady, nodeName: 'node-2', zone: 'zone-b' })).toBeUndefined();
    expect(endpointHints('PreferSameZone', { conditions: { ready: false, serving: true, terminating: true }, nodeName: 'node-2', zone: 'zone-b' })).toBeUndefined();
  });
  it('should remove hints when trafficDistribution is unset', () => {
    expect(endpointHints(undefined, { conditions: ready, nodeName: 'node-5', zone: 'zone-a' })).toBeUndefined();
  });
  it('writes no zone hint for an endpoint without a zone (so PreferSameZone has none)', () => {
    expect(endpointHints('PreferSameZone', { conditions: ready, nodeName: 'node-1' })).toBeUndefined();
  });
});

const input = (zones: Array<string | undefined>, trafficDistribution?: 'PreferSameZone' | 'PreferSameNode'): ClusterInput => ({
  title: 't', description: 'd', network: { nodeCIDR: '192.168.1.0/24' }, plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: zones.map((zone, i) => ({
    name: `node-${i + 1}`, ip: `192.168.1.${11 + i}`, podCIDR: `10.244.${i}.0/24`,
    ...(zone !== undefined ? { zone } : {}),
    pods: [{ name: `web-${i + 1}`, ip: `10.244.${i}.3`, labels: { app: 'web' }, ...(i === 2 ? { ready: false } : {}) }],
  })),
  services: [{ name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80 }], ...(trafficDistribution ? { trafficDistribution } : {}) }],
});

describe('nodeZone (podToEndpoint: zone only when the label is set and not empty)', () => {
  it('reads the node zone and treats an empty one as none', () => {
    const c = resolveCluster(input(['zone-a', '', undefined]), 't');
    expect([nodeZone(c, 'node-1'), nodeZone(c, 'node-2'), nodeZone(c, 'node-3'), nodeZone(c, 'nope')]).toEqual(['zone-a', undefined, undefined, undefined]);
  });
});

describe('hintedEndpoints', () => {
  it('publishes zone on every endpoint and hints on the ready ones', () => {
    const c = resolveCluster(input(['zone-a', 'zone-b', 'zone-b'], 'PreferSameNode'), 't');
    const eps = hintedEndpoints(c, c.services[0]!, c.services[0]!.ports[0]!);
    expect(eps.map((e) => [e.pod.name, e.zone, e.hints])).toEqual([
      ['web-1', 'zone-a', { forZones: ['zone-a'], forNodes: ['node-1'] }],
      ['web-2', 'zone-b', { forZones: ['zone-b'], forNodes: ['node-2'] }],
      ['web-3', 'zone-b', undefined],
    ]);
  });
  it('publishes zones but no hints without trafficDistribution', () => {
    const c = resolveCluster(input(['zone-a', 'zone-b']), 't');
    const eps = hintedEndpoints(c, c.services[0]!, c.services[0]!.ports[0]!);
    expect(eps.map((e) => [e.zone, e.hints])).toEqual([['zone-a', undefined], ['zone-b', undefined]]);
  });
});
