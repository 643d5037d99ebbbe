/**
 * The hop-by-hop path of one packet (the first packet of a connection) between two endpoints,
 * with the addresses on the wire at each hop. Sources for what changes where:
 * kube-proxy pkg/proxy/iptables/proxier.go (DNAT in KUBE-SEP chains from nat PREROUTING/OUTPUT;
 * KUBE-MARK-MASQ on KUBE-EXT for externalTrafficPolicy Cluster, MASQUERADE in KUBE-POSTROUTING);
 * flannel pkg/backend/vxlan (flannel.1, UDP 8472, route via the remote lease) and pkg/backend/hostgw;
 * calico (tunl0 IP-in-IP, vxlan.calico on UDP 4789, plain BGP routes); MASQUERADE picks the
 * outgoing interface's address (netfilter nf_nat_masquerade, inet_select_addr).
 */
import { Address4 } from 'ip-address';
import type { Cluster, Node, Pod, Service, ServicePort } from '../model/types';
import { resolveTargetPort, serviceEndpoints } from './endpoints';
import { endpointChainName, serviceChainNames, servicePortName } from './kube-proxy-rules';
import { findNode, findPod, findService, nodeOfPod, splitRef } from './lookup';
import { calicoBlocks, calicoInterfaceName } from './node-routes';

/** flannel vxlan default port (Linux kernel's IANA-predating default). */
export const FLANNEL_VXLAN_PORT = 8472;
/** Calico VXLAN port (IANA 4789). */
export const CALICO_VXLAN_PORT = 4789;

/** Source and destination `ip:port` of a packet. */
export interface PacketAddresses {
  /** Source `ip:port`. */
  src: string;
  /** Destination `ip:port`. */
  dst: string;
}

/** A participant of the walk: a pod, a node, or an outside client. */
export interface WalkParticipant {
  /** Stable id. */
  id: string;
  /** Label shown to readers, e.g. `pod default/client`. */
  label: string;
}

/** One hop: the packet travelling from one participant to the next. */
export interface Hop {
  /** Participant id the packet leaves. */
  from: string;
  /** Participant id the packet reaches. */
  to: string;
  /** The (inner) packet on this link. */
  packet: PacketAddresses;
  /** The outer header when the packet is encapsulated on this link. */
  outer?: { src: string; dst: string; encapsulation: string };
  /** The devices the packet crosses, e.g. `eth0 → veth → cni0`. */
  via: string;
  /** What happened at `from` before sending (NAT, encapsulation, routing decision). */
  changes: string[];
}

/** A whole walk. */
export interface PacketWalk {
  /** Short title. */
  title: string;
  /** Participants, left to right. */
  participants: WalkParticipant[];
  /** Hops, in order. */
  hops: Hop[];
  /** What arrives at the destination. */
  delivered: PacketAddresses;
  /** One paragraph in plain language. */
  summary: string;
}

/** What a walk starts from and goes to. */
export type WalkSpec =
  | { kind: 'pod-to-pod'; from: string; to: string; port?: number }
  | { kind: 'pod-to-service'; from: string; service: string; port?: number; endpoint?: string }
  | { kind: 'external-to-nodeport'; node: string; service: string; port?: number; endpoint?: string; clientIP?: string }
  | { kind: 'external-through-ingress'; ingress: string; path?: string; host?: string; node?: string; clientIP?: string; endpoint?: string };

/** The documentation address (RFC 5737 TEST-NET-3) used for an outside client. */
export const DEFAULT_CLIENT_IP = '203.0.113.10';
const EPHEMERAL_PORT = 40000;

const podId = (p: Pod): string => `pod:${p.namespace}/${p.name}`;
const nodeId = (n: Node): string => `node:${n.name}`;

function podLabel(p: Pod): string {
  return `pod ${p.namespace}/${p.name} (${p.ip})`;
}

function hostDevice(cluster: Cluster, pod: Pod): string {
  return cluster.plugin.name === 'calico' ? calicoInterfaceName(pod.namespace, pod.name) : 'cni0';
}

function tunnelAddress(cluster: Cluster, node: Node): string {
  // flannel.1 holds the lease network address; calico's tunl0 / vxlan.calico the first address of the block.
  if (cluster.plugin.name === 'calico') return new Address4(calicoBlocks(node)[0]!).startAddress().correctForm();
  return new Address4(node.podCIDR).startAddress().correctForm();
}

function withPort(ip: string, port: number): string {
  return `${ip}:${port}`;
}

function ipOf(addr: string): string {
  return addr.slice(0, addr.lastIndexOf(':'));
}

/** The address MASQUERADE picks when the packet leaves `node` towards `dstNode`. */
function masqueradeSource(cluster: Cluster, node: Node, dstNode: Node): string {
  if (node.name === dstNode.name) {
    return cluster.plugin.name === 'calico' ? node.ip : new Address4(node.podCIDR).startAddress().offset(1).correctForm();
  }
  const p = cluster.plugin;
  if ((p.name === 'flannel' && p.backend === 'vxlan') || (p.name === 'calico' && p.mode !== 'bgp')) return tunnelAddress(cluster, node);
  return node.ip;
}

/**
 * Hops of a packet already on `srcNode` (routed there) to a pod on `dstNode`: between nodes as
 * the plugin carries it, then into the pod. `changes` are added to the first hop.
 */
function carryToPod(
  cluster: Cluster, srcNode: Node, dstPod: Pod, packet: PacketAddresses, changes: string[],
): Hop[] {
  if (dstPod.hostNetwork) {
    throw new Error(`Cluster "${cluster.name}": pod ${dstPod.namespace}/${dstPod.name} uses hostNetwork; walks to a host-network pod are not modelled (the packet goes to the node IP, outside the pod network).`);
  }
  const dstNode = nodeOfPod(cluster, dstPod);
  const hops: Hop[] = [];
  const into = { from: nodeId(dstNode), to: podId(dstPod), packet, via: `${hostDevice(cluster, dstPod)} → veth → eth0 of the pod`, changes: [] as string[] };
  if (srcNode.name === dstNode.name) {
    into.changes = changes;
    into.via = cluster.plugin.name === 'calico'
      ? `route ${dstPod.ip} dev ${hostDevice(cluster, dstPod)} → eth0 of the pod`
      : `cni0 bridge → veth → eth0 of the pod`;
    return [into];
  }
  const p = cluster.plugin;
  if (p.name === 'bridge') {
    throw new Error(`Cluster "${cluster.name}" uses the bridge plugin, which only connects pods on one node: no route from node "${srcNode.name}" to pod ${dstPod.namespace}/${dstPod.name} on node "${dstNode.name}".`);
  }
  const hop: Hop = { from: nodeId(srcNode), to: nodeId(dstNode), packet, via: '', changes: [...changes] };
  if (p.name === 'flannel' && p.backend === 'vxlan') {
    hop.changes.push(`route ${dstNode.podCIDR} via ${tunnelAddress(cluster, dstNode)} dev flannel.1 onlink: flannel.1 wraps the packet in VXLAN`);
    hop.outer = { src: withPort(srcNode.ip, FLANNEL_VXLAN_PORT), dst: withPort(dstNode.ip, FLANNEL_VXLAN_PORT), encapsulation: `VXLAN (UDP ${FLANNEL_VXLAN_PORT}, VNI 1)` };
    hop.via = 'flannel.1 → eth0 ⇒ eth0 → flannel.1 (decapsulated)';
  } else if (p.name === 'flannel') {
    hop.changes.push(`route ${dstNode.podCIDR} via ${dstNode.ip} dev eth0: sent unchanged to the next node (host-gw)`);
    hop.via = 'eth0 ⇒ eth0';
  } else if (p.mode === 'ipip') {
    hop.changes.push(`route ${calicoBlocks(dstNode)[0]} via ${dstNode.ip} dev tunl0 onlink: tunl0 wraps the packet in IP-in-IP`);
    hop.outer = { src: srcNode.ip, dst: dstNode.ip, encapsulation: 'IP-in-IP (IP protocol 4)' };
    hop.via = 'tunl0 → eth0 ⇒ eth0 → tunl0 (decapsulated)';
  } else if (p.mode === 'vxlan') {
    hop.changes.push(`route ${calicoBlocks(dstNode)[0]} via ${tunnelAddress(cluster, dstNode)} dev vxlan.calico onlink: vxlan.calico wraps the packet in VXLAN`);
    hop.outer = { src: withPort(srcNode.ip, CALICO_VXLAN_PORT), dst: withPort(dstNode.ip, CALICO_VXLAN_PORT), encapsulation: `VXLAN (UDP ${CALICO_VXLAN_PORT}, VNI 4096)` };
    hop.via = 'vxlan.calico → eth0 ⇒ eth0 → vxlan.calico (decapsulated)';
  } else {
    hop.changes.push(`route ${calicoBlocks(dstNode)[0]} via ${dstNode.ip} dev eth0 proto bird: routed unchanged (BGP)`);
    hop.via = 'eth0 ⇒ eth0';
  }
  hops.push(hop, into);
  return hops;
}

/** The hop out of the source pod; none for a hostNetwork pod, which already is on the node. */
function firstHopsFromPod(cluster: Cluster, pod: Pod, packet: PacketAddresses): Hop[] {
  return pod.hostNetwork ? [] : [firstHopFromPod(cluster, pod, packet)];
}

function firstHopFromPod(cluster: Cluster, pod: Pod, packet: PacketAddresses): Hop {
  const node = nodeOfPod(cluster, pod);
  return {
    from: podId(pod), to: nodeId(node), packet,
    via: `eth0 of the pod → veth → ${hostDevice(cluster, pod)}`,
    changes: ['the pod sends through its default route (eth0)'],
  };
}

function pickPort(cluster: Cluster, service: Service, port?: number): ServicePort {
  const p = port === undefined ? service.ports[0] : service.ports.find((sp) => sp.port === port || sp.nodePort === port);
  if (!p) {
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} has no port ${port ?? '(none declared)'}. Ports: ${service.ports.map((sp) => sp.port).join(', ') || '(none)'}.`);
  }
  return p;
}

function pickEndpoint(cluster: Cluster, service: Service, port: ServicePort, endpoint?: string, node?: Node) {
  let eps = serviceEndpoints(cluster, service, port);
  if (node && service.externalTrafficPolicy === 'Local') eps = eps.filter((e) => e.nodeName === node.name);
  eps.sort((a, b) => (`${a.ip}:${a.port}` < `${b.ip}:${b.port}` ? -1 : 1));
  const chosen = endpoint ? eps.find((e) => `${e.pod.namespace}/${e.pod.name}` === (endpoint.includes('/') ? endpoint : `default/${endpoint}`)) : eps[0];
  if (!chosen) {
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} has no ${endpoint ? `endpoint ${endpoint}` : 'usable endpoints'}${node && service.externalTrafficPolicy === 'Local' ? ` on node ${node.name} (externalTrafficPolicy Local)` : ''}.`);
  }
  return chosen;
}

function dnatChange(service: Service, port: ServicePort, from: string, to: string, external: boolean): string {
  const spn = servicePortName(service, port);
  const chains = serviceChainNames(spn, port.protocol);
  const sep = endpointChainName(spn, port.protocol.toLowerCase(), to);
  const entry = external ? `KUBE-NODEPORTS → ${chains.external} → ` : 'KUBE-SERVICES → ';
  return `kube-proxy DNAT ${from} → ${to} (${entry}${service.externalTrafficPolicy === 'Local' && external ? chains.local : chains.cluster} → ${sep})`;
}

function podToPod(cluster: Cluster, fromRef: string, toRef: string, port = 80): PacketWalk {
  const src = findPod(cluster, fromRef);
  const dst = findPod(cluster, toRef);
  const packet = { src: withPort(src.ip, EPHEMERAL_PORT), dst: withPort(dst.ip, port) };
  const srcNode = nodeOfPod(cluster, src);
  const hops = [...firstHopsFromPod(cluster, src, packet), ...carryToPod(cluster, srcNode, dst, packet, [])];
  const same = srcNode.name === nodeOfPod(cluster, dst).name;
  return finish(cluster, `pod ${src.namespace}/${src.name} → pod ${dst.namespace}/${dst.name}`, hops, packet,
    same
      ? `Both pods run on ${srcNode.name}: the packet goes up the source veth and down the destination one without leaving the node; no address changes.`
      : `The pods run on different nodes; ${plainPlugin(cluster)} Pod addresses are never rewritten.`);
}

function plainPlugin(cluster: Cluster): string {
  const p = cluster.plugin;
  if (p.name === 'flannel') {
    return p.backend === 'vxlan'
      ? `flannel.1 wraps the pod packet in a VXLAN/UDP packet between the node IPs and unwraps it on the other side.`
      : `flannel host-gw routes the pod packet to the other node's IP unchanged (the nodes must share an L2 segment).`;
  }
  if (p.name === 'calico') {
    return p.mode === 'ipip'
      ? `Calico's tunl0 wraps the pod packet in an outer IP header between the node IPs (IP-in-IP).`
      : p.mode === 'vxlan'
        ? `Calico's vxlan.calico wraps the pod packet in VXLAN/UDP between the node IPs.`
        : `Calico's BGP routes send the pod packet to the other node unchanged.`;
  }
  return 'the bridge plugin connects only one node.';
}

function podToService(cluster: Cluster, fromRef: string, serviceRef: string, portNumber?: number, endpoint?: string): PacketWalk {
  const src = findPod(cluster, fromRef);
  const service = findService(cluster, serviceRef);
  if (!service.clusterIP || service.clusterIP === 'None') {
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} has no cluster IP (headless or ExternalName); a pod connects to its endpoints directly.`);
  }
  const port = pickPort(cluster, service, portNumber);
  const ep = pickEndpoint(cluster, service, port, endpoint);
  const vip = withPort(service.clusterIP, port.port);
  const target = withPort(ep.ip, ep.port);
  const sport = withPort(src.ip, EPHEMERAL_PORT);
  const before = { src: sport, dst: vip };
  const after = { src: sport, dst: target };
  const srcNode = nodeOfPod(cluster, src);
  const hops = [
    ...firstHopsFromPod(cluster, src, before),
    ...carryToPod(cluster, srcNode, ep.pod, after, [dnatChange(service, port, vip, target, false) + ` in nat ${src.hostNetwork ? 'OUTPUT' : 'PREROUTING'} on ${srcNode.name}`]),
  ];
  return finish(cluster, `pod ${src.namespace}/${src.name} → Service ${service.namespace}/${service.name}`, hops, after,
    `The pod sends to the Service's cluster IP ${vip}. On ${srcNode.name}, kube-proxy's iptables rules pick endpoint ${target} (pod ${ep.pod.namespace}/${ep.pod.name}) and rewrite the destination (DNAT); the source stays the pod IP. Replies are un-NATed by conntrack.`);
}

function externalToNodePort(cluster: Cluster, nodeName: string, serviceRef: string, portNumber?: number, endpoint?: string, clientIP = DEFAULT_CLIENT_IP): PacketWalk {
  const node = findNode(cluster, nodeName);
  const service = findService(cluster, serviceRef);
  const port = pickPort(cluster, service, portNumber);
  if (port.nodePort === undefined) {
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} port ${port.port} has no nodePort (type ${service.type}).`);
  }
  const ep = pickEndpoint(cluster, service, port, endpoint, node);
  const epNode = nodeOfPod(cluster, ep.pod);
  const client = { id: 'client', label: `client ${clientIP}` };
  const csrc = withPort(clientIP, EPHEMERAL_PORT);
  const arrive = { src: csrc, dst: withPort(node.ip, port.nodePort) };
  const target = withPort(ep.ip, ep.port);
  const snat = service.externalTrafficPolicy === 'Cluster';
  const newSrc = snat ? withPort(masqueradeSource(cluster, node, epNode), EPHEMERAL_PORT) : csrc;
  const after = { src: newSrc, dst: target };
  const changes = [dnatChange(service, port, arrive.dst, target, true) + ` in nat PREROUTING on ${node.name}`];
  if (snat) changes.push(`KUBE-EXT marks the packet (KUBE-MARK-MASQ); KUBE-POSTROUTING MASQUERADE rewrites the source ${csrc} → ${newSrc} (externalTrafficPolicy Cluster)`);
  const first: Hop = { from: client.id, to: nodeId(node), packet: arrive, via: `network → eth0 of ${node.name}`, changes: [] };
  const hops = [first, ...carryToPod(cluster, node, ep.pod, after, changes)];
  return finish(cluster, `external client → NodePort ${port.nodePort} on ${node.name}`, hops, after,
    `The client connects to ${arrive.dst}. kube-proxy on ${node.name} DNATs to endpoint ${target}` +
      (snat
        ? ` and, because externalTrafficPolicy is Cluster, masquerades the source to ${ipOf(newSrc)} so the reply comes back through ${node.name}; the pod never sees the client IP.`
        : `; externalTrafficPolicy Local keeps the client IP ${clientIP}, and only endpoints on ${node.name} are used.`),
    [client]);
}

function externalThroughIngress(cluster: Cluster, ingressRef: string, path = '/', host?: string, nodeName?: string, clientIP = DEFAULT_CLIENT_IP, endpoint?: string): PacketWalk {
  const [ns, name] = splitRef(ingressRef);
  const ingress = cluster.ingresses.find((i) => i.name === name && i.namespace === ns);
  if (!ingress) {
    throw new Error(`Cluster "${cluster.name}" has no Ingress "${ns}/${name}". Ingresses: ${cluster.ingresses.map((i) => `${i.namespace}/${i.name}`).join(', ') || '(none)'}.`);
  }
  if (!ingress.controllerService) {
    throw new Error(`Cluster "${cluster.name}": Ingress ${ns}/${name} has no controllerService; set it (e.g. "ingress-nginx/ingress-nginx-controller") to walk a packet through the controller.`);
  }
  const rule = ingress.rules
    .filter((r) => (!r.host || r.host === host) && (r.pathType === 'Exact' ? path === r.path : prefixPathMatches(r.path, path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!rule) throw new Error(`Cluster "${cluster.name}": no rule of Ingress ${ns}/${name} matches host ${host ?? '(any)'} path ${path}.`);
  const controllerSvc = findService(cluster, ingress.controllerService);
  const cport = controllerSvc.ports.find((p) => p.nodePort !== undefined);
  if (!cport) throw new Error(`Cluster "${cluster.name}": controller Service ${ingress.controllerService} has no nodePort.`);
  const node = nodeName ? findNode(cluster, nodeName) : cluster.nodes[0]!;
  const first = externalToNodePort(cluster, node.name, ingress.controllerService, cport.nodePort, undefined, clientIP);
  const controllerPod = findPod(cluster, first.participants[first.participants.length - 1]!.id.replace(/^pod:/, ''));
  const backend = findService(cluster, `${ingress.namespace}/${rule.backend.service}`);
  const bport = pickPort(cluster, backend, rule.backend.port);
  const ep = pickEndpoint(cluster, backend, bport, endpoint);
  const target = withPort(ep.ip, resolveTargetPort(bport, ep.pod) ?? ep.port);
  const second = { src: withPort(controllerPod.ip, EPHEMERAL_PORT + 1), dst: target };
  const proxyHop: Hop = {
    from: podId(controllerPod), to: nodeId(nodeOfPod(cluster, controllerPod)), packet: second,
    via: `eth0 of the pod → veth → ${hostDevice(cluster, controllerPod)}`,
    changes: [`the controller matches ${host ?? '*'}${path} to rule ${rule.host ?? '*'}${rule.path} → Service ${backend.name}:${bport.port} and opens a new connection to endpoint ${target} (it reads the endpoints itself; no cluster IP, no DNAT)`],
  };
  const hops = [...first.hops, proxyHop, ...carryToPod(cluster, nodeOfPod(cluster, controllerPod), ep.pod, second, [])];
  return finish(cluster, `external client → Ingress ${ns}/${name} → Service ${backend.name}`, hops, second,
    `${first.summary} The ingress controller ends that connection, picks the backend from the rule for ${path}, and opens a second connection from its own pod IP ${controllerPod.ip} to ${target}.`,
    [{ id: 'client', label: `client ${clientIP}` }]);
}

function finish(cluster: Cluster, title: string, hops: Hop[], delivered: PacketAddresses, summary: string, extra: WalkParticipant[] = []): PacketWalk {
  const ids: string[] = [];
  for (const h of hops) for (const id of [h.from, h.to]) if (!ids.includes(id)) ids.push(id);
  const participants = ids.map((id) => {
    const known = extra.find((e) => e.id === id);
    if (known) return known;
    if (id.startsWith('pod:')) return { id, label: podLabel(findPod(cluster, id.slice(4))) };
    const node = findNode(cluster, id.slice(5));
    return { id, label: `node ${node.name} (${node.ip})` };
  });
  return { title, participants, hops, delivered, summary };
}

/** The hop-by-hop walk of one packet for a walk specification. */
export function packetWalk(cluster: Cluster, spec: WalkSpec): PacketWalk {
  switch (spec.kind) {
    case 'pod-to-pod':
      return podToPod(cluster, spec.from, spec.to, spec.port);
    case 'pod-to-service':
      return podToService(cluster, spec.from, spec.service, spec.port, spec.endpoint);
    case 'external-to-nodeport':
      return externalToNodePort(cluster, spec.node, spec.service, spec.port, spec.endpoint, spec.clientIP);
    case 'external-through-ingress':
      return externalThroughIngress(cluster, spec.ingress, spec.path, spec.host, spec.node, spec.clientIP, spec.endpoint);
  }
}

/**
 * Ingress `pathType: Prefix` matching: element-wise on `/`-separated path elements, so `/api`
 * matches `/api` and `/api/v1` but not `/apis` (Kubernetes docs, Ingress "Examples" table;
 * networking/v1 types.go PathTypePrefix). A trailing slash in either path is ignored.
 */
export function prefixPathMatches(rulePath: string, requestPath: string): boolean {
  const elements = (p: string) => p.split('/').filter(Boolean);
  const rule = elements(rulePath);
  const request = elements(requestPath);
  return rule.length <= request.length && rule.every((element, i) => element === request[i]);
}
