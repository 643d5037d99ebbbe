import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveCluster } from '../../../src/model/index.ts';
import { corednsConfigMapYaml, kubeadmCorefile, kubeadmDnsManifest, kubeDnsServiceYaml } from '../../../src/derive/kubeadm-dns-manifests.ts';
import servicesDns from '../../../diagrams/services-dns.ts';
import dualStack from '../../../diagrams/dual-stack.ts';

// kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go (commit 008b365), CoreDNSService
// with {{ .DNSIP }} = 10.96.0.10 (the leading newline of the Go raw string left out).
const KUBEADM_SERVICE = `apiVersion: v1
kind: Service
metadata:
  labels:
    k8s-app: kube-dns
    kubernetes.io/cluster-service: "true"
    kubernetes.io/name: "CoreDNS"
  name: kube-dns
  namespace: kube-system
  annotations:
    prometheus.io/port: "9153"
    prometheus.io/scrape: "true"
  # Without this resourceVersion value, an update of the Service between versions will yield:
  #   Service "kube-dns" is invalid: metadata.resourceVersion: Invalid value: "": must be specified for an update
  resourceVersion: "0"
spec:
  clusterIP: 10.96.0.10
  ports:
  - name: dns
    port: 53
    protocol: UDP
    targetPort: 53
  - name: dns-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  - name: metrics
    port: 9153
    protocol: TCP
    targetPort: 9153
  selector:
    k8s-app: kube-dns
`;

// Same file, CoreDNSConfigMap with {{ .DNSDomain }} = cluster.local: the template's
// "cache 30" + "{{- if .DNSDomain }} {" renders as "cache 30 {".
const KUBEADM_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        health {
           lameduck 5s
        }
        ready
        kubernetes cluster.local in-addr.arpa ip6.arpa {
           pods insecure
           fallthrough in-addr.arpa ip6.arpa
           ttl 30
        }
        prometheus :9153
        forward . /etc/resolv.conf {
           max_concurrent 1000
        }
        cache 30 {
           disable success cluster.local
           disable denial cluster.local
        }
        loop
        reload
        loadbalance
    }
`;

describe("kubeadm's DNS addon manifests", () => {
  const cluster = resolveCluster(servicesDns, 'services-dns');

  it("writes kubeadm's kube-dns Service for a cluster at kubeadm's defaults", () => {
    expect(kubeDnsServiceYaml(cluster)).toBe(KUBEADM_SERVICE);
    expect(kubeadmDnsManifest(cluster, 'Service')).toBe(KUBEADM_SERVICE);
  });

  it("writes kubeadm's coredns ConfigMap for cluster.local", () => {
    expect(corednsConfigMapYaml(cluster)).toBe(KUBEADM_CONFIGMAP);
    expect(parse(KUBEADM_CONFIGMAP).data.Corefile).toBe(kubeadmCorefile(cluster));
  });

  it("takes the address, the domain and the pods mode from the definition", () => {
    const other = resolveCluster(
      { ...servicesDns, network: { ...servicesDns.network, serviceCIDR: '10.100.0.0/16', clusterDomain: 'corp.internal' }, dns: { podsMode: 'verified' } },
      'other',
    );
    const svc = parse(kubeDnsServiceYaml(other));
    expect(svc.spec.clusterIP).toBe('10.100.0.10');
    expect(svc.spec.clusterIP).toBe(other.dns.clusterIP);
    const corefile = parse(corednsConfigMapYaml(other)).data.Corefile as string;
    expect(corefile).toContain('    kubernetes corp.internal in-addr.arpa ip6.arpa {\n       pods verified\n');
    expect(corefile).toContain('       disable success corp.internal\n       disable denial corp.internal\n');
    expect(corefile).not.toContain('cluster.local');
  });

  it("adds the definition's second address and family policy after clusterIP, which kubeadm alone does not write", () => {
    const dual = resolveCluster({ ...dualStack, dns: { ...dualStack.dns, clusterIPs: ['10.96.0.10', 'fd00:10:96::a'] } }, 'dual-dns');
    expect(kubeDnsServiceYaml(dual)).toContain('  clusterIP: 10.96.0.10\n  clusterIPs:\n  - 10.96.0.10\n  - fd00:10:96::a\n  ipFamilyPolicy: RequireDualStack\n  ports:\n');
    expect(parse(kubeDnsServiceYaml(dual)).spec.clusterIPs).toEqual(dual.dns.clusterIPs);
    expect(kubeDnsServiceYaml(resolveCluster(dualStack, 'dual-stack'))).not.toContain('clusterIPs');
  });

  it('refuses a Corefile for a cluster that runs kube-dns', () => {
    const kubeDns = resolveCluster({ ...servicesDns, dns: { provider: 'kube-dns' } }, 'legacy');
    expect(() => corednsConfigMapYaml(kubeDns)).toThrow('Cluster "legacy" runs kube-dns, which has no Corefile.');
  });
});
