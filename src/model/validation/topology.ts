/**
 * Traffic distribution: node zones (the `topology.kubernetes.io/zone` label value) and a
 * Service's `spec.trafficDistribution`, as the API server accepts them
 * (pkg/apis/core/validation: supportedServiceTrafficDistribution; label values: IsValidLabelValue).
 */
import { TRAFFIC_DISTRIBUTIONS } from '../enums.ts';
import type { Cluster } from '../types.ts';
import { quote, type Report } from './fields.ts';
import { labelValueProblem } from './labels.ts';

/** Checks every node's zone and every declared Service's trafficDistribution. */
export function checkTopology(cluster: Cluster, r: Report): void {
  cluster.nodes.forEach((node, i) => {
    if (node.zone === undefined) return;
    const problem = labelValueProblem(node.zone);
    if (problem) r.error(`nodes[${i}].zone`, `zone ${quote(node.zone)} ${problem}`, "a zone is a label value, e.g. 'zone-a' or 'us-east-1a'");
  });
  const zoned = cluster.nodes.some((n) => n.zone !== undefined && n.zone !== '');
  // The generated kube-dns Service is last and never has a trafficDistribution.
  cluster.services.forEach((svc, i) => {
    const value = svc.trafficDistribution;
    if (value === undefined) return;
    const at = `services[${i}].trafficDistribution`;
    if (!TRAFFIC_DISTRIBUTIONS.includes(value)) {
      r.error(at, `trafficDistribution ${quote(value)} is not one of ${TRAFFIC_DISTRIBUTIONS.join(', ')}`, "use 'PreferSameZone' or 'PreferSameNode', or leave it out");
    } else if (!zoned && value !== 'PreferSameNode') {
      // trafficdist.go writes a zone hint only for endpoints with a zone: without zones there are no hints.
      r.warning(at, `trafficDistribution ${value} has no effect: no node has a zone`, "give the nodes a zone, e.g. zone: 'zone-a'");
    }
  });
}
