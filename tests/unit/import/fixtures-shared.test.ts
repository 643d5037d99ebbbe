/**
 * The import on every real dump in ../shared/fixtures/kubectl (see its SOURCES.md). Expected
 * values were read from the fixture files themselves.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatIssue, importCluster, type ImportResult } from '../../../src/import/index.ts';
import { fixtureSources, fixtureText, SHARED_FIXTURES, sharedFixturesPresent } from './fixture-files.ts';

const present = sharedFixturesPresent();

function run(set: string, only?: string): ImportResult {
  return importCluster(fixtureSources(SHARED_FIXTURES, set, only));
}

function nodesOf(r: ImportResult): string[] {
  return r.cluster.nodes.map((n) => `${n.name} ${n.ip} ${n.podCIDR}${n.controlPlane ? ' control-plane' : ''} pods=${n.pods?.length ?? 0}`);
}

function service(r: ImportResult, ref: string) {
  return r.cluster.services?.find((s) => `${s.namespace}/${s.name}` === ref);
}

describe.skipIf(!present)('real dumps (../shared/fixtures/kubectl)', () => {
  it('01 sonobuoy kind: 3 nodes, their pods, unscheduled and finished pods left out with warnings', () => {
    const r = run('01-sonobuoy-kind-3node');
    expect(nodesOf(r)).toEqual([
      'kind-control-plane 172.18.0.4 10.244.0.0/24 control-plane pods=10',
      'kind-worker 172.18.0.2 10.244.2.0/24 pods=3',
      'kind-worker2 172.18.0.3 10.244.1.0/24 pods=4',
    ]);
    expect(r.counts.pods).toBe(17);
    expect(r.warnings.map(formatIssue)).toEqual([
      'ns/kube-system/core_v1_pods.json: items[12].spec.nodeName: pod kube-system/coredns-74ff55c5b-ppjrs was left out: it is not scheduled on a node (phase Pending)',
      'ns/kube-system/core_v1_pods.json: items[13].spec.nodeName: pod kube-system/coredns-74ff55c5b-s89p7 was left out: it is not scheduled on a node (phase Pending)',
      'ns/sonobuoy/core_v1_pods.json: items[1].status.phase: pod sonobuoy/sonobuoy-e2e-job-1d0e9c62fc114e08 was left out: it has finished (phase Succeeded) and no longer holds its IP',
    ]);
    // serverversion.json is `kubectl version` output, not an object.
    expect(r.errors.map(formatIssue)).toEqual(['serverversion.json: an object without `kind` (not a Kubernetes object) was left out']);
    expect(r.plugin).toMatchObject({ detected: 'kindnet', basis: 'approximated', spec: { name: 'flannel', backend: 'host-gw' } });
    expect(r.resolved?.dns.pods.sort()).toEqual(['coredns-74ff55c5b-cpfqs', 'coredns-74ff55c5b-vk77h']);
    const etcd = r.resolved?.nodes[0]?.pods.find((p) => p.name === 'etcd-kind-control-plane');
    expect(etcd).toMatchObject({ hostNetwork: true, ip: '172.18.0.4' });
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('02 cilium kind dual-stack: both families imported, the ranges of each inferred, and it validates', () => {
    const r = run('02-cilium-kind-dualstack-v1.27');
    expect(nodesOf(r)).toEqual([
      'dual-stack-control-plane 172.18.0.7 10.244.0.0/24 control-plane pods=0',
      'dual-stack-worker 172.18.0.8 10.244.2.0/24 pods=0',
      'dual-stack-worker2 172.18.0.9 10.244.1.0/24 pods=0',
    ]);
    expect(r.cluster.nodes.map((n) => [n.ips, n.podCIDRs])).toEqual([
      [['172.18.0.7', 'fc00:f853:ccd:e793::7'], ['10.244.0.0/24', 'fd00:10:244::/64']],
      [['172.18.0.8', 'fc00:f853:ccd:e793::8'], ['10.244.2.0/24', 'fd00:10:244:2::/64']],
      [['172.18.0.9', 'fc00:f853:ccd:e793::9'], ['10.244.1.0/24', 'fd00:10:244:1::/64']],
    ]);
    // kind's defaults (networking.podSubnet/serviceSubnet) hold every address of the dump.
    expect(r.cluster.network).toMatchObject({
      nodeCIDRs: ['172.18.0.0/24', 'fc00:f853:ccd:e793::/64'],
      clusterCIDRs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      serviceCIDRs: ['10.96.0.0/12', 'fd00:10:96::/112'],
    });
    expect(service(r, 'default/echo-dualstack')).toEqual({
      name: 'echo-dualstack',
      namespace: 'default',
      type: 'NodePort',
      clusterIP: '10.96.125.19',
      clusterIPs: ['10.96.125.19', 'fd00:10:96::14f9'],
      ipFamilies: ['IPv4', 'IPv6'],
      ipFamilyPolicy: 'RequireDualStack',
      selector: { name: 'echo' },
      ports: [
        { name: 'http', port: 80, nodePort: 31701 },
        { name: 'tftp', protocol: 'UDP', port: 69, nodePort: 32731 },
      ],
    });
    const warnings = r.warnings.map(formatIssue);
    expect(warnings.filter((w) => /IPv6|fd00:|fc00:/.test(w) && !/are not pods in the paste/.test(w))).toEqual([]);
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.resolved?.services.find((s) => s.name === 'echo-dualstack')?.clusterIPs).toEqual(['10.96.125.19', 'fd00:10:96::14f9']);
    const slices = r.endpointSlices.filter((s) => s.service === 'echo-dualstack');
    expect(slices.map((s) => [s.addressType, s.endpoints.length, s.endpoints.every((e) => e.ready)])).toEqual([
      ['IPv4', 2, true],
      ['IPv6', 2, true],
    ]);
    // No Pod objects in this set: the endpoints' pods are only targetRefs.
    expect(warnings.some((w) => /2 of 2 endpoint\(s\) of EndpointSlice default\/echo-dualstack-\w+ .* are not pods in the paste/.test(w))).toBe(true);
    expect(r.plugin).toMatchObject({ detected: 'cilium', basis: 'approximated' });
    expect(r.ignored).toEqual({ CiliumNode: 3, Endpoints: 2 });
    expect(r.resolved).toBeDefined();
  });

  it('03 OpenShift must-gather: pod ranges inferred, DNS at dns-default, the cluster network found', () => {
    const r = run('03-openshift-4.8-aws-mustgather-subset');
    expect(r.counts).toEqual({ nodes: 6, pods: 40, services: 15, endpointSlices: 14, networkPolicies: 0, namespaces: 0 });
    // The cluster's own config (networks.yaml) states what the import inferred.
    const config = parse(fixtureText(SHARED_FIXTURES, '03-openshift-4.8-aws-mustgather-subset/cluster-scoped-resources/config.openshift.io/networks.yaml'));
    const spec = config.items[0].spec;
    expect(r.cluster.network.clusterCIDR).toBe(spec.clusterNetwork[0].cidr);
    expect(r.cluster.network.serviceCIDR).toBe(spec.serviceNetwork[0]);
    expect(r.cluster.dns).toEqual({ clusterIP: '172.30.0.10' });
    expect(r.cluster.nodes.map((n) => n.podCIDR)).toEqual(['10.129.2.0/24', '10.128.2.0/24', '10.129.0.0/24', '10.130.0.0/24', '10.128.0.0/24', '10.131.0.0/24']);
    expect(service(r, 'default/openshift')).toEqual({ name: 'openshift', namespace: 'default', type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' });
    expect(service(r, 'openshift-ingress/router-default')?.loadBalancerIP).toBeUndefined();
    expect(r.warnings.map(formatIssue)).toContain(
      "namespaces/openshift-ingress/core/services.yaml: items[0].status.loadBalancer.ingress[0]: Service openshift-ingress/router-default's load-balancer ingress aa7652ff3475f46dfa60db965939ee35-1728695332.us-east-1.elb.amazonaws.com is not shown: the model holds one IPv4 load-balancer IP",
    );
    expect(r.endpointSlices.find((s) => s.service === 'dns-default')?.endpoints).toHaveLength(6);
    // Node names are DNS-1123 subdomains (ip-10-0-129-220.ec2.internal), as ValidateNodeName allows.
    expect(r.cluster.nodes[0]?.name).toBe('ip-10-0-129-220.ec2.internal');
    expect(r.validation.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`)).toEqual([]);
  });

  it('04 troubleshoot k3d: flannel from its annotations, k3s ranges, the LoadBalancer ingress IP', () => {
    const r = run('04-troubleshoot-k3d-supportbundle');
    expect(nodesOf(r)).toEqual(['k3d-mycluster-server-0 172.19.0.2 10.42.0.0/24 control-plane pods=6']);
    expect(r.plugin).toMatchObject({ spec: { name: 'flannel', backend: 'vxlan' }, detected: 'flannel', basis: 'detected' });
    expect(r.cluster.network).toMatchObject({ clusterCIDR: '10.42.0.0/16', serviceCIDR: '10.43.0.0/16' });
    expect(r.cluster.dns).toEqual({ provider: 'coredns', clusterIP: '10.43.0.10' });
    expect(service(r, 'kube-system/traefik')).toMatchObject({ type: 'LoadBalancer', clusterIP: '10.43.221.30', loadBalancerIP: '172.19.0.2' });
    expect(r.warnings.filter((w) => w.message.includes('has finished (phase Succeeded)'))).toHaveLength(2);
    expect(r.resolved?.services.find((s) => s.name === 'kube-dns')?.clusterIP).toBe('10.43.0.10');
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('04 pasted as one text (the JSON lists back to back) gives the same cluster', () => {
    const sources = fixtureSources(SHARED_FIXTURES, '04-troubleshoot-k3d-supportbundle');
    const joined = importCluster(sources.map((s) => s.text).join('\n'));
    expect(joined.cluster).toEqual(run('04-troubleshoot-k3d-supportbundle').cluster);
  });

  it('05 minikube nginx: one node, the nginx Service and its slice, an allow-all policy', () => {
    const r = run('05-kubediagrams-minikube', 'nginx-deployed-all.yaml');
    expect(nodesOf(r)).toEqual(['minikube 192.168.64.23 10.244.0.0/24 control-plane pods=3']);
    expect(service(r, 'default/nginx-service')).toMatchObject({ clusterIP: '10.106.63.194', ports: [{ port: 80 }] });
    expect(r.endpointSlices.find((s) => s.service === 'nginx-service')?.endpoints.map((e) => e.nodeName)).toEqual(['minikube', 'minikube', 'minikube']);
    expect(r.cluster.networkPolicies).toEqual([
      { name: 'nginx-network-policy', namespace: 'default', podSelector: { matchLabels: { app: 'nginx' } }, policyTypes: ['Ingress', 'Egress'], ingress: [{}], egress: [{}] },
    ]);
    expect(r.ignored).toMatchObject({ ConfigMap: 1, Deployment: 1, Ingress: 1 });
    expect(r.resolved).toBeDefined();
  });

  it('05 minikube kube-prometheus-stack: 13 pods, 8 headless Services, the kubelet one dual-family but headless', () => {
    const r = run('05-kubediagrams-minikube', 'kube-prometheus-stack-deployed-on-minikube.yaml');
    expect(nodesOf(r)).toEqual(['minikube 192.168.64.28 10.244.0.0/24 control-plane pods=13']);
    expect(r.counts.services).toBe(16);
    expect(r.cluster.services?.filter((s) => s.clusterIP === 'None')).toHaveLength(8);
    expect(service(r, 'kube-system/kube-prometheus-stack-kubelet')?.clusterIP).toBe('None');
    expect(r.warnings.some((w) => w.message.includes('kube-prometheus-stack-kubelet'))).toBe(false);
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('06 online boutique: 24 Services, 12 NetworkPolicies, namespace labels; no nodes, so no cluster yet', () => {
    const r = run('06-nca-onlineboutique-kind');
    expect(r.counts).toMatchObject({ services: 24, networkPolicies: 12, namespaces: 8, nodes: 0 });
    expect(r.ignored).toEqual({ AuthorizationPolicy: 11 });
    const policies = r.cluster.networkPolicies ?? [];
    expect(policies.find((p) => p.name === 'deny-all')).toEqual({ name: 'deny-all', namespace: 'onlineboutique', podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const anded = policies.flatMap((p) => (p.ingress ?? []).flatMap((rule) => rule.from ?? [])).filter((peer) => peer.namespaceSelector && peer.podSelector);
    expect(anded).toHaveLength(1);
    expect(r.cluster.namespaces?.find((n) => n.name === 'onlineboutique')?.labels).toMatchObject({ 'istio-injection': 'enabled' });
    expect(service(r, 'istio-system/istio-ingressgateway')).toMatchObject({ type: 'LoadBalancer', clusterIP: '10.96.41.44' });
    expect(service(r, 'istio-system/istio-ingressgateway')?.loadBalancerIP).toBeUndefined();
    expect(r.validation.map((d) => `${d.severity} ${d.path}: ${d.message}`)).toEqual(['error nodes: a cluster needs at least one node']);
  });

  it('07 k9s GKE single objects: a Service with a named targetPort and a policy with ipBlock except', () => {
    const r = run('07-k9s-gke-single-objects');
    expect(r.cluster.services).toEqual([
      { name: 'dictionary1', namespace: 'default', clusterIP: '10.47.248.116', selector: { app: 'dictionary1' }, ports: [{ name: 'http', port: 4001, targetPort: 'http' }] },
    ]);
    const fred = r.cluster.networkPolicies?.[0];
    expect(fred?.ingress?.[0]?.from?.[0]).toEqual({ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24', '172.17.3.0/24', '172.17.4.0/24'] } });
    expect(fred?.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }]);
    expect(r.errors).toEqual([]);
  });
});
