import { describe, expect, it } from 'vitest';
import { describeServices, describeTopology } from '../../../src/mermaid/describe.ts';
import { renderView, renderViews, VIEW_NAMES } from '../../../src/mermaid/views.ts';
import { exampleCluster } from './clusters.ts';

describe('plain-language descriptions', () => {
  it('topology: ranges, each node with its pods and devices, the inter-node path, the Services by name', async () => {
    const text = describeTopology(await exampleCluster('flannel-vxlan'));
    expect(text).toContain('Three nodes with flannel (VXLAN): 3 nodes on the node network 192.168.1.0/24, networked by flannel (vxlan backend). Pods get addresses from 10.244.0.0/16; Services from 10.96.0.0/12.');
    expect(text).toContain('node-1 (192.168.1.11, control plane, pod CIDR 10.244.0.0/24) runs kube-system/coredns-1 (10.244.0.2); pods attach through veth pairs to the cni0 bridge (10.244.0.1/24), and flannel.1 carries traffic to other nodes.');
    expect(text).toContain('VXLAN (UDP port 8472)');
    expect(text).toContain('Services (drawn in the services view): web 10.96.0.20 and kube-system/kube-dns 10.96.0.10.');
  });

  it('topology: Calico routes per pod and announces blocks over BGP', async () => {
    const text = describeTopology(await exampleCluster('calico-bgp'));
    expect(text).toContain("each pod's veth (cali*) is routed by the host");
    expect(text).toContain('BGP (TCP 179)');
  });

  it('services: kube-proxy, each Service and its endpoints, and what kube-proxy skips', async () => {
    const text = describeServices(await exampleCluster('services-dns'));
    expect(text).toContain('kube-proxy in iptables mode runs on node-1 (192.168.1.11) and node-2 (192.168.1.12)');
    expect(text).toContain('web (ClusterIP) forwards 10.96.0.20:80/TCP to 10.244.0.3:8080 and 10.244.1.3:8080.');
    expect(text).toContain('Service payments is an ExternalName: DNS answers with a CNAME to api.payments.example.com. kube-proxy does not handle it.');
    expect(text).toContain('Service db is headless (no ClusterIP): DNS returns the pod IPs of db-0 (10.244.0.4) and db-1 (10.244.1.4) directly.');
  });
});

describe('view registry', () => {
  it('renders every view with title, description and Mermaid, deterministically', async () => {
    const cluster = await exampleCluster('services-dns');
    const views = renderViews(cluster);
    expect(views.map((v) => v.view)).toEqual([...VIEW_NAMES]);
    expect(views.map((v) => v.title)).toEqual(['Services and cluster DNS: topology', 'Services and cluster DNS: Services and kube-proxy']);
    expect(renderViews(await exampleCluster('services-dns'))).toEqual(views);
    expect(renderView(cluster, 'services').mermaid).toBe(views[1]!.mermaid);
  });
});
