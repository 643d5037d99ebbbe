// Node zones and Service trafficDistribution: kept by resolveCluster, checked by validation as
// the API server checks them (zone: a label value; trafficDistribution: PreferClose,
// PreferSameZone or PreferSameNode), and a warning when zone hints cannot exist.
import { describe, expect, it } from 'vitest';
import { resolveCluster, validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import { checkTopology } from '../../../src/model/validation/topology.ts';
import { DiagnosticCollector } from '../../../src/model/diagnostics.ts';
import { BASE_FILE, baseCluster } from '../../fixtures/clusters/base-cluster.ts';

const at = (c: ClusterInput, path: string) => validateCluster(c, { file: BASE_FILE }).diagnostics.filter((d) => d.path === path);
const zoned = (): ClusterInput => {
  const c = baseCluster();
  c.nodes.forEach((n, i) => (n.zone = i < 2 ? 'zone-a' : 'zone-b'));
  return c;
};

describe('zone and trafficDistribution defaults', () => {
  it('keeps them when set and leaves them out otherwise', () => {
    const input = zoned();
    input.services![0]!.trafficDistribution = 'PreferSameNode';
    const c = resolveCluster(input, 'base');
    expect(c.nodes.map((n) => n.zone)).toEqual(['zone-a', 'zone-a', 'zone-b']);
    expect(c.services[0]!.trafficDistribution).toBe('PreferSameNode');
    const plain = resolveCluster(baseCluster(), 'base');
    expect(plain.nodes[0]).not.toHaveProperty('zone');
    expect(plain.services[0]).not.toHaveProperty('trafficDistribution');
  });
});

describe('checkTopology', () => {
  it('accepts every API value on a zoned cluster', () => {
    for (const value of ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const) {
      const c = zoned();
      c.services![0]!.trafficDistribution = value;
      expect(at(c, 'services[0].trafficDistribution')).toEqual([]);
    }
  });
  it('rejects an unknown value, naming the field', () => {
    const c = zoned();
    (c.services![0] as { trafficDistribution?: string }).trafficDistribution = 'PreferLocal';
    const [d] = at(c, 'services[0].trafficDistribution');
    expect(d?.severity).toBe('error');
    expect(d?.message).toBe('trafficDistribution "PreferLocal" is not one of PreferClose, PreferSameZone, PreferSameNode');
    expect(d?.file).toBe(BASE_FILE);
  });
  it('rejects a zone that is not a label value', () => {
    const c = zoned();
    c.nodes[1]!.zone = 'zone a';
    const [d] = at(c, 'nodes[1].zone');
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(/^zone "zone a" must be empty or start and end with a letter or digit/);
  });
  it('warns that zone preferences do nothing without zones, but not for PreferSameNode', () => {
    const c = baseCluster();
    c.services![0]!.trafficDistribution = 'PreferSameZone';
    c.services![2]!.trafficDistribution = 'PreferSameNode';
    const r = new DiagnosticCollector(BASE_FILE);
    checkTopology(resolveCluster(c, 'base'), r);
    expect(r.diagnostics.map((d) => [d.severity, d.path])).toEqual([['warning', 'services[0].trafficDistribution']]);
  });
});
