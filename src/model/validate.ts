/**
 * Validation of a cluster definition: one run reports every problem it can find, each with the
 * file, the path inside the definition, what is wrong and a hint. Each area has its own module
 * under ./validation; this runs them in definition order.
 *
 * Checks run on the resolved cluster (defaults applied) but report paths of the definition a
 * person wrote: pods keep their `nodes[i].pods[j]` place and declared Services keep their index
 * (the generated kube-dns Service is reported at `dns`).
 */
import { resolveCluster } from './defaults';
import { DiagnosticCollector, type Diagnostic } from './diagnostics';
import type { Cluster } from './types';
import { checkDns } from './validation/dns';
import { checkLabel, quote, type Report } from './validation/fields';
import { checkNetwork } from './validation/network';
import { checkNodes } from './validation/nodes';
import { checkNamespaces, checkNetworkPolicies } from './validation/policy';
import { checkIngressesAndRoutes } from './validation/routing';
import { checkServices } from './validation/services';
import { checkShape } from './validation/shape';

/** Options of `validateCluster`. */
export interface ValidateOptions {
  /** The definition's file, relative to the repository root (used in messages and for the name rule). */
  file: string;
}

/** The outcome of validating one definition. */
export interface ValidationResult {
  /** Every error and warning, in definition order. */
  diagnostics: Diagnostic[];
  /** The resolved cluster, when the definition had no errors. */
  cluster?: Cluster;
}

function fileStem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[cm]?[jt]s$/, '');
}

function checkClusterName(cluster: Cluster, file: string, r: Report): void {
  checkLabel(r, 'name', cluster.name, 'cluster name');
  const stem = fileStem(file);
  if (cluster.name !== stem) {
    r.error(
      'name',
      `cluster name ${quote(cluster.name)} does not match the file name ${quote(stem)}`,
      `set name: '${stem}' or rename the file to diagrams/${cluster.name}.ts`,
    );
  }
}

/** Validates a definition (the default export of a `diagrams/*.ts` file) and resolves it. */
export function validateCluster(input: unknown, options: ValidateOptions): ValidationResult {
  const r = new DiagnosticCollector(options.file);
  if (!checkShape(input, r)) return { diagnostics: r.diagnostics };
  const cluster = resolveCluster(input);
  checkClusterName(cluster, options.file, r);
  const ranges = checkNetwork(cluster, r);
  checkNamespaces(input, r);
  checkNodes(cluster, ranges, r);
  checkServices(cluster, ranges, r);
  checkDns(cluster, r);
  checkIngressesAndRoutes(cluster, r);
  checkNetworkPolicies(cluster, r);
  const failed = r.diagnostics.some((d) => d.severity === 'error');
  return failed ? { diagnostics: r.diagnostics } : { diagnostics: r.diagnostics, cluster };
}
