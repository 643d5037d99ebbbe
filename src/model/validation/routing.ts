/**
 * HTTP routing of Ingresses: IngressClasses, the Ingresses' rules, and backends that name a real
 * Service port. (Gateway API routes are checked in gateway-api.ts.)
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

// k8s.io/apimachinery validation.IsDomainPrefixedPath: a DNS-1123 subdomain, '/', then HTTP path characters.
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/** An IngressClass `controller` as the API server accepts it (at most 250 characters), e.g. `example.com/ingress-controller`. */
export function isIngressClassController(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 250) return false;
  const slash = value.indexOf('/');
  return slash > 0 && isDns1123Subdomain(value.slice(0, slash)) && HTTP_PATH.test(value.slice(slash + 1));
}

function checkIngressClasses(cluster: Cluster, r: Report): void {
  const seen = new Set<string>();
  (cluster.ingressClasses ?? []).forEach((ic, i) => {
    const at = `ingressClasses[${i}]`;
    checkSubdomain(r, `${at}.name`, ic.name, 'IngressClass name');
    if (seen.has(ic.name)) r.error(`${at}.name`, `IngressClass ${ic.name} is declared twice`, 'give each IngressClass its own name (IngressClasses are cluster-scoped)');
    seen.add(ic.name);
    if (!isIngressClassController(ic.controller)) {
      r.error(`${at}.controller`, `controller ${quote(ic.controller)} is not a domain-prefixed path`, "write e.g. 'example.com/ingress-controller'");
    }
  });
  const defaults = (cluster.ingressClasses ?? []).filter((ic) => ic.isDefaultClass);
  if (defaults.length > 1) {
    const i = (cluster.ingressClasses ?? []).indexOf(defaults[1]!);
    r.warning(`ingressClasses[${i}].isDefaultClass`, `${defaults.length} IngressClasses are marked default (${defaults.map((d) => d.name).join(', ')})`, 'mark one: with several defaults the admission controller refuses new Ingresses that leave out ingressClassName');
  }
}

/** Checks the IngressClasses, then every Ingress. */
export function checkIngresses(cluster: Cluster, r: Report): void {
  checkIngressClasses(cluster, r);
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
