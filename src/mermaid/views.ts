/**
 * The views every cluster gets: one place that names each view, its title and its generator.
 * Views are pure functions of a validated cluster; pages, the gallery and the build's pre-render
 * all call `renderView` on clusters from the registry (src/model/registry.ts).
 */
import type { ClusterRegistry } from '../model/registry.ts';
import type { Cluster } from '../model/types.ts';
import { describeServices, describeTopology } from './describe.ts';
import { servicesPhoneView } from './services-phone-view.ts';
import { servicesView } from './services-view.ts';
import { topologyPhoneView } from './topology-phone-view.ts';
import { topologyView } from './topology-view.ts';

/** Names of the views every cluster gets. */
export const VIEW_NAMES = ['topology', 'services'] as const;

/** A view name. */
export type ViewName = (typeof VIEW_NAMES)[number];

/** One generated diagram. */
export interface RenderedView {
  /** View name. */
  view: ViewName;
  /** Caption. */
  title: string;
  /** Plain-language description (accessible description and search text). */
  description: string;
  /** Mermaid source. */
  mermaid: string;
}

/** What each view shows, as named after the cluster title in its caption and in the gallery's lists. */
export const VIEW_LABELS: Readonly<Record<ViewName, string>> = { topology: 'topology', services: 'Services and kube-proxy' };

interface Generator {
  mermaid: (c: Cluster) => string;
  /** The phone variant: the same content laid out to fit a phone column (see figure.ts). */
  phone: (c: Cluster) => string;
  describe: (c: Cluster) => string;
}

const GENERATORS: Record<ViewName, Generator> = {
  topology: { mermaid: topologyView, phone: topologyPhoneView, describe: describeTopology },
  services: { mermaid: servicesView, phone: servicesPhoneView, describe: describeServices },
};

/** One view of one registered cluster. */
export interface ClusterView extends RenderedView {
  /** Cluster id: the definition's file name without `.ts`. */
  id: string;
  /** The definition file, e.g. `diagrams/flannel-vxlan.ts`. */
  file: string;
  /** Mermaid source of the phone variant (pages show it instead on a narrow screen, see ClusterDiagram.astro). */
  phoneMermaid: string;
}

/** `name` as a view name (pages pass plain strings); throws listing the views when it is none. */
export function toViewName(name: string): ViewName {
  if ((VIEW_NAMES as readonly string[]).includes(name)) return name as ViewName;
  throw new Error(`Unknown view "${name}". Views: ${VIEW_NAMES.join(', ')}.`);
}

/** Where a view comes from, for build errors: `cluster flannel-vxlan, view topology`. */
export function viewContext(id: string, view: ViewName): string {
  return `cluster ${id}, view ${view}`;
}

/** Generates one view of a resolved cluster. Pure: runs in Node and in the browser. */
export function renderView(cluster: Cluster, view: ViewName): RenderedView {
  const g = GENERATORS[view];
  return { view, title: `${cluster.title}: ${VIEW_LABELS[view]}`, description: g.describe(cluster), mermaid: g.mermaid(cluster) };
}

/**
 * Mermaid source of a view's phone variant: the same boxes, laid out to be at most ~480 px wide
 * (what a phone column shows at the least scale a figure takes). Not part of `renderView`: only
 * build-time figures use it, and only for views too wide for a phone.
 */
export function renderPhoneView(cluster: Cluster, view: ViewName): string {
  return GENERATORS[view].phone(cluster);
}

/** Generates every view of a cluster, in `VIEW_NAMES` order. */
export function renderViews(cluster: Cluster): RenderedView[] {
  return VIEW_NAMES.map((view) => renderView(cluster, view));
}

/** Every view of every cluster in the registry, with its phone variant: clusters by id, views in `VIEW_NAMES` order. */
export function registryViews(registry: ClusterRegistry): ClusterView[] {
  return registry.entries().flatMap(({ id, file, cluster }) =>
    renderViews(cluster).map((view) => ({ id, file, ...view, phoneMermaid: renderPhoneView(cluster, view.view) })),
  );
}
