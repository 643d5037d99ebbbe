/**
 * The shape TypeScript would check in an editor. Definitions are loaded at run time, so a file
 * with type errors still gets a readable report instead of a crash.
 */
import { PLUGIN_MODULES, exampleSpec, pluginModule } from '../../plugins/index.ts';
import type { ClusterInput } from '../types.ts';
import { quote, type Report } from './fields.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function checkPlugin(plugin: unknown, r: Report): boolean {
  const module = isObject(plugin) ? pluginModule(plugin.name) : undefined;
  if (!isObject(plugin) || !module) {
    const known = alternatives(PLUGIN_MODULES.map(exampleSpec));
    r.error('plugin', `plugin ${quote(isObject(plugin) ? plugin.name : plugin)} is not a known network plugin`, `use ${known}`);
    return false;
  }
  const mode = module.mode;
  if (mode && !mode.values.includes(plugin[mode.field] as string)) {
    const message = `${module.name} ${mode.field} ${quote(plugin[mode.field])} is not one of ${mode.values.join(', ')}`;
    r.error(`plugin.${mode.field}`, message, `set ${mode.field}: '${mode.values[0]}'`);
    return false;
  }
  return true;
}

function checkNodeShapes(nodes: unknown[], r: Report): boolean {
  let ok = true;
  nodes.forEach((node: unknown, i: number) => {
    if (!isObject(node)) {
      r.error(`nodes[${i}]`, 'a node must be an object', 'write { name, ip, podCIDR, pods }');
      ok = false;
    } else if (node.pods !== undefined && !Array.isArray(node.pods)) {
      r.error(`nodes[${i}].pods`, 'pods must be an array', 'write pods: [{ ... }]');
      ok = false;
    } else {
      (node.pods as unknown[] | undefined)?.forEach((pod, j) => {
        if (!isObject(pod) || typeof pod.name !== 'string') {
          r.error(`nodes[${i}].pods[${j}]`, 'a pod must be an object with a name', "write { name: 'web-1', ip: '...' }");
          ok = false;
        }
      });
    }
  });
  return ok;
}

/** Reports what is too broken to resolve; returns false when validation cannot go on. */
export function checkShape(input: unknown, r: Report): input is ClusterInput {
  if (!isObject(input)) {
    r.error('', 'the default export is not a cluster definition', 'write `export default defineCluster({ ... })`');
    return false;
  }
  let ok = true;
  for (const key of ['title', 'description'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') r.error(key, `${key} is missing or not a string`, `add ${key}: '...'`);
  }
  if (!isObject(input.network)) {
    r.error('network', 'network is missing', "add network: { nodeCIDR: '192.168.1.0/24' }");
    ok = false;
  }
  if (!checkPlugin(input.plugin, r)) ok = false;
  if (!Array.isArray(input.nodes) || input.nodes.length === 0) {
    const example = "add nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [...] }]";
    r.error('nodes', 'a cluster needs at least one node', example);
    return false;
  }
  if (!checkNodeShapes(input.nodes, r)) ok = false;
  if (input.httpRoutes !== undefined) {
    // The top-level `httpRoutes` sketch was folded into the Gateway API block.
    const hint = "move each route to gatewayApi.httpRoutes, e.g. { name: 'shop', parentRefs: [{ name: 'shop-gateway' }], hostnames: ['shop.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] }] }, and its Gateway to gatewayApi.gateways";
    r.error('httpRoutes', 'httpRoutes is not a top-level field: HTTPRoutes belong to gatewayApi.httpRoutes', hint);
    ok = false;
  }
  for (const key of ['services', 'ingressClasses', 'ingresses', 'networkPolicies', 'clusterNetworkPolicies', 'namespaces', 'endpointSlices'] as const) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => !isObject(item))) {
      r.error(key, `${key} must be an array of objects`, `write ${key}: [{ ... }]`);
      ok = false;
    }
  }
  return ok;
}
