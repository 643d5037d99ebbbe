import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Gateway API in depth: one Gateway with four listeners (HTTP, two HTTPS host names, TLS
// passthrough), routes of three kinds from three namespaces, a ReferenceGrant for one
// cross-namespace backend, a BackendTLSPolicy, and a GAMMA route whose parent is a Service.
// Some routes are refused on purpose, one for each reason a controller reports.
const backend = (name: string, ip: string, app: string, namespace: string, containerPort: number) =>
  appPod(name, ip, app, { namespace, ports: [{ name: 'http', containerPort }] });
const service = (name: string, namespace: string, clusterIP: string, port: number) => ({
  name, namespace, clusterIP, selector: { app: name }, ports: [{ name: port === 9090 ? 'grpc' : port === 443 ? 'https' : port === 5432 ? 'postgres' : 'http', port, targetPort: 'http' }],
});
const edge = (sectionName?: string) => ({ name: 'edge', namespace: 'infra', ...(sectionName ? { sectionName } : {}) });

export default defineCluster({
  title: 'Gateway API',
  description:
    'Gateway infra/edge, served by the proxy pod edge-proxy-1 behind a LoadBalancer Service at 203.0.113.20, has listeners http (80), https-shop (443, shop.example.com), https-wildcard (443, *.example.com) and tls-db (5432, *.db.example.com, passthrough); HTTPRoutes, a GRPCRoute and a TLSRoute from namespaces shop, billing and marketing attach to them, or are refused with the reason a controller reports.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  namespaces: [
    { name: 'infra' },
    { name: 'shop', labels: { 'gateway-access': 'edge' } },
    { name: 'billing' },
    { name: 'marketing' },
  ],
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      corednsPod('coredns-1', '10.244.0.2'),
      {
        name: 'edge-proxy-1',
        namespace: 'infra',
        ip: '10.244.0.3',
        labels: { 'gateway.networking.k8s.io/gateway-name': 'edge' },
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'https', containerPort: 8443 },
          { name: 'postgres', containerPort: 5432 },
        ],
      },
      backend('payments-1', '10.244.0.4', 'payments', 'billing', 8443),
      backend('ledger-1', '10.244.0.5', 'ledger', 'billing', 8080),
      backend('postgres-1', '10.244.0.6', 'postgres', 'billing', 5432),
    ]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      backend('web-1', '10.244.1.2', 'web', 'shop', 8080),
      backend('api-1', '10.244.1.3', 'api', 'shop', 9000),
      backend('api-v2-1', '10.244.1.4', 'api-v2', 'shop', 9000),
      backend('catalog-1', '10.244.1.5', 'catalog', 'shop', 9090),
      backend('catalog-next-1', '10.244.1.6', 'catalog-next', 'shop', 9090),
      backend('blog-1', '10.244.1.7', 'blog', 'marketing', 8080),
    ]),
  ],
  services: [
    {
      name: 'edge-proxy',
      namespace: 'infra',
      type: 'LoadBalancer',
      clusterIP: '10.96.0.50',
      loadBalancerIP: '203.0.113.20',
      selector: { 'gateway.networking.k8s.io/gateway-name': 'edge' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'https', port: 443, targetPort: 'https', nodePort: 30443 },
        { name: 'postgres', port: 5432, targetPort: 'postgres', nodePort: 30432 },
      ],
    },
    service('web', 'shop', '10.96.0.20', 80),
    service('api', 'shop', '10.96.0.21', 80),
    service('api-v2', 'shop', '10.96.0.22', 80),
    service('catalog', 'shop', '10.96.0.23', 9090),
    service('catalog-next', 'shop', '10.96.0.24', 9090),
    service('payments', 'billing', '10.96.0.30', 443),
    service('ledger', 'billing', '10.96.0.31', 80),
    service('postgres', 'billing', '10.96.0.32', 5432),
    service('blog', 'marketing', '10.96.0.40', 80),
  ],
  gatewayApi: {
    gateways: [
      {
        name: 'edge',
        namespace: 'infra',
        gatewayClassName: 'example',
        listeners: [
          { name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { from: 'Selector', selector: { matchLabels: { 'gateway-access': 'edge' } } } },
          { name: 'https-shop', protocol: 'HTTPS', port: 443, hostname: 'shop.example.com', certificateRefs: ['shop-example-com'], allowedRoutes: { from: 'Selector', selector: { matchLabels: { 'gateway-access': 'edge' } } } },
          { name: 'https-wildcard', protocol: 'HTTPS', port: 443, hostname: '*.example.com', certificateRefs: ['wildcard-example-com'], allowedRoutes: { from: 'All' } },
          {
            name: 'tls-db',
            protocol: 'TLS',
            port: 5432,
            hostname: '*.db.example.com',
            tlsMode: 'Passthrough',
            allowedRoutes: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'billing' } }, kinds: ['TLSRoute'] },
          },
        ],
      },
    ],
    httpRoutes: [
      {
        name: 'storefront',
        namespace: 'shop',
        creationTimestamp: '2026-01-10T09:00:00Z',
        parentRefs: [edge('https-shop')],
        hostnames: ['shop.example.com'],
        rules: [
          { backendRefs: [{ name: 'web', port: 80 }] },
          { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 80 }] },
          { matches: [{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'x-canary', value: 'always' }] }], backendRefs: [{ name: 'api-v2', port: 80 }] },
        ],
      },
      {
        name: 'checkout',
        namespace: 'shop',
        creationTimestamp: '2026-01-12T09:00:00Z',
        parentRefs: [edge('https-shop')],
        hostnames: ['shop.example.com'],
        rules: [{ matches: [{ path: { type: 'Exact', value: '/checkout' }, method: 'POST' }], backendRefs: [{ name: 'payments', namespace: 'billing', port: 443 }] }],
      },
      {
        name: 'promo',
        namespace: 'shop',
        creationTimestamp: '2026-02-01T09:00:00Z',
        parentRefs: [edge()],
        hostnames: ['*.example.com'],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/promo' } }], backendRefs: [{ name: 'web', port: 80 }] }],
      },
      {
        name: 'reports',
        namespace: 'shop',
        creationTimestamp: '2026-02-03T09:00:00Z',
        parentRefs: [edge('https-wildcard')],
        hostnames: ['reports.example.com'],
        rules: [{ backendRefs: [{ name: 'ledger', namespace: 'billing', port: 80 }] }],
      },
      {
        name: 'blog',
        namespace: 'marketing',
        creationTimestamp: '2026-02-05T09:00:00Z',
        parentRefs: [edge('https-shop')],
        hostnames: ['shop.example.com'],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/blog' } }], backendRefs: [{ name: 'blog', port: 80 }] }],
      },
      {
        name: 'legacy',
        namespace: 'shop',
        creationTimestamp: '2026-02-07T09:00:00Z',
        parentRefs: [edge('https-shop')],
        hostnames: ['shop.example.net'],
        rules: [{ backendRefs: [{ name: 'web', port: 80 }] }],
      },
      {
        name: 'admin',
        namespace: 'shop',
        creationTimestamp: '2026-02-09T09:00:00Z',
        parentRefs: [edge('admin')],
        rules: [{ backendRefs: [{ name: 'web', port: 80 }] }],
      },
      {
        // GAMMA: the parent is the Service api itself; a mesh applies the rules to calls to it.
        name: 'api-canary',
        namespace: 'shop',
        creationTimestamp: '2026-02-11T09:00:00Z',
        parentRefs: [{ kind: 'Service', name: 'api', port: 80 }],
        rules: [
          { matches: [{ headers: [{ name: 'x-version', value: 'v2' }] }], backendRefs: [{ name: 'api-v2', port: 80 }] },
          { backendRefs: [{ name: 'api', port: 80, weight: 90 }, { name: 'api-v2', port: 80, weight: 10 }] },
        ],
      },
    ],
    grpcRoutes: [
      {
        name: 'catalog',
        namespace: 'shop',
        creationTimestamp: '2026-01-20T09:00:00Z',
        parentRefs: [edge('https-wildcard')],
        hostnames: ['grpc.example.com'],
        rules: [
          { matches: [{ method: { service: 'shop.v1.Catalog' } }], backendRefs: [{ name: 'catalog', port: 9090 }] },
          { matches: [{ method: { service: 'shop.v1.Catalog', method: 'ListItems' } }], backendRefs: [{ name: 'catalog-next', port: 9090 }] },
        ],
      },
    ],
    tlsRoutes: [
      {
        name: 'postgres',
        namespace: 'billing',
        creationTimestamp: '2026-01-25T09:00:00Z',
        parentRefs: [edge('tls-db')],
        hostnames: ['pg.db.example.com'],
        rules: [{ backendRefs: [{ name: 'postgres', port: 5432 }] }],
      },
    ],
    referenceGrants: [
      { name: 'shop-to-payments', namespace: 'billing', from: [{ kind: 'HTTPRoute', namespace: 'shop' }], to: [{ kind: 'Service', name: 'payments' }] },
    ],
    backendTlsPolicies: [
      { name: 'payments-tls', namespace: 'billing', targetRefs: [{ kind: 'Service', name: 'payments' }], hostname: 'payments.billing.internal', caCertificateRefs: ['payments-ca'] },
    ],
  },
});
