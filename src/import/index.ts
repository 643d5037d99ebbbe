/**
 * Import of real `kubectl get ... -o json|yaml` output into the cluster model. Pure (no Node
 * APIs): the same module runs in the build, in tests and in the reader's browser.
 */
export { importCluster, type ImportCounts, type ImportOptions, type ImportResult, type ImportSource } from './import.ts';
export { formatIssue, type ImportIssue, type Location } from './issues.ts';
export { formatLocatedDiagnostic, type LocatedDiagnostic } from './source-map.ts';
export type { DetectedPlugin, PluginDetection } from './plugin.ts';
export type { ImportedEndpoint, ImportedEndpointSlice } from './endpoint-slices.ts';
