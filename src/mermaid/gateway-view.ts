/**
 * Gateway API views, drawn from the attachment status (src/derive/gateway-attachment.ts):
 *
 * - `gatewayAttachmentView`: a Gateway's listeners and the routes whose parentRefs name it, routes
 *   grouped by namespace; a solid edge per listener a route attached to, a dashed edge labelled
 *   with the upstream reason for a route that was refused. `which` keeps the picture small: the
 *   accepted routes, or the refused ones.
 * - `meshRouteView`: GAMMA, a route whose parent is a Service, and where its rules send the
 *   traffic addressed to that Service.
 */
import { isParent, routeParentStatuses, type RouteParentStatus } from '../derive/gateway-attachment.ts';
import type { Cluster } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { wrapText } from './labels.ts';

type Gateway = NonNullable<Cluster['gatewayApi']>['gateways'][number];
type Listener = Gateway['listeners'][number];

/** Characters per line of a GAMMA rule's edge label: ~100 px, so the view fits a phone column. */
export const MESH_LABEL_WIDTH = 12;

/** Mermaid source and words for one view. */
export interface GatewayGraph {
  /** Mermaid flowchart source. */
  mermaid: string;
  /** Plain-language description (accessible description and search text). */
  description: string;
  /** Caption. */
  title: string;
}

function splitRef(ref: string): [string, string] {
  const [a, b] = ref.includes('/') ? ref.split('/') : ['default', ref];
  return [a!, b!];
}

/** A Gateway and the routes that name it as a parent, accepted or refused: what both layouts draw. */
export interface GatewayAttachments {
  gateway: Gateway;
  statuses: RouteParentStatus[];
}

/** Gateway `ref` ("namespace/name") of `cluster` and its routes that are `which`; throws naming the Gateway when there is none. */
export function gatewayAttachments(cluster: Cluster, ref: string, which: 'accepted' | 'refused'): GatewayAttachments {
  const [namespace, name] = splitRef(ref);
  const gateway = cluster.gatewayApi?.gateways.find((g) => g.namespace === namespace && g.name === name);
  if (!gateway) throw new Error(`Cluster "${cluster.name}" has no Gateway "${ref}".`);
  const statuses = routeParentStatuses(cluster).filter(
    (s) => isParent(s, 'Gateway', namespace, name) && s.parentFound && (s.conditions[0]?.status === 'True') === (which === 'accepted'),
  );
  return { gateway, statuses };
}

/** Id of a route's box. */
export const routeId = (s: RouteParentStatus) => mermaidId('route', `${s.route.kind}-${s.route.namespace}-${s.route.name}`);

/** Id of a listener's box. */
export const listenerId = (gateway: Gateway, listener: string) => mermaidId('listener', `${gateway.name}-${listener}`);

/** Id of a Gateway's group. */
export const gatewayGroupId = (gateway: Gateway) => mermaidId('gw', `${gateway.namespace}-${gateway.name}`);

/** A route's lines: kind and name, host names, and with `which` refused the reason. */
export function routeLines(s: RouteParentStatus, which: 'accepted' | 'refused'): string[] {
  const reason = which === 'refused' ? [`refused: ${s.conditions[0]!.reason}`] : [];
  return [`${s.route.kind} ${s.route.name}`, (s.route.hostnames ?? []).join(', ') || 'any host', ...reason];
}

/** A listener's lines: name, protocol and port, host name. */
export function listenerLines(l: Listener): string[] {
  return [l.name, `${l.protocol} ${l.port}`, l.hostname ?? 'any host'];
}

/** The listeners a refused route points at: the one its parentRef names, or the Gateway when it names none that exists. */
export function refusedTarget(gateway: Gateway, s: RouteParentStatus): string {
  const section = s.route.parentRefs[s.parentIndex]?.sectionName;
  return section && gateway.listeners.some((l) => l.name === section) ? listenerId(gateway, section) : gatewayGroupId(gateway);
}

/** The listeners of Gateway `ref` and the routes that name it, accepted or refused. */
export function gatewayAttachmentView(cluster: Cluster, ref: string, which: 'accepted' | 'refused'): GatewayGraph {
  const { gateway, statuses } = gatewayAttachments(cluster, ref, which);
  const chart = new FlowchartBuilder('LR');
  for (const ns of [...new Set(statuses.map((s) => s.route.namespace))]) {
    chart.subgraph(mermaidId('ns', ns), `namespace ${ns}`, () => {
      for (const s of statuses.filter((x) => x.route.namespace === ns)) {
        // A refused route carries its reason: an edge label would widen the picture sideways.
        chart.node(routeId(s), routeLines(s, which), 'round');
      }
    });
  }
  chart.subgraph(gatewayGroupId(gateway), `Gateway ${gateway.namespace}/${gateway.name}`, () => {
    // Refused routes point at the listeners they named; the others would only widen the picture.
    const named = new Set(statuses.map((s) => s.route.parentRefs[s.parentIndex]?.sectionName));
    const shown = which === 'accepted' ? gateway.listeners : gateway.listeners.filter((l) => named.has(l.name));
    for (const l of shown) chart.node(listenerId(gateway, l.name), listenerLines(l), 'rect');
  });
  const words: string[] = [];
  for (const s of statuses) {
    if (which === 'accepted') {
      // No edge labels: in a left-to-right chart they widen every rank. The words and the
      // attachment table give the host names served on each listener.
      for (const a of s.attached) chart.edge(routeId(s), listenerId(gateway, a.listener));
      words.push(`${s.routeRef} attaches to ${s.attached.map((a) => `${a.listener} for ${a.hostnames?.join(' and ') ?? 'any host'}`).join('; ')}`);
    } else {
      const reason = s.conditions[0]!.reason;
      chart.edge(routeId(s), refusedTarget(gateway, s), undefined, 'dashed');
      words.push(`${s.routeRef} is refused with ${reason}: ${s.conditions[0]!.message}`);
    }
  }
  const title = `Gateway ${gateway.namespace}/${gateway.name}: ${which === 'accepted' ? 'routes and the listeners they attach to' : 'routes that are refused, and why'}`;
  const description = words.length ? `${words.join('. ')}.` : `No route is ${which}.`;
  return { mermaid: chart.toString(), description, title };
}

/** A GAMMA route's Service parent and where its rules send calls to that Service. */
export function meshRouteView(cluster: Cluster, serviceRef: string): GatewayGraph {
  const [namespace, name] = splitRef(serviceRef);
  const statuses = routeParentStatuses(cluster).filter((s) => isParent(s, 'Service', namespace, name) && s.conditions[0]?.status === 'True');
  if (statuses.length === 0) throw new Error(`Cluster "${cluster.name}": no route is attached to Service "${serviceRef}".`);
  const chart = new FlowchartBuilder('TB');
  const parentId = mermaidId('svc', `${namespace}-${name}`);
  chart.node(mermaidId('client', 'client'), ['client pod', `calls ${name}.${namespace}`], 'round');
  chart.node(parentId, [`Service ${name}`, 'parentRef of the route'], 'hexagon');
  chart.edge(mermaidId('client', 'client'), parentId, 'HTTP');
  const words: string[] = [];
  const backendIds = new Map<string, string>();
  for (const s of statuses) {
    const rid = routeId(s);
    chart.node(rid, [`${s.route.kind} ${s.route.name}`, `namespace ${s.route.namespace}`], 'round');
    chart.edge(parentId, rid, 'mesh applies', 'dashed');
    s.route.rules.forEach((rule, k) => {
      const matches = s.route.kind === 'HTTPRoute' ? s.route.rules[k]!.matches ?? [] : [];
      const when = matches.length ? matches.map((m) => (m.headers ?? []).map((h) => `${h.name}: ${h.value}`).join(' and ') || m.path?.value || 'any').join(' or ') : 'otherwise';
      const total = rule.backendRefs.reduce((sum, b) => sum + (b.weight ?? 1), 0);
      for (const b of rule.backendRefs) {
        const key = `${b.namespace ?? s.route.namespace}/${b.name}`;
        if (!backendIds.has(key)) {
          backendIds.set(key, mermaidId('backend', key));
          chart.node(backendIds.get(key)!, [`Service ${b.name}`, `port ${b.port}`], 'rect');
        }
        const share = total ? Math.round(((b.weight ?? 1) / total) * 100) : 0;
        // Wrapped: the edges leave the route side by side, each as wide as its label.
        chart.edge(rid, backendIds.get(key)!, wrapText(`rule ${k + 1}: ${when}${rule.backendRefs.length > 1 ? `, ${share}%` : ''}`, MESH_LABEL_WIDTH));
        words.push(`rule ${k + 1} of ${s.routeRef} sends ${when === 'otherwise' ? 'the other calls' : `calls with ${when}`} to ${b.name}${rule.backendRefs.length > 1 ? ` (${share}%)` : ''}`);
      }
    });
  }
  return {
    mermaid: chart.toString(),
    description: `Calls to Service ${namespace}/${name} follow the route attached to it: ${words.join('; ')}.`,
    title: `GAMMA: routes whose parent is Service ${namespace}/${name}`,
  };
}
