// The DNS block of the model: default/kubernetes as kube-apiserver creates it
// (pkg/controlplane/controller/kubernetesservice/controller.go CreateOrUpdateMasterServiceIfNeeded,
// createPortAndServiceSpec), the CoreDNS `pods` mode default (kubeadm Corefile `pods insecure`), and
// ExternalName spelling as pkg/apis/core/validation ValidateService accepts it (one trailing dot).
import { describe, expect, it } from 'vitest';
import { apiServerEndpoints, kubernetesService } from '../../../src/model/defaults.ts';
import { resolveCluster, validateCluster, type ClusterInput } from '../../../src/model/index.ts';

function minimal(overrides: Partial<ClusterInput> = {}): ClusterInput {
  return {
    title: 'Mini',
    description: 'Minimal.',
    network: { nodeCIDR: '192.168.1.0/24' },
    plugin: { name: 'flannel', backend: 'vxlan' },
    nodes: [
      { name: 'cp', ip: '192.168.1.10', podCIDR: '10.244.0.0/24', controlPlane: true, pods: [] },
      { name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.1.0/24', pods: [{ name: 'web-1', ip: '10.244.1.2' }] },
    ],
    ...overrides,
  };
}

describe('kubernetesService', () => {
  it('takes the first service address and one https port 443 -> 6443, without selector', () => {
    const s = kubernetesService('10.96.0.0/12');
    expect([s.namespace, s.name, s.type, s.clusterIP, s.selector]).toEqual(['default', 'kubernetes', 'ClusterIP', '10.96.0.1', undefined]);
    expect(s.ports).toEqual([{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }]);
    expect(kubernetesService('10.3.0.0/24').clusterIP).toBe('10.3.0.1');
  });
  it('has no ClusterIP for a malformed CIDR', () => {
    expect(kubernetesService('nonsense').clusterIP).toBe('');
  });
});

describe('apiServerEndpoints', () => {
  it('lists each control-plane node at the secure port, and no worker', () => {
    const c = resolveCluster(minimal(), 'mini');
    expect(apiServerEndpoints(c.nodes)).toEqual([{ ip: '192.168.1.10', port: 6443 }]);
  });
});

describe('dns.podsMode', () => {
  it('defaults to insecure (kubeadm Corefile) and keeps what is declared', () => {
    expect(resolveCluster(minimal(), 'mini').dns.podsMode).toBe('insecure');
    expect(resolveCluster(minimal({ dns: { podsMode: 'verified' } }), 'mini').dns.podsMode).toBe('verified');
  });
});

describe('ExternalName spelling', () => {
  const withExternal = (externalName: string) => validateCluster(
    minimal({ services: [{ name: 'ext', type: 'ExternalName', externalName, ports: [] }] }),
    { file: 'diagrams/mini.ts' },
  ).diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
  it('accepts one trailing dot, as the API server does', () => {
    expect(withExternal('db.example.com.')).toEqual([]);
    expect(withExternal('db.example.com')).toEqual([]);
  });
  it('still rejects two trailing dots', () => {
    expect(withExternal('db.example.com..')).toEqual(['services[0].externalName']);
  });
});

describe('dns.podsMode validation', () => {
  it('rejects a mode CoreDNS does not know', () => {
    const res = validateCluster(minimal({ dns: { podsMode: 'sometimes' as never } }), { file: 'diagrams/mini.ts' });
    expect(res.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['dns.podsMode']);
    expect(validateCluster(minimal({ dns: { podsMode: 'disabled' } }), { file: 'diagrams/mini.ts' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
