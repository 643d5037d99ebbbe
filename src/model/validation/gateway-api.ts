/**
 * The Gateway API block: GatewayClasses, Gateways and their listeners, routes of each kind,
 * ReferenceGrants and BackendTLSPolicies, checked as the API server's schema (the CRDs' OpenAPI and CEL rules) would.
 * What a controller decides at run time (a parent or backend that does not exist, a listener that
 * refuses a route) is not an error here: src/derive/gateway-attachment.ts reports it as status.
 */
import { isDns1123Subdomain } from '../names.ts';
import type { Cluster, GatewayApi, ResolvedRoute } from '../types.ts';
import { checkLabel, checkPort, checkSubdomain, quote, type Report } from './fields.ts';
import { checkLabelSelector } from './labels.ts';

const PROTOCOLS = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];
const FROM = ['Same', 'All', 'Selector', 'None'];
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];
const LIST_OF_KIND = { HTTPRoute: 'httpRoutes', GRPCRoute: 'grpcRoutes', TLSRoute: 'tlsRoutes' } as const;

/** A Gateway API Hostname: a DNS-1123 subdomain, optionally with one leading `*.` label; no IPs. */
export function isGatewayHostname(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const bare = value.startsWith('*.') ? value.slice(2) : value;
  return isDns1123Subdomain(bare) && !/^[0-9.]+$/.test(bare);
}

function checkHostname(r: Report, path: string, value: unknown): void {
  if (!isGatewayHostname(value)) {
    r.error(path, `hostname ${quote(value)} is not a host name`, "use a name such as 'shop.example.com' or a wildcard such as '*.example.com' (no IP addresses, no port)");
  }
}

// apis/v1/shared_types.go GatewayController: a domain-prefixed path, at most 253 characters.
const CONTROLLER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/** A GatewayClass `controllerName` as the CRD accepts it, e.g. `example.com/gateway-controller`. */
export function isGatewayControllerName(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 253 && CONTROLLER_NAME.test(value);
}

function checkGatewayClasses(api: GatewayApi, r: Report): void {
  const seen = new Set<string>();
  (api.gatewayClasses ?? []).forEach((gc, i) => {
    const at = `gatewayApi.gatewayClasses[${i}]`;
    checkSubdomain(r, `${at}.name`, gc.name, 'GatewayClass name');
    if (seen.has(gc.name)) r.error(`${at}.name`, `GatewayClass ${gc.name} is declared twice`, 'give each GatewayClass its own name (GatewayClasses are cluster-scoped)');
    seen.add(gc.name);
    if (!isGatewayControllerName(gc.controllerName)) {
      r.error(`${at}.controllerName`, `controllerName ${quote(gc.controllerName)} is not a domain-prefixed path`, "write e.g. 'example.com/gateway-controller'");
    }
  });
}

function checkGateways(api: GatewayApi, r: Report): void {
  const seen = new Set<string>();
  api.gateways.forEach((gw, i) => {
    const at = `gatewayApi.gateways[${i}]`;
    checkSubdomain(r, `${at}.name`, gw.name, 'Gateway name');
    if (seen.has(`${gw.namespace}/${gw.name}`)) r.error(`${at}.name`, `Gateway ${gw.namespace}/${gw.name} is declared twice`, 'give each Gateway its own name');
    seen.add(`${gw.namespace}/${gw.name}`);
    checkSubdomain(r, `${at}.gatewayClassName`, gw.gatewayClassName, 'gatewayClassName');
    if (!Array.isArray(gw.listeners) || gw.listeners.length === 0) {
      r.error(`${at}.listeners`, 'a Gateway needs at least one listener', "add listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }]");
      return;
    }
    const names = new Set<string>();
    gw.listeners.forEach((l, k) => {
      const lp = `${at}.listeners[${k}]`;
      checkLabel(r, `${lp}.name`, l.name, 'listener name');
      if (names.has(l.name)) r.error(`${lp}.name`, `listener ${quote(l.name)} is declared twice in Gateway ${gw.name}`, 'listener names must be unique within a Gateway');
      names.add(l.name);
      if (!PROTOCOLS.includes(l.protocol)) r.error(`${lp}.protocol`, `protocol ${quote(l.protocol)} is not one of ${PROTOCOLS.join(', ')}`, "use 'HTTP', 'HTTPS' or 'TLS'");
      checkPort(r, `${lp}.port`, l.port, 'listener port');
      if (l.hostname !== undefined) checkHostname(r, `${lp}.hostname`, l.hostname);
      if (l.tlsMode !== undefined && l.protocol !== 'HTTPS' && l.protocol !== 'TLS') {
        r.error(`${lp}.tlsMode`, `tlsMode is set on a ${l.protocol} listener`, 'only HTTPS and TLS listeners have tls settings');
      }
      if (l.certificateRefs !== undefined && l.protocol !== 'HTTPS' && l.protocol !== 'TLS') {
        r.error(`${lp}.certificateRefs`, `certificateRefs is set on a ${l.protocol} listener`, 'only HTTPS and TLS listeners have tls settings (a Passthrough listener ignores them)');
      }
      (l.certificateRefs ?? []).forEach((ref, m) => checkSubdomain(r, `${lp}.certificateRefs[${m}]`, ref, 'Secret name'));
      if (l.protocol === 'HTTPS' && l.tlsMode === 'Passthrough') {
        r.error(`${lp}.tlsMode`, 'an HTTPS listener cannot use Passthrough', "use protocol 'TLS' for passthrough (routes are then TLSRoutes), or tlsMode 'Terminate'");
      }
      const from = l.allowedRoutes?.from;
      if (from !== undefined && !FROM.includes(from)) r.error(`${lp}.allowedRoutes.from`, `from ${quote(from)} is not one of ${FROM.join(', ')}`, "use 'Same' (the default), 'All' or 'Selector'");
      if (from === 'Selector' && l.allowedRoutes?.selector === undefined) {
        r.error(`${lp}.allowedRoutes.selector`, "from 'Selector' needs a selector", "add selector: { matchLabels: { 'gateway-access': 'true' } }");
      }
      checkLabelSelector(r, `${lp}.allowedRoutes.selector`, l.allowedRoutes?.selector);
      (l.allowedRoutes?.kinds ?? []).forEach((kind, m) => {
        if (!ROUTE_KINDS.includes(kind)) r.error(`${lp}.allowedRoutes.kinds[${m}]`, `route kind ${quote(kind)} is not one of ${ROUTE_KINDS.join(', ')}`, "use e.g. 'HTTPRoute'");
      });
    });
  });
}

/** Where a route was written: `gatewayApi.httpRoutes[2]`. */
function routePath(api: GatewayApi, route: ResolvedRoute): string {
  const index = api.routes.filter((x) => x.kind === route.kind).indexOf(route);
  return `gatewayApi.${LIST_OF_KIND[route.kind]}[${index}]`;
}

function checkBackendRefs(refs: ResolvedRoute['rules'][number]['backendRefs'], at: string, r: Report): void {
  if (!Array.isArray(refs)) {
    r.error(`${at}.backendRefs`, 'backendRefs is missing', "add backendRefs: [{ name: 'web', port: 80 }]");
    return;
  }
  refs.forEach((ref, m) => {
    const bp = `${at}.backendRefs[${m}]`;
    checkSubdomain(r, `${bp}.name`, ref.name, 'backend name');
    if (ref.namespace !== undefined) checkLabel(r, `${bp}.namespace`, ref.namespace, 'namespace');
    checkPort(r, `${bp}.port`, ref.port, 'backend port');
    if (ref.weight !== undefined && !(Number.isInteger(ref.weight) && ref.weight >= 0 && ref.weight <= 1000000)) {
      r.error(`${bp}.weight`, `weight ${quote(ref.weight)} is not an integer from 0 to 1000000`, 'use e.g. 90 and 10 for a 90/10 split');
    }
  });
}

function checkRouteRules(route: ResolvedRoute, at: string, r: Report): void {
  if (!Array.isArray(route.rules) || route.rules.length === 0) {
    r.error(`${at}.rules`, 'no rules declared', "add rules: [{ backendRefs: [{ name: 'web', port: 80 }] }]");
    return;
  }
  route.rules.forEach((rule, k) => {
    const rp = `${at}.rules[${k}]`;
    if (rule.name !== undefined) checkLabel(r, `${rp}.name`, rule.name, 'rule name');
    checkBackendRefs(rule.backendRefs, rp, r);
    if (route.kind !== 'HTTPRoute') return;
    (route.rules[k]!.matches ?? []).forEach((match, m) => {
      const mp = `${rp}.matches[${m}]`;
      if (match.path && (typeof match.path.value !== 'string' || !match.path.value.startsWith('/'))) {
        r.error(`${mp}.path.value`, `path ${quote(match.path.value)} does not start with '/'`, "write an absolute path such as '/api'");
      }
      if (match.path?.type !== undefined && !['Exact', 'PathPrefix'].includes(match.path.type)) {
        r.error(`${mp}.path.type`, `path type ${quote(match.path.type)} is not Exact or PathPrefix`, "use 'PathPrefix' (the default) or 'Exact'");
      }
      if (match.method !== undefined && !METHODS.includes(match.method)) {
        r.error(`${mp}.method`, `method ${quote(match.method)} is not one of ${METHODS.join(', ')}`, "use an upper-case method such as 'GET'");
      }
    });
  });
}

function checkRoutes(api: GatewayApi, r: Report): void {
  const seen = new Set<string>();
  for (const route of api.routes) {
    const at = routePath(api, route);
    const key = `${route.kind} ${route.namespace}/${route.name}`;
    checkSubdomain(r, `${at}.name`, route.name, `${route.kind} name`);
    if (seen.has(key)) r.error(`${at}.name`, `${key} is declared twice`, `give each ${route.kind} its own name`);
    seen.add(key);
    if (route.creationTimestamp !== undefined && Number.isNaN(Date.parse(route.creationTimestamp))) {
      r.error(`${at}.creationTimestamp`, `creationTimestamp ${quote(route.creationTimestamp)} is not a time`, "write RFC 3339, e.g. '2026-01-05T10:00:00Z'");
    }
    if (!Array.isArray(route.parentRefs) || route.parentRefs.length === 0) {
      r.error(`${at}.parentRefs`, 'a route needs at least one parentRef', "add parentRefs: [{ name: 'my-gateway' }]");
    }
    (route.parentRefs ?? []).forEach((p, k) => {
      const pp = `${at}.parentRefs[${k}]`;
      if (p.kind !== undefined && p.kind !== 'Gateway' && p.kind !== 'Service') r.error(`${pp}.kind`, `parent kind ${quote(p.kind)} is not Gateway or Service`, "use 'Gateway' (the default) or 'Service' (GAMMA)");
      checkSubdomain(r, `${pp}.name`, p.name, 'parent name');
      if (p.sectionName !== undefined) checkLabel(r, `${pp}.sectionName`, p.sectionName, 'sectionName');
      if (p.port !== undefined) checkPort(r, `${pp}.port`, p.port, 'parent port');
    });
    (route.hostnames ?? []).forEach((h, k) => checkHostname(r, `${at}.hostnames[${k}]`, h));
    if (route.kind === 'TLSRoute' && (route.hostnames ?? []).length === 0) {
      r.error(`${at}.hostnames`, 'a TLSRoute needs at least one hostname', "add hostnames: ['db.example.com'] (the SNI names it serves)");
    }
    checkRouteRules(route, at, r);
  }
}

function checkGrantsAndPolicies(cluster: Cluster, api: GatewayApi, r: Report): void {
  api.referenceGrants.forEach((g, i) => {
    const at = `gatewayApi.referenceGrants[${i}]`;
    checkSubdomain(r, `${at}.name`, g.name, 'ReferenceGrant name');
    if (!Array.isArray(g.from) || g.from.length === 0) r.error(`${at}.from`, 'from is empty', "add from: [{ kind: 'HTTPRoute', namespace: 'shop' }]");
    (g.from ?? []).forEach((f, k) => {
      if (!ROUTE_KINDS.includes(f.kind)) r.error(`${at}.from[${k}].kind`, `kind ${quote(f.kind)} is not one of ${ROUTE_KINDS.join(', ')}`, "use e.g. 'HTTPRoute'");
      checkLabel(r, `${at}.from[${k}].namespace`, f.namespace, 'namespace');
    });
    if (!Array.isArray(g.to) || g.to.length === 0) r.error(`${at}.to`, 'to is empty', "add to: [{ kind: 'Service' }]");
    (g.to ?? []).forEach((t, k) => {
      if (t.kind !== 'Service') r.error(`${at}.to[${k}].kind`, `kind ${quote(t.kind)} is not Service`, "use 'Service' (this model resolves Service backends)");
    });
  });
  api.backendTlsPolicies.forEach((p, i) => {
    const at = `gatewayApi.backendTlsPolicies[${i}]`;
    checkSubdomain(r, `${at}.name`, p.name, 'BackendTLSPolicy name');
    (p.targetRefs ?? []).forEach((t, k) => {
      if (!cluster.services.some((s) => s.namespace === p.namespace && s.name === t.name)) {
        r.error(`${at}.targetRefs[${k}].name`, `Service ${quote(t.name)} does not exist in namespace ${p.namespace}`, "a BackendTLSPolicy targets Services in its own namespace: fix the name or the policy's namespace");
      }
    });
    if (!isGatewayHostname(p.hostname) || p.hostname.startsWith('*.')) {
      r.error(`${at}.hostname`, `hostname ${quote(p.hostname)} is not an exact host name`, "use the name on the backend's certificate, e.g. 'payments.internal.example.com'");
    }
    const cas = (p.caCertificateRefs ?? []).length > 0;
    if (cas === (p.wellKnownCACertificates !== undefined)) {
      r.error(`${at}.caCertificateRefs`, 'set exactly one of caCertificateRefs and wellKnownCACertificates', "e.g. caCertificateRefs: ['payments-ca'] (a ConfigMap) or wellKnownCACertificates: 'System'");
    }
  });
}

const LISTS = ['gatewayClasses', 'gateways', 'httpRoutes', 'grpcRoutes', 'tlsRoutes', 'referenceGrants', 'backendTlsPolicies'] as const;

/** Checks that `gatewayApi`, when present, is an object whose lists are arrays of objects; false stops validation. */
export function checkGatewayApiShape(input: unknown, r: Report): boolean {
  const block = (input as { gatewayApi?: unknown } | null)?.gatewayApi;
  if (block === undefined) return true;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    r.error('gatewayApi', 'gatewayApi must be an object', "write gatewayApi: { gateways: [...], httpRoutes: [...] }");
    return false;
  }
  let ok = true;
  for (const key of Object.keys(block)) {
    const list = (block as Record<string, unknown>)[key];
    if (!(LISTS as readonly string[]).includes(key)) {
      r.error(`gatewayApi.${key}`, `unknown field ${quote(key)}`, `use ${LISTS.join(', ')}`);
      ok = false;
    } else if (!Array.isArray(list) || list.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
      r.error(`gatewayApi.${key}`, `${key} must be an array of objects`, `write ${key}: [{ ... }]`);
      ok = false;
    }
  }
  return ok;
}

/** Checks the Gateway API block of a resolved cluster. */
export function checkGatewayApi(cluster: Cluster, r: Report): void {
  const api = cluster.gatewayApi;
  if (!api) return;
  checkGatewayClasses(api, r);
  checkGateways(api, r);
  checkRoutes(api, r);
  checkGrantsAndPolicies(cluster, api, r);
}
