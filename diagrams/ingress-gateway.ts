import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// North-south traffic: an ingress controller behind a NodePort Service routes by host and path,
// from an Ingress and from a Gateway API HTTPRoute, to ClusterIP Services and their pods.
export default defineCluster({
  title: 'Ingress and Gateway API',
  description:
    'An ingress controller in namespace ingress, exposed as NodePort 30080 on every node, routes shop.example.com/ to Service web and shop.example.com/api to Service api; an HTTPRoute attached to Gateway shop-gateway routes the same paths.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      // This example's CoreDNS pod has always run with ClusterFirst (kubeadm's uses Default).
      corednsPod('coredns-1', '10.244.0.2', { dnsPolicy: 'ClusterFirst' }),
      {
        name: 'ingress-controller-1',
        namespace: 'ingress',
        ip: '10.244.0.3',
        labels: { 'app.kubernetes.io/name': 'ingress-controller' },
        ports: [
          { name: 'http', containerPort: 80 },
          { name: 'https', containerPort: 443 },
        ],
      },
    ]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      appPod('web-1', '10.244.1.2', 'web', { ports: [{ name: 'http', containerPort: 8080 }] }),
      appPod('api-1', '10.244.1.3', 'api', { ports: [{ name: 'http', containerPort: 9000 }] }),
    ]),
  ],
  services: [
    {
      name: 'ingress-controller',
      namespace: 'ingress',
      type: 'NodePort',
      clusterIP: '10.96.0.50',
      selector: { 'app.kubernetes.io/name': 'ingress-controller' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
        { name: 'https', port: 443, targetPort: 'https', nodePort: 30443 },
      ],
    },
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    { name: 'api', clusterIP: '10.96.0.21', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  ],
  ingressClasses: [{ name: 'example', controller: 'example.com/ingress-controller', isDefaultClass: true }],
  ingresses: [
    {
      name: 'shop',
      ingressClassName: 'example',
      controllerService: 'ingress/ingress-controller',
      rules: [
        { host: 'shop.example.com', path: '/', pathType: 'Prefix', backend: { service: 'web', port: 80 } },
        { host: 'shop.example.com', path: '/api', pathType: 'Prefix', backend: { service: 'api', port: 80 } },
      ],
    },
  ],
  gatewayApi: {
    gatewayClasses: [{ name: 'example', controllerName: 'example.com/gateway-controller' }],
    gateways: [
      {
        name: 'shop-gateway',
        gatewayClassName: 'example',
        listeners: [{ name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { from: 'Same' } }],
      },
    ],
    httpRoutes: [
      {
        name: 'shop',
        parentRefs: [{ name: 'shop-gateway' }],
        hostnames: ['shop.example.com'],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] },
          { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 80 }] },
        ],
      },
    ],
  },
});
