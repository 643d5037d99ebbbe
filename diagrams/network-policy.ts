import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// A shop namespace locked down with NetworkPolicies that Calico enforces: default deny in both
// directions, then allow rules that add up. Flannel alone would accept these objects and enforce none.
export default defineCluster({
  title: 'NetworkPolicy with Calico',
  description:
    'Namespace shop denies all ingress and egress by default; frontend accepts TCP 8080 from anywhere, backend accepts TCP 8080 from frontend and TCP 9090 from the monitoring namespace, and shop pods may query CoreDNS on port 53.',
  // Calico's default pool 192.168.0.0/16 would overlap the node network, so the pool is set.
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
  plugin: { name: 'calico', mode: 'vxlan' },
  namespaces: [
    { name: 'shop', labels: { team: 'shop' } },
    { name: 'monitoring', labels: { purpose: 'monitoring' } },
  ],
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '172.16.0.0/26', [
      // The container ports the kube-dns Service targets; allow-dns below opens port 53 to them.
      // This example's CoreDNS pod has always run with ClusterFirst (kubeadm's uses Default).
      corednsPod('coredns-1', '172.16.0.2', {
        dnsPolicy: 'ClusterFirst',
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
        ],
      }),
    ]),
    node('node-2', '192.168.1.12', '172.16.0.64/26', [
      appPod('frontend', '172.16.0.66', 'frontend', { namespace: 'shop', ports: [{ name: 'http', containerPort: 8080 }] }),
      appPod('prometheus', '172.16.0.67', 'prometheus', { namespace: 'monitoring', ports: [{ name: 'web', containerPort: 9090 }] }),
    ]),
    node('node-3', '192.168.1.13', '172.16.0.128/26', [
      appPod('backend', '172.16.0.130', 'backend', {
        namespace: 'shop',
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'metrics', containerPort: 9090 },
        ],
      }),
      { name: 'debug', ip: '172.16.0.131', labels: { run: 'debug' } },
    ]),
  ],
  services: [
    { name: 'frontend', namespace: 'shop', clusterIP: '10.96.0.20', selector: { app: 'frontend' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    {
      name: 'backend',
      namespace: 'shop',
      clusterIP: '10.96.0.21',
      selector: { app: 'backend' },
      ports: [
        { name: 'http', port: 8080 },
        { name: 'metrics', port: 9090 },
      ],
    },
  ],
  networkPolicies: [
    // Selects every pod in shop and allows nothing: isolated for ingress and egress.
    { name: 'default-deny-all', namespace: 'shop', podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    // One rule with ports and no `from`: any source, TCP 8080 only.
    { name: 'frontend-from-anywhere', namespace: 'shop', podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ protocol: 'TCP', port: 8080 }] }] },
    // A podSelector peer alone: pods with app=frontend in shop (the policy's namespace).
    {
      name: 'backend-from-frontend',
      namespace: 'shop',
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    },
    // A namespaceSelector peer alone: every pod in namespaces labelled purpose=monitoring.
    {
      name: 'backend-metrics-from-monitoring',
      namespace: 'shop',
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { purpose: 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }],
    },
    // The other half of frontend -> backend: frontend is isolated for egress too.
    {
      name: 'frontend-to-backend',
      namespace: 'shop',
      podSelector: { matchLabels: { app: 'frontend' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'backend' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    },
    // One peer with both selectors (AND): pods labelled k8s-app=kube-dns in namespace kube-system.
    {
      name: 'allow-dns',
      namespace: 'shop',
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  ],
});
