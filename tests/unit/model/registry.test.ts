import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../../src/model/diagnostics.ts';
import { ClusterRegistry, DefinitionErrors, definitionId, validateDefinitions } from '../../../src/model/registry.ts';
import { validateCluster } from '../../../src/model/validate.ts';
import brokenCluster from '../../fixtures/clusters/definitions/broken-cluster.ts';
import goodCluster from '../../fixtures/clusters/definitions/good-cluster.ts';

const DIR = 'tests/fixtures/clusters/definitions';
// Keys as Vite's import.meta.glob gives them: root-relative with a leading slash.
const GOOD = { [`/${DIR}/good-cluster.ts`]: { default: goodCluster } };
const BROKEN = { [`/${DIR}/broken-cluster.ts`]: { default: brokenCluster } };

describe('definitionId', () => {
  it('is the file name without .ts, from a relative path or a Vite glob key', () => {
    expect(definitionId('diagrams/flannel-vxlan.ts')).toBe('flannel-vxlan');
    expect(definitionId('/diagrams/calico-bgp.ts')).toBe('calico-bgp');
    expect(definitionId('bridge-basics.ts')).toBe('bridge-basics');
  });
});

describe('validateDefinitions', () => {
  it('validates every module: valid clusters by id, every diagnostic in file order, file names without the leading slash', () => {
    const loadFailure: Diagnostic = { file: `${DIR}/a-first.ts`, path: '', message: 'the file could not be loaded: x', hint: 'h', severity: 'error' };
    const report = validateDefinitions({ ...GOOD, ...BROKEN, [`/${DIR}/no-default.ts`]: {} }, [loadFailure]);
    expect(report.files).toEqual([`${DIR}/a-first.ts`, `${DIR}/broken-cluster.ts`, `${DIR}/good-cluster.ts`, `${DIR}/no-default.ts`]);
    expect(report.clusters.map((c) => [c.id, c.file])).toEqual([['good-cluster', `${DIR}/good-cluster.ts`]]);
    expect(report.diagnostics.map((d) => [d.file, d.path, d.severity])).toEqual([
      [`${DIR}/a-first.ts`, '', 'error'],
      [`${DIR}/broken-cluster.ts`, 'nodes[1].pods[0].ip', 'error'],
      [`${DIR}/broken-cluster.ts`, 'services[0].clusterIP', 'error'],
      [`${DIR}/broken-cluster.ts`, 'services[1].ports[0].nodePort', 'error'],
      [`${DIR}/broken-cluster.ts`, 'services[1].selector', 'warning'],
      [`${DIR}/no-default.ts`, '', 'error'],
    ]);
    expect(report.diagnostics.at(-1)).toMatchObject({ message: 'the file has no default export', hint: expect.stringContaining('export default defineCluster') });
  });

  it('gives the cluster validateCluster resolves, defaults applied', () => {
    const [entry] = validateDefinitions(GOOD).clusters;
    expect(entry!.cluster).toEqual(validateCluster(goodCluster, { file: `${DIR}/good-cluster.ts` }).cluster);
    expect(entry!.cluster.nodes.map((n) => n.pods.map((p) => p.node))).toEqual([['node-1'], ['node-2']]);
  });
});

describe('ClusterRegistry', () => {
  it('holds validated clusters by id', () => {
    const registry = ClusterRegistry.fromModules(GOOD);
    expect(registry.ids()).toEqual(['good-cluster']);
    expect(registry.get('good-cluster').title).toBe('Good cluster');
    expect(registry.entry('good-cluster').file).toBe(`${DIR}/good-cluster.ts`);
    expect(registry.entries()).toHaveLength(1);
    expect(registry.warnings).toEqual([]);
  });

  it('names the known clusters for an unknown id', () => {
    const registry = ClusterRegistry.fromModules(GOOD);
    expect(() => registry.get('nope')).toThrow('Unknown cluster "nope": no diagrams/nope.ts. Known clusters: good-cluster.');
    expect(() => ClusterRegistry.fromModules({}).get('nope')).toThrow('Known clusters: (none).');
  });

  it('refuses a broken definition: one error listing every diagnostic with file, path, message and hint', () => {
    let thrown: unknown;
    try {
      ClusterRegistry.fromModules({ ...GOOD, ...BROKEN });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DefinitionErrors);
    const error = thrown as DefinitionErrors;
    expect(error.diagnostics.map((d) => d.path)).toEqual(['nodes[1].pods[0].ip', 'services[0].clusterIP', 'services[1].ports[0].nodePort', 'services[1].selector']);
    expect(error.message).toMatch(/^3 error\(s\) in the cluster definitions:\n/);
    for (const d of error.diagnostics) expect(error.message).toContain(formatDiagnostic(d));
    expect(error.message).toContain(
      `${DIR}/broken-cluster.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24 (hint: a pod gets its IP from the podCIDR of the node it runs on`,
    );
    expect(error.message).toContain('npm run diagrams -- --check');
  });

  it('keeps the warnings of valid definitions', () => {
    // The broken fixture without its three errors keeps one warning (a selector matching no pod).
    const fixed = {
      ...brokenCluster,
      nodes: brokenCluster.nodes.map((n, i) => (i === 1 ? { ...n, pods: n.pods!.map((p) => ({ ...p, ip: '10.244.1.2' })) } : n)),
      services: [
        { ...brokenCluster.services![0]!, clusterIP: '10.96.0.20' },
        { ...brokenCluster.services![1]!, ports: [{ port: 80, nodePort: 30080 }] },
      ],
    };
    const registry = ClusterRegistry.fromModules({ [`/${DIR}/broken-cluster.ts`]: { default: fixed } });
    expect(registry.ids()).toEqual(['broken-cluster']);
    expect(registry.warnings.map((w) => `${w.path}: ${w.severity}`)).toEqual(['services[1].selector: warning']);
  });
});
