/**
 * The registry of views: one place that names each view, its title and its generator.
 */
import type { Cluster } from '../model/types';
import { describeServices, describeTopology } from './describe';
import { servicesView } from './services-view';
import { topologyView } from './topology-view';

/** Names of the views every cluster gets. */
export const VIEW_NAMES = ['topology', 'services'] as const;

/** A view name. */
export type ViewName = (typeof VIEW_NAMES)[number];

/** One generated diagram. */
export interface RenderedView {
  /** Cluster name. */
  cluster: string;
  /** View name. */
  view: ViewName;
  /** Caption. */
  title: string;
  /** Plain-language description (accessible description and search text). */
  description: string;
  /** Mermaid source. */
  mermaid: string;
}

const GENERATORS: Record<ViewName, { title: (c: Cluster) => string; mermaid: (c: Cluster) => string; describe: (c: Cluster) => string }> = {
  topology: { title: (c) => `${c.title}: topology`, mermaid: topologyView, describe: describeTopology },
  services: { title: (c) => `${c.title}: Services and kube-proxy`, mermaid: servicesView, describe: describeServices },
};

/** Whether `name` is a known view. */
export function isViewName(name: string): name is ViewName {
  return (VIEW_NAMES as readonly string[]).includes(name);
}

/** Generates one view of a resolved cluster. Pure: runs in Node and in the browser. */
export function renderView(cluster: Cluster, view: ViewName): RenderedView {
  const g = GENERATORS[view];
  return { cluster: cluster.name, view, title: g.title(cluster), description: g.describe(cluster), mermaid: g.mermaid(cluster) };
}

/** Generates every view of a cluster, in `VIEW_NAMES` order. */
export function renderViews(cluster: Cluster): RenderedView[] {
  return VIEW_NAMES.map((view) => renderView(cluster, view));
}
