/**
 * Validation of a cluster definition: one run reports every problem it can find, each with the
 * file, the path inside the definition, what is wrong and a hint. Each area has its own module
 * under ./validation; this runs them in definition order.
 *
 * Checks run on the resolved cluster (defaults applied) but report paths of the definition a
 * person wrote: pods keep their `nodes[i].pods[j]` place and declared Services keep their index
 * (the generated kube-dns Service is reported at `dns`).
 */
import { resolveCluster } from './defaults.ts';
import { DiagnosticCollector, type Diagnostic } from './diagnostics.ts';
import type { Cluster } from './types.ts';
import { checkClusterNetworkPolicies } from './validation/cluster-policy.ts';
import { checkDns } from './validation/dns.ts';
import { checkExternalServices } from './validation/external-services.ts';
import { checkDualStack } from './validation/dual-stack.ts';
import { isDns1123Label, suggestLabel } from './names.ts';
import { quote, type Report } from './validation/fields.ts';
import { checkNetwork } from './validation/network.ts';
import { checkNodes } from './validation/nodes.ts';
import { checkPluginSpec } from './validation/plugin-spec.ts';
import { checkNamespaces, checkNetworkPolicies } from './validation/policy.ts';
import { checkIngresses } from './validation/routing.ts';
import { checkGatewayApi, checkGatewayApiShape } from './validation/gateway-api.ts';
import { checkServices } from './validation/services.ts';
import { checkShape } from './validation/shape.ts';
import { checkTopology } from './validation/topology.ts';

/** Options of `validateCluster`. */
export interface ValidateOptions {
  /** The definition's file, relative to the repository root: named in messages, and its name is the cluster's. */
  file: string;
}

/** The outcome of validating one definition. */
export interface ValidationResult {
  /** Every error and warning, in definition order. */
  diagnostics: Diagnostic[];
  /** The resolved cluster, when the definition had no errors. */
  cluster?: Cluster;
}

/** The cluster's name: the file name without its extension, e.g. `flannel-vxlan` for `diagrams/flannel-vxlan.ts`. */
export function clusterNameOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[cm]?[jt]s$/, '');
}

// Pages name a cluster by its file (`<ClusterDiagram cluster="flannel-vxlan" />`), so the file name is a label.
function checkFileName(file: string, name: string, r: Report): void {
  if (isDns1123Label(name)) return;
  const renamed = `${file.slice(0, file.lastIndexOf('/') + 1)}${suggestLabel(name)}.ts`;
  r.error('', `file name ${quote(name)} is not a DNS-1123 label`, `rename the file to ${renamed}: pages refer to a cluster by its file name`);
}

/** Validates a definition (the default export of a `diagrams/*.ts` file) and resolves it. */
export function validateCluster(input: unknown, options: ValidateOptions): ValidationResult {
  const r = new DiagnosticCollector(options.file);
  if (!checkShape(input, r)) return { diagnostics: r.diagnostics };
  if (!checkPluginSpec(input, r)) return { diagnostics: r.diagnostics };
  if (!checkGatewayApiShape(input, r)) return { diagnostics: r.diagnostics };
  const name = clusterNameOf(options.file);
  checkFileName(options.file, name, r);
  const cluster = resolveCluster(input, name);
  const ranges = checkNetwork(cluster, r);
  checkNamespaces(input, r);
  checkNodes(cluster, ranges, r);
  checkServices(cluster, ranges, r);
  checkExternalServices(cluster, r);
  checkTopology(cluster, r);
  checkDns(cluster, r);
  checkDualStack(cluster, r);
  checkIngresses(cluster, r);
  checkGatewayApi(cluster, r);
  checkNetworkPolicies(cluster, r);
  checkClusterNetworkPolicies(cluster, r);
  const failed = r.diagnostics.some((d) => d.severity === 'error');
  return failed ? { diagnostics: r.diagnostics } : { diagnostics: r.diagnostics, cluster };
}
