import { describe, expect, it } from 'vitest';
import type { ImportedNode } from '../../../src/import/nodes.ts';
import { detectPlugin } from '../../../src/import/plugin.ts';
import type { ImportedPod } from '../../../src/import/pods.ts';

function node(name: string, annotationKeys: string[] = [], flannelBackend?: string, podCIDR = '10.244.0.0/24'): ImportedNode {
  return { node: { name, ip: '192.168.56.10', podCIDR }, at: { path: '' }, missingPodCIDR: false, annotationKeys, ...(flannelBackend ? { flannelBackend } : {}) };
}

function agent(owner: string, namespace = 'kube-system'): ImportedPod {
  return { pod: { name: `${owner.split('/')[1]}-x1`, namespace }, nodeName: 'n', reportedIP: '', at: { path: '' }, owner, images: [] };
}

const none = new Set<string>();

describe('detectPlugin', () => {
  it('reads flannel and its backend from node annotations', () => {
    const d = detectPlugin([node('a', ['flannel.alpha.coreos.com/backend-type'], 'host-gw')], [], none);
    expect(d).toMatchObject({ spec: { name: 'flannel', backend: 'host-gw' }, detected: 'flannel', basis: 'detected' });
    expect(d.evidence).toEqual(['node a: flannel.alpha.coreos.com annotations (backend-type host-gw)']);
  });

  it('draws an unmodelled flannel backend as vxlan and says so', () => {
    const d = detectPlugin([node('a', ['flannel.alpha.coreos.com/backend-type'], 'udp')], [], none);
    expect(d).toMatchObject({ spec: { name: 'flannel', backend: 'vxlan' }, basis: 'approximated' });
    expect(d.note).toBe('flannel with backend udp, drawn as vxlan (the model has vxlan, host-gw, wireguard)');
  });

  it('keeps flannel’s wireguard backend, which the model has', () => {
    const d = detectPlugin([node('a', ['flannel.alpha.coreos.com/backend-type'], 'wireguard')], [], none);
    expect(d).toMatchObject({ spec: { name: 'flannel', backend: 'wireguard' }, basis: 'detected', note: 'flannel, wireguard backend' });
  });

  it('reads Calico’s mode from its tunnel-address annotations', () => {
    const keys = ['projectcalico.org/IPv4Address', 'projectcalico.org/IPv4IPIPTunnelAddr'];
    expect(detectPlugin([node('a', keys)], [], none).spec).toEqual({ name: 'calico', mode: 'ipip' });
    expect(detectPlugin([node('a', ['projectcalico.org/IPv4Address', 'projectcalico.org/IPv4VXLANTunnelAddr'])], [], none).spec).toEqual({ name: 'calico', mode: 'vxlan' });
    expect(detectPlugin([node('a', ['projectcalico.org/IPv4Address'])], [], none).spec).toEqual({ name: 'calico', mode: 'bgp' });
  });

  it('recognises the agents’ DaemonSets', () => {
    expect(detectPlugin([node('a')], [agent('DaemonSet/calico-node')], none).detected).toBe('calico');
    expect(detectPlugin([node('a')], [agent('DaemonSet/kube-flannel-ds', 'kube-flannel')], none).detected).toBe('flannel');
    const kindnet = detectPlugin([node('a')], [agent('DaemonSet/kindnet')], none);
    expect(kindnet).toMatchObject({ detected: 'kindnet', basis: 'approximated', spec: { name: 'flannel', backend: 'host-gw' } });
    expect(kindnet.evidence).toEqual(['DaemonSet kube-system/kindnet runs pods such as kindnet-x1']);
  });

  it('recognises Cilium from CiliumNode objects and draws it as the nearest modelled plugin', () => {
    const d = detectPlugin([node('a')], [], new Set(['CiliumNode']));
    expect(d).toMatchObject({ detected: 'cilium', basis: 'approximated', spec: { name: 'flannel', backend: 'vxlan' } });
  });

  it('lets the reader override, still listing the evidence', () => {
    const d = detectPlugin([node('a', ['flannel.alpha.coreos.com/backend-type'], 'vxlan')], [], none, { name: 'calico', mode: 'bgp' });
    expect(d).toMatchObject({ spec: { name: 'calico', mode: 'bgp' }, basis: 'override', detected: 'flannel' });
    expect(d.evidence).toHaveLength(1);
  });

  it('assumes from pod ranges only when nothing names the plugin', () => {
    expect(detectPlugin([node('a', [], undefined, '192.168.5.0/26')], [], none)).toMatchObject({ spec: { name: 'calico', mode: 'ipip' }, basis: 'assumed' });
    expect(detectPlugin([node('a')], [agent('ReplicaSet/web')], none)).toMatchObject({ spec: { name: 'flannel', backend: 'vxlan' }, basis: 'assumed', evidence: [] });
  });
});
