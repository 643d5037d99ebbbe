/**
 * The fields of a plugin spec beyond its name and mode, for plugins that have more: Cilium's
 * `tunnelProtocol`, `kubeProxyReplacement` and `routerIPs`. Runs before the cluster is resolved,
 * so a wrong type is reported instead of crashing a derivation.
 */
import { TUNNEL_PROTOCOLS } from '../../plugins/cilium.ts';
import type { ClusterInput } from '../types.ts';
import { checkIpField, quote, type Report } from './fields.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks Cilium's own fields; returns false when they are too broken to resolve the cluster. */
function checkCilium(input: ClusterInput, spec: Record<string, unknown>, r: Report): boolean {
  let ok = true;
  const { tunnelProtocol, kubeProxyReplacement, routerIPs } = spec;
  if (tunnelProtocol !== undefined && !TUNNEL_PROTOCOLS.includes(tunnelProtocol as string)) {
    r.error('plugin.tunnelProtocol', `cilium tunnelProtocol ${quote(tunnelProtocol)} is not one of ${TUNNEL_PROTOCOLS.join(', ')}`, `set tunnelProtocol: '${TUNNEL_PROTOCOLS[0]}'`);
    ok = false;
  } else if (tunnelProtocol !== undefined && spec.routingMode !== 'tunnel') {
    r.error('plugin.tunnelProtocol', `tunnelProtocol ${quote(tunnelProtocol)} only applies with routingMode 'tunnel'`, "remove tunnelProtocol, or set routingMode: 'tunnel'");
  }
  if (kubeProxyReplacement !== undefined && typeof kubeProxyReplacement !== 'boolean') {
    r.error('plugin.kubeProxyReplacement', `kubeProxyReplacement ${quote(kubeProxyReplacement)} is not true or false`, 'write kubeProxyReplacement: true');
    ok = false;
  }
  if (kubeProxyReplacement === true && input.kubeProxyMode !== undefined) {
    r.warning('kubeProxyMode', `kubeProxyMode ${quote(input.kubeProxyMode)} has no effect: with kubeProxyReplacement the cluster runs no kube-proxy`, 'remove kubeProxyMode');
  }
  if (routerIPs !== undefined) {
    if (!isObject(routerIPs)) {
      r.error('plugin.routerIPs', 'routerIPs must map node names to addresses', "write routerIPs: { 'node-1': '10.0.0.1' }");
      return false;
    }
    const nodeNames = Array.isArray(input.nodes) ? input.nodes.map((n) => (isObject(n) ? n.name : undefined)) : [];
    for (const [name, ip] of Object.entries(routerIPs)) {
      const path = `plugin.routerIPs.${name}`;
      if (!checkIpField(r, path, ip, 'router IP')) ok = false;
      if (!nodeNames.includes(name)) {
        r.error(path, `routerIPs names node ${quote(name)}, which the definition does not declare`, `use one of ${nodeNames.map((n) => quote(n)).join(', ')}`);
      }
    }
  }
  return ok;
}

/** Checks the extra fields of `input.plugin` (the name and mode were checked by the shape). */
export function checkPluginSpec(input: ClusterInput, r: Report): boolean {
  const spec: unknown = input.plugin;
  if (!isObject(spec)) return true;
  if (spec.name === 'cilium') return checkCilium(input, spec, r);
  return true;
}
