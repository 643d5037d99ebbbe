/**
 * A broken definition never reaches a component: with one diagrams/*.ts made invalid (mocked here,
 * the file on disk is untouched), every lookup in the components' registry throws the diagnostics,
 * for the broken cluster and the valid ones alike.
 */
import { describe, expect, it, vi } from 'vitest';
import { getCluster } from '../../../src/components/artifacts/cluster-registry.ts';
import { DefinitionErrors } from '../../../src/model/registry.ts';
import type { ClusterInput } from '../../../src/model/types.ts';

vi.mock('../../../diagrams/flannel-vxlan.ts', async (importOriginal) => {
  const { default: definition } = await importOriginal<{ default: ClusterInput }>();
  // web-1 on node-2 gets an address outside node-2's podCIDR.
  const nodes = definition.nodes.map((node, n) => (n !== 1 ? node : { ...node, pods: node.pods?.map((pod, p) => (p === 0 ? { ...pod, ip: '10.244.9.2' } : pod)) }));
  return { default: { ...definition, nodes } };
});

describe('cluster registry for components, with a broken definition', () => {
  it('throws every diagnostic with file, path, message and hint instead of handing out clusters', () => {
    for (const id of ['flannel-vxlan', 'calico-bgp']) {
      let thrown: unknown;
      try {
        getCluster(id);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, id).toBeInstanceOf(DefinitionErrors);
      expect((thrown as Error).message).toContain(
        "diagrams/flannel-vxlan.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24 (hint: ",
      );
    }
  });
});
