/**
 * The Gateway attachment view's phone variant: the same listeners and routes as
 * `gatewayAttachmentView` (gateway-view.ts), laid out to fit a ~340 px phone column at 70% scale
 * (figure.ts), i.e. <= ~480 px natural width. The desktop picture is two columns, routes and
 * listeners, with an edge per attachment running between them; with several routes per listener
 * the edges need lanes of their own and the picture grows to ~750-800 px. So here:
 * - accepted routes: a group per listener, holding the routes attached to it, groups and routes
 *   stacked one under another (no edges). A route attached to several listeners is in each group;
 * - refused routes: the routes one under another above the Gateway, each with a dashed edge to the
 *   listener it named (or the Gateway, naming none that exists), as on the desktop;
 * - the namespace, a group on the desktop, is a line of each route.
 * Nothing is dropped: every label of the desktop view is in this one too.
 */
import type { Cluster } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { gatewayAttachments, gatewayGroupId, listenerId, listenerLines, refusedTarget, routeId, routeLines } from './gateway-view.ts';

/** Lines of a route's box: the desktop lines with the namespace after the kind and name. */
function phoneRouteLines(...[s, which]: Parameters<typeof routeLines>): string[] {
  const [head, ...rest] = routeLines(s, which);
  return [head!, `namespace ${s.route.namespace}`, ...rest];
}

/** Mermaid source of the phone variant of `gatewayAttachmentView(cluster, ref, which)`. */
export function gatewayAttachmentPhoneView(cluster: Cluster, ref: string, which: 'accepted' | 'refused'): string {
  const { gateway, statuses } = gatewayAttachments(cluster, ref, which);
  const chart = new FlowchartBuilder('TB');
  const title = `Gateway ${gateway.namespace}/${gateway.name}`;
  if (which === 'accepted') {
    chart.subgraph(gatewayGroupId(gateway), title, () => {
      let above: string | undefined;
      for (const l of gateway.listeners) {
        const attached = statuses.filter((s) => s.attached.some((a) => a.listener === l.name));
        const group = listenerId(gateway, l.name);
        if (attached.length === 0) {
          chart.node(group, listenerLines(l), 'rect');
        } else {
          chart.subgraph(group, listenerLines(l), () => {
            // A route may sit in several groups: its id carries the listener.
            const ids = attached.map((s) => chart.node(mermaidId('route', `${routeId(s)}-${l.name}`), phoneRouteLines(s, which), 'round'));
            // Invisible links stack the routes one under another.
            ids.slice(1).forEach((id, i) => chart.edge(ids[i]!, id, undefined, 'invisible'));
          }, 'TB');
        }
        if (above) chart.edge(above, group, undefined, 'invisible');
        above = group;
      }
    }, 'TB');
    return chart.toString();
  }
  statuses.forEach((s, i) => {
    chart.node(routeId(s), phoneRouteLines(s, which), 'round');
    if (i > 0) chart.edge(routeId(statuses[i - 1]!), routeId(s), undefined, 'invisible');
  });
  const named = new Set(statuses.map((s) => s.route.parentRefs[s.parentIndex]?.sectionName));
  chart.subgraph(gatewayGroupId(gateway), title, () => {
    for (const l of gateway.listeners.filter((x) => named.has(x.name))) chart.node(listenerId(gateway, l.name), listenerLines(l), 'rect');
  });
  for (const s of statuses) chart.edge(routeId(s), refusedTarget(gateway, s), undefined, 'dashed');
  return chart.toString();
}
