/**
 * The starting text of a new `diagrams/NAME.ts`: a small valid cluster to edit.
 */
import { isDns1123Label } from './names';

/** Why `name` cannot name a new diagram, or undefined when it can. */
export function diagramNameProblem(name: string | undefined): string | undefined {
  if (!name) return 'give a name: npm run new:diagram -- my-cluster';
  if (!isDns1123Label(name)) return `"${name}" is not a DNS-1123 label: use lower-case letters, digits and '-', e.g. my-cluster`;
  return undefined;
}

/** Source of a valid two-node flannel cluster named `name`. */
export function scaffoldDefinition(name: string): string {
  return `import { defineCluster } from '../src/model';

// Describe the cluster the way you would draw it: nodes contain their pods.
export default defineCluster({
  name: '${name}',
  title: 'TODO: a short title',
  description: 'TODO: one or two sentences on what this cluster shows.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '10.244.0.0/24',
      controlPlane: true,
      pods: [{ name: 'web-1', ip: '10.244.0.2', labels: { app: 'web' } }],
    },
    {
      name: 'node-2',
      ip: '192.168.1.12',
      podCIDR: '10.244.1.0/24',
      pods: [{ name: 'web-2', ip: '10.244.1.2', labels: { app: 'web' } }],
    },
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
`;
}
