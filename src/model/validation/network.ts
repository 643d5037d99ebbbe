/**
 * The address ranges and the cluster domain: each range well-formed, and the three disjoint,
 * or a packet's destination would be ambiguous.
 */
import { cidrsOverlap, isCidr } from '../../net/cidr.ts';
import { networkPlugin } from '../../plugins/index.ts';
import { isDns1123Subdomain } from '../names.ts';
import type { Cluster } from '../types.ts';
import { checkCidrField, quote, type Ranges, type Report } from './fields.ts';

type SingleRange = 'nodeCIDR' | 'clusterCIDR' | 'serviceCIDR';
const RANGE_NAMES: Record<SingleRange, string> = { nodeCIDR: 'node network', clusterCIDR: 'cluster CIDR', serviceCIDR: 'service CIDR' };

// Each pair, with how the hint names the second range.
const DISJOINT_PAIRS: Array<[SingleRange, SingleRange, string]> = [
  ['nodeCIDR', 'clusterCIDR', 'the pod network'],
  ['nodeCIDR', 'serviceCIDR', 'the service network'],
  ['clusterCIDR', 'serviceCIDR', 'the service network'],
];

/** Checks `network` and returns the ranges that are valid, for the checks that compare with them. */
export function checkNetwork(cluster: Cluster, r: Report): Ranges {
  const n = cluster.network;
  const ranges: Ranges = {};
  for (const key of ['nodeCIDR', 'clusterCIDR', 'serviceCIDR'] as const) {
    if (checkCidrField(r, `network.${key}`, n[key], RANGE_NAMES[key])) ranges[key] = n[key];
  }
  if (ranges.serviceCIDR) ranges.serviceCIDRs = [ranges.serviceCIDR, ...(n.serviceCIDRs ?? []).slice(1).filter(isCidr)];
  if (!isDns1123Subdomain(n.clusterDomain)) {
    r.error(
      'network.clusterDomain',
      `cluster domain ${quote(n.clusterDomain)} is not a DNS-1123 subdomain`,
      "use lower-case labels separated by dots, e.g. 'cluster.local'",
    );
  }
  for (const [a, b, other] of DISJOINT_PAIRS) {
    const ra = ranges[a];
    const rb = ranges[b];
    if (ra && rb && cidrsOverlap(ra, rb)) {
      const note = b === 'clusterCIDR' ? networkPlugin(cluster.plugin).clusterCIDRNote : '';
      const hint = `pick disjoint ranges; ${other} must not share addresses with the ${RANGE_NAMES[a]}${note}`;
      r.error(`network.${b}`, `${RANGE_NAMES[b]} ${rb} overlaps the ${RANGE_NAMES[a]} ${ra}`, hint);
    }
  }
  return ranges;
}
