/**
 * HTTP routing of Ingresses: their rules, and backends that name a real Service port. (Gateway API
 * routes are checked in gateway-api.ts.)
 */
import { PATH_TYPES } from '../enums.ts';
import { isDns1123Subdomain } from '../names.ts';
import type { BackendRef, Cluster, HttpPathRule } from '../types.ts';
import { checkSubdomain, quote, type Report } from './fields.ts';

function checkBackend(cluster: Cluster, namespace: string, backend: BackendRef, path: string, r: Report): void {
  const service = cluster.services.find((s) => s.namespace === namespace && s.name === backend?.service);
  if (!service) {
    r.error(
      `${path}.service`,
      `backend Service ${quote(backend?.service)} does not exist in namespace ${namespace}`,
      'declare the Service in services, or fix the name',
    );
  } else if (!service.ports.some((p) => p.port === backend.port)) {
    const ports = service.ports.map((p) => p.port).join(', ') || 'none';
    r.error(`${path}.port`, `Service ${service.name} has no port ${quote(backend.port)} (ports: ${ports})`, 'use one of the Service ports, not a targetPort');
  }
}

function checkRules(cluster: Cluster, namespace: string, rules: HttpPathRule[], at: string, r: Report): void {
  if (rules.length === 0) r.error(`${at}.rules`, 'no rules declared', "add rules: [{ path: '/', backend: { service: 'web', port: 80 } }]");
  rules.forEach((rule, k) => {
    const rp = `${at}.rules[${k}]`;
    if (rule.host !== undefined && !isDns1123Subdomain(rule.host.replace(/^\*\./, ''))) {
      r.error(`${rp}.host`, `host ${quote(rule.host)} is not a DNS name`, "use a host such as 'shop.example.com' (a leading '*.' wildcard is allowed)");
    }
    if (typeof rule.path !== 'string' || !rule.path.startsWith('/')) {
      r.error(`${rp}.path`, `path ${quote(rule.path)} does not start with '/'`, "write an absolute path such as '/api'");
    }
    if (rule.pathType !== undefined && !PATH_TYPES.includes(rule.pathType)) {
      r.error(`${rp}.pathType`, `pathType ${quote(rule.pathType)} is not one of ${PATH_TYPES.join(', ')}`, "use 'Prefix' (the default here), 'Exact' or 'ImplementationSpecific'");
    }
    checkBackend(cluster, namespace, rule.backend, `${rp}.backend`, r);
  });
}

function checkIngressController(cluster: Cluster, ing: Cluster['ingresses'][number], at: string, r: Report): void {
  if (ing.controllerService === undefined) return;
  const [ns, name] = ing.controllerService.includes('/') ? ing.controllerService.split('/') : [ing.namespace, ing.controllerService];
  if (!cluster.services.some((s) => s.namespace === ns && s.name === name)) {
    r.error(
      `${at}.controllerService`,
      `controller Service ${quote(ing.controllerService)} does not exist`,
      "declare it in services (e.g. a NodePort or LoadBalancer Service in namespace 'ingress-nginx'), or fix 'namespace/name'",
    );
  }
}

/** Checks every Ingress. */
export function checkIngresses(cluster: Cluster, r: Report): void {
  const seen = new Set<string>();
  cluster.ingresses.forEach((ing, i) => {
    const at = `ingresses[${i}]`;
    checkSubdomain(r, `${at}.name`, ing.name, 'Ingress name');
    if (seen.has(`${ing.namespace}/${ing.name}`)) {
      r.error(`${at}.name`, `Ingress ${ing.namespace}/${ing.name} is declared twice`, 'give each Ingress its own name');
    }
    seen.add(`${ing.namespace}/${ing.name}`);
    checkIngressController(cluster, ing, at, r);
    checkRules(cluster, ing.namespace, ing.rules, at, r);
  });
}
