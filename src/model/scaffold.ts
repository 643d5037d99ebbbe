/**
 * The starting text of a new `diagrams/NAME.ts`: a small valid cluster to edit.
 */
import { isDns1123Label } from './names.ts';

/** Why `name` cannot name a new diagram, or undefined when it can. */
export function diagramNameProblem(name: string | undefined): string | undefined {
  if (!name) return 'give a name: npm run new:diagram -- my-cluster';
  if (!isDns1123Label(name)) return `"${name}" is not a DNS-1123 label: use lower-case letters, digits and '-', e.g. my-cluster`;
  return undefined;
}

/** Source of a valid two-node flannel cluster for `diagrams/<name>.ts`; the file name is the cluster's name. */
export function scaffoldDefinition(name: string): string {
  return `import { appPod, controlPlaneNode, defineCluster, node } from '../src/model/index.ts';

// The cluster "${name}" (its file name): a page shows it with <ClusterDiagram cluster="${name}" view="topology" />.
// Describe it the way you would draw it: nodes contain their pods, a Service names its selector.
export default defineCluster({
  title: 'TODO: a short title',
  description: 'TODO: one or two sentences on what this cluster shows.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [appPod('web-1', '10.244.0.2', 'web')]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [appPod('web-2', '10.244.1.2', 'web')]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
`;
}
