/**
 * `tsx bench/import.ts [-- --pods 2000 --services 500 --runs 5]`: how long the import of a large
 * `kubectl get nodes,namespaces,pods,services,endpointslices,networkpolicies -A -o json` takes.
 *
 * Generates a synthetic dump (10 nodes, 20 namespaces, one Deployment-like group of pods per
 * Service, an EndpointSlice per Service, a default deny plus an allow rule per namespace), then
 * times `importCluster` (parse + read + the model's validation) on the JSON text and once on the
 * YAML form, and a NetworkPolicy matrix summary. Not a test: it prints figures, it asserts nothing.
 *
 * The matrix is computed over pod classes (same namespace, labels and ports): with selector-only
 * policies, as generated here, every pod of a class gets the same verdicts, so the class matrix
 * is the pod matrix folded. (An ipBlock peer would break that, because it matches pod IPs.)
 * Times are wall clock and CPU (user + system): the machines are shared, and CPU time is the
 * steadier of the two.
 */
import { parseAllDocuments, stringify } from 'yaml';
import { connectionVerdict, probesFor } from '../src/derive/network-policy.ts';
import { importCluster, type ImportResult } from '../src/import/index.ts';
import type { Pod } from '../src/model/types.ts';
import { validateCluster } from '../src/model/validate.ts';

type Json = Record<string, unknown>;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback;
  if (!(value >= 1)) throw new Error(`--${name} needs a positive number`);
  return value;
}

const NODES = 10;
const NAMESPACES = 20;

/** The synthetic dump as a `kind: List`. */
function generateDump(podCount: number, serviceCount: number): Json {
  const items: Json[] = [];
  const nodeName = (i: number) => `node-${i + 1}`;
  for (let i = 0; i < NODES; i++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: nodeName(i), labels: { 'kubernetes.io/hostname': nodeName(i), ...(i === 0 ? { 'node-role.kubernetes.io/control-plane': '' } : {}) }, annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan' } },
      spec: { podCIDR: `10.244.${i}.0/24`, podCIDRs: [`10.244.${i}.0/24`] },
      status: { addresses: [{ type: 'InternalIP', address: `192.168.10.${11 + i}` }, { type: 'Hostname', address: nodeName(i) }] },
    });
  }
  const namespace = (i: number) => `team-${(i % NAMESPACES) + 1}`;
  for (let i = 0; i < NAMESPACES; i++) items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace(i), labels: { 'kubernetes.io/metadata.name': namespace(i), tier: i % 2 ? 'backend' : 'frontend' } } });
  const podsOnNode = new Array<number>(NODES).fill(1); // .1 is the bridge
  const podsPerService = Math.max(1, Math.floor(podCount / serviceCount));
  const slices: Json[] = [];
  let pod = 0;
  for (let s = 0; s < serviceCount; s++) {
    const ns = namespace(s);
    const app = `app-${s + 1}`;
    const endpoints: Json[] = [];
    const replicas = s === serviceCount - 1 ? podCount - pod : podsPerService;
    for (let r = 0; r < replicas; r++, pod++) {
      const n = pod % NODES;
      const ip = `10.244.${n}.${++podsOnNode[n]!}`;
      const name = `${app}-7d9f8c6b5-${String(r).padStart(5, '0')}`;
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: ns, labels: { app, 'pod-template-hash': '7d9f8c6b5' }, ownerReferences: [{ kind: 'ReplicaSet', name: `${app}-7d9f8c6b5`, controller: true }] },
        spec: { nodeName: nodeName(n), containers: [{ name: 'main', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }], dnsPolicy: 'ClusterFirst' },
        status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] },
      });
      endpoints.push({ addresses: [ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: nodeName(n), targetRef: { kind: 'Pod', namespace: ns, name } });
    }
    const clusterIP = `10.96.${Math.floor((s + 20) / 250)}.${((s + 20) % 250) + 1}`;
    items.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app, namespace: ns },
      spec: { type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], ipFamilies: ['IPv4'], selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
    });
    slices.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', metadata: { name: `${app}-x1`, namespace: ns, labels: { 'kubernetes.io/service-name': app } }, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], endpoints });
  }
  items.push(...slices);
  for (let i = 0; i < NAMESPACES; i++) {
    const ns = namespace(i);
    items.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    items.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'from-frontends', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'frontend' } } }], ports: [{ port: 'http', protocol: 'TCP' }] }] },
    });
  }
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall-clock and CPU time of `work`: on a shared machine the CPU time says more than the wall clock. */
function time<T>(work: () => T): { ms: number; cpuMs: number; value: T } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, value };
}

/** Connections allowed/denied between pod classes, weighted by the pods in each class. */
function matrixSummary(result: ImportResult): { classes: number; pairs: number; allowed: number; denied: number } {
  const pods: Pod[] = result.resolved?.nodes.flatMap((n) => n.pods).filter((p) => !p.hostNetwork) ?? [];
  const classes = new Map<string, Pod[]>();
  for (const pod of pods) {
    const key = JSON.stringify([pod.namespace, pod.labels, pod.ports]);
    classes.set(key, [...(classes.get(key) ?? []), pod]);
  }
  const groups = [...classes.values()];
  let allowed = 0;
  let denied = 0;
  const count = (from: Pod, to: Pod, weight: number): void => {
    const ok = probesFor(to).every((probe) => connectionVerdict(result.resolved!, from, to, probe).allowed);
    if (ok) allowed += weight;
    else denied += weight;
  };
  for (const from of groups) {
    for (const to of groups) {
      if (from !== to) count(from[0]!, to[0]!, from.length * to.length);
      else {
        // Within a class: a pod always reaches itself; two different pods of it share one verdict.
        allowed += from.length;
        if (from.length > 1) count(from[0]!, from[1]!, from.length * (from.length - 1));
      }
    }
  }
  return { classes: groups.length, pairs: pods.length * pods.length, allowed, denied };
}

const podCount = option('pods', 2000);
const serviceCount = option('services', 500);
const runs = option('runs', 5);
const dump = generateDump(podCount, serviceCount);
const json = JSON.stringify(dump, null, 2);
const yaml = stringify(dump);
const mb = (text: string) => `${(text.length / 1e6).toFixed(1)} MB`;

const jsonRuns: number[] = [];
const jsonCpu: number[] = [];
let result: ImportResult | undefined;
for (let i = 0; i <= runs; i++) {
  const run = time(() => importCluster(json));
  // The first run warms the JIT.
  if (i > 0) {
    jsonRuns.push(run.ms);
    jsonCpu.push(run.cpuMs);
  }
  result = run.value;
}
const validation = time(() => validateCluster(result!.cluster, { file: 'imported' }));
const parse = time(() => JSON.parse(json) as unknown);
const yamlRun = time(() => importCluster(yaml));
const yamlParse = time(() => parseAllDocuments(yaml).map((doc) => doc.toJS() as unknown));
const matrix = time(() => matrixSummary(result!));

const errors = result!.validation.filter((d) => d.severity === 'error').length;
const lines = [
  `import benchmark: ${podCount} pods, ${serviceCount} Services, ${NODES} nodes, ${NAMESPACES} namespaces (${dump.items instanceof Array ? dump.items.length : 0} objects)`,
  `  imported: ${JSON.stringify(result!.counts)}; ${result!.errors.length} import errors, ${result!.warnings.length} warnings, ${errors} validation errors`,
  `  JSON  ${mb(json)}: import + validation median ${median(jsonRuns).toFixed(0)} ms wall, ${median(jsonCpu).toFixed(0)} ms CPU over ${runs} runs (wall min ${Math.min(...jsonRuns).toFixed(0)}, max ${Math.max(...jsonRuns).toFixed(0)})`,
  `        of which JSON.parse ${parse.ms.toFixed(0)} ms and the model's validation ${validation.ms.toFixed(0)} ms wall, ${validation.cpuMs.toFixed(0)} ms CPU (one run each)`,
  `  YAML  ${mb(yaml)}: import + validation ${yamlRun.ms.toFixed(0)} ms wall, ${yamlRun.cpuMs.toFixed(0)} ms CPU (one run), of which the yaml package's parse ${yamlParse.ms.toFixed(0)} ms wall`,
  `  policy matrix summary: ${matrix.value.classes} pod classes stand for ${matrix.value.pairs} pod pairs; ${matrix.value.allowed} allowed, ${matrix.value.denied} denied; ${matrix.ms.toFixed(0)} ms wall, ${matrix.cpuMs.toFixed(0)} ms CPU`,
];
process.stdout.write(`${lines.join('\n')}\n`);
