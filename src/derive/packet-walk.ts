/**
 * The hop-by-hop path of one packet (the first packet of a connection) between two endpoints,
 * as data (packet-walk-data.ts): the addresses on the wire at each hop and what changed them;
 * src/mermaid/describe-walk.ts words it. Sources for what changes where: kube-proxy
 * pkg/proxy/iptables/proxier.go (DNAT in KUBE-SEP chains from nat PREROUTING/OUTPUT; KUBE-MARK-MASQ
 * on KUBE-EXT for externalTrafficPolicy Cluster, MASQUERADE in KUBE-POSTROUTING); MASQUERADE picks
 * the outgoing interface's address (netfilter nf_nat_masquerade, inet_select_addr) and, with the
 * `--random-fully` kube-proxy adds, a random source port; a VXLAN outer header's source port is a
 * hash of the inner flow (src/net/flow-port.ts); how a packet crosses nodes comes from the plugin
 * module (src/plugins).
 */
import { NODE_INTERFACE_MTU, type Encapsulation } from '../net/encapsulation.ts';
import { cidrContainsIp } from '../net/cidr.ts';
import { GENEVE_SOURCE_PORT_RANGE, LINUX_LOCAL_PORT_RANGE, NAT_SOURCE_PORT_RANGE, geneveSourcePort, randomFullyPort, vxlanSourcePort } from '../net/flow-port.ts';
import { networkPlugin, type ServiceTranslation } from '../plugins/index.ts';
import type { Cluster, Node, Pod, Service, ServicePort } from '../model/types.ts';
import { resolveTargetPort, serviceEndpoints } from './endpoints.ts';
import { endpointChainName, serviceChainNames, servicePortName } from './kube-proxy-rules.ts';
import { findNode, findPod, findService, nodeOfPod, splitRef } from './lookup.ts';
import type {
  Hop, HopLink, HopStep, MasqueradeReason, NodePortStory, ObjectName, PacketAddresses, PacketWalk, WalkParticipant, WalkSpec, WalkStory,
} from './packet-walk-data.ts';

export type * from './packet-walk-data.ts';

/** The documentation address (RFC 5737 TEST-NET-3) used for an outside client. */
export const DEFAULT_CLIENT_IP = '203.0.113.10';
/** The client's own ephemeral source port (an example from its ip_local_port_range 32768-60999). */
const EPHEMERAL_PORT = 40000;
/** The node interface the walks show. */
const NODE_INTERFACE = 'eth0';

const podId = (p: Pod): string => `pod:${p.namespace}/${p.name}`;
const nodeId = (n: Node): string => `node:${n.name}`;
const nameOf = (x: ObjectName): ObjectName => ({ namespace: x.namespace, name: x.name });

function withPort(ip: string, port: number): string {
  return `${ip}:${port}`;
}

/** The address MASQUERADE picks when the packet leaves `node` towards a pod on `dstNode`. */
function masqueradeSource(cluster: Cluster, node: Node, dstNode: Node): string {
  const plugin = networkPlugin(cluster.plugin);
  if (node.name === dstNode.name) return plugin.localSourceAddress(node);
  return plugin.interNode?.crossing(node, dstNode, NODE_INTERFACE, cluster.network.clusterCIDR).sourceAddress ?? node.ip;
}

/**
 * The outer header of an encapsulated crossing: node IP to node IP. For a UDP tunnel the
 * destination port is the tunnel's port and the source port a hash of the inner flow
 * (vxlan_xmit_one and geneve_xmit_skb -> udp_flow_src_port), so that ECMP and RSS spread
 * tunnelled flows; geneve scales it into 1-65535, vxlan into the local port range.
 */
function outerHeader(srcNode: Node, dstNode: Node, encapsulation: Encapsulation, inner: PacketAddresses): NonNullable<Hop['outer']> {
  // WireGuard sends from and to its fixed listen port on both sides.
  if (encapsulation.kind === 'wireguard') {
    return { src: withPort(srcNode.ip, encapsulation.udpPort), dst: withPort(dstNode.ip, encapsulation.udpPort), encapsulation };
  }
  if (encapsulation.kind === 'ipip') return { src: srcNode.ip, dst: dstNode.ip, encapsulation };
  const geneve = encapsulation.kind === 'geneve';
  const port = geneve ? geneveSourcePort(flowKey(inner)) : vxlanSourcePort(flowKey(inner));
  return {
    src: withPort(srcNode.ip, port), dst: withPort(dstNode.ip, encapsulation.udpPort), encapsulation,
    sourcePort: { port, range: geneve ? GENEVE_SOURCE_PORT_RANGE : LINUX_LOCAL_PORT_RANGE },
  };
}

/** The text the example hashes of a flow are computed from: `src>dst`. */
function flowKey(packet: PacketAddresses): string {
  return `${packet.src}>${packet.dst}`;
}

/** MASQUERADE --random-fully of `from` to `ip`, with a stable example of the random port. */
function masquerade(from: string, ip: string, flow: PacketAddresses, reason: MasqueradeReason): HopStep & { kind: 'masquerade' } {
  const original = Number(from.slice(from.lastIndexOf(':') + 1));
  return { kind: 'masquerade', from, to: withPort(ip, randomFullyPort(flowKey(flow), original)), randomFully: true, portRange: NAT_SOURCE_PORT_RANGE, reason };
}

/**
 * Why kube-proxy masquerades a connection from `src` to a cluster IP that lands on `endpoint`,
 * if it does: the sender is the endpoint (hairpin, checked first as KUBE-SEP sees it after
 * KUBE-SVC), or the source is off the pod network (kube-proxy's local detector is the cluster CIDR).
 */
function serviceMasqueradeReason(cluster: Cluster, src: Pod, endpoint: Pod): Exclude<MasqueradeReason, 'external'> | undefined {
  if (!cidrContainsIp(cluster.network.clusterCIDR, src.ip)) return 'outside-cluster-cidr';
  if (src.namespace === endpoint.namespace && src.name === endpoint.name) return 'hairpin';
  return undefined;
}

/**
 * Hops of a packet already on `srcNode` (routed there) to a pod on `dstPod`'s node: between nodes
 * as the plugin carries it, then into the pod. `steps` are added to the first hop.
 */
function carryToPod(cluster: Cluster, srcNode: Node, dstPod: Pod, packet: PacketAddresses, steps: HopStep[]): Hop[] {
  if (dstPod.hostNetwork) {
    throw new Error(
      `Cluster "${cluster.name}": pod ${dstPod.namespace}/${dstPod.name} uses hostNetwork; walks to a host-network pod are not modelled ` +
        '(the packet goes to the node IP, outside the pod network).',
    );
  }
  const plugin = networkPlugin(cluster.plugin);
  const dstNode = nodeOfPod(cluster, dstPod);
  const sameNode = srcNode.name === dstNode.name;
  const into: Hop = {
    from: nodeId(dstNode), to: podId(dstPod), packet,
    link: { kind: 'host-to-pod', ...plugin.attachment(dstPod), sameNode, podIP: dstPod.ip },
    steps: sameNode ? steps : [],
  };
  if (sameNode) return [into];
  if (!plugin.interNode) {
    throw new Error(
      `Cluster "${cluster.name}" uses the ${cluster.plugin.name} plugin, which only connects pods on one node: ` +
        `no route from node "${srcNode.name}" to pod ${dstPod.namespace}/${dstPod.name} on node "${dstNode.name}".`,
    );
  }
  const crossing = plugin.interNode.crossing(srcNode, dstNode, NODE_INTERFACE, cluster.network.clusterCIDR);
  const hop: Hop = {
    from: nodeId(srcNode), to: nodeId(dstNode), packet,
    link: crossing.encapsulation ? { kind: 'node-to-node', tunnel: crossing.device } : { kind: 'node-to-node' },
    steps: [...steps, { kind: 'route', crossing, mtu: { ...plugin.podMTU(NODE_INTERFACE_MTU), interfaceMTU: NODE_INTERFACE_MTU } }],
  };
  if (crossing.encapsulation) hop.outer = outerHeader(srcNode, dstNode, crossing.encapsulation, packet);
  return [hop, into];
}

/** The hop out of the source pod; none for a hostNetwork pod, which already is on the node. */
function hopsFromPod(cluster: Cluster, pod: Pod, packet: PacketAddresses): Hop[] {
  if (pod.hostNetwork) return [];
  const link: HopLink = { kind: 'pod-to-host', hostDevice: networkPlugin(cluster.plugin).attachment(pod).hostDevice };
  return [{ from: podId(pod), to: nodeId(nodeOfPod(cluster, pod)), packet, link, steps: [{ kind: 'pod-default-route' }] }];
}

function pickPort(cluster: Cluster, service: Service, port?: number): ServicePort {
  const p = port === undefined ? service.ports[0] : service.ports.find((sp) => sp.port === port || sp.nodePort === port);
  if (!p) {
    const ports = service.ports.map((sp) => sp.port).join(', ') || '(none)';
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} has no port ${port ?? '(none declared)'}. Ports: ${ports}.`);
  }
  return p;
}

function pickEndpoint(cluster: Cluster, service: Service, port: ServicePort, endpoint?: string, node?: Node) {
  const local = node !== undefined && service.externalTrafficPolicy === 'Local';
  let eps = serviceEndpoints(cluster, service, port);
  if (local) eps = eps.filter((e) => e.nodeName === node.name);
  eps.sort((a, b) => (`${a.ip}:${a.port}` < `${b.ip}:${b.port}` ? -1 : 1));
  const wanted = endpoint && (endpoint.includes('/') ? endpoint : `default/${endpoint}`);
  const chosen = wanted ? eps.find((e) => `${e.pod.namespace}/${e.pod.name}` === wanted) : eps[0];
  if (!chosen) {
    const what = endpoint ? `endpoint ${endpoint}` : 'usable endpoints';
    const where = local ? ` on node ${node.name} (externalTrafficPolicy Local)` : '';
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} has no ${what}${where}.`);
  }
  return chosen;
}

/** kube-proxy's DNAT of a Service port to `to`, with the chains the packet traverses. */
function dnatStep(service: Service, port: ServicePort, from: string, to: string, external: boolean, hook: 'PREROUTING' | 'OUTPUT', node: Node): HopStep {
  const spn = servicePortName(service, port);
  const chains = serviceChainNames(spn, port.protocol);
  const sep = endpointChainName(spn, port.protocol.toLowerCase(), to);
  const path = external
    ? ['KUBE-NODEPORTS', chains.external, service.externalTrafficPolicy === 'Local' ? chains.local : chains.cluster, sep]
    : ['KUBE-SERVICES', chains.cluster, sep];
  return { kind: 'dnat', from, to, chains: path, hook, node: node.name, protocol: port.protocol };
}

function podToPod(cluster: Cluster, fromRef: string, toRef: string, port = 80): PacketWalk {
  const src = findPod(cluster, fromRef);
  const dst = findPod(cluster, toRef);
  const packet = { src: withPort(src.ip, EPHEMERAL_PORT), dst: withPort(dst.ip, port) };
  const srcNode = nodeOfPod(cluster, src);
  const hops = [...hopsFromPod(cluster, src, packet), ...carryToPod(cluster, srcNode, dst, packet, [])];
  const sameNode = srcNode.name === nodeOfPod(cluster, dst).name;
  return finish(cluster, { kind: 'pod-to-pod', src: nameOf(src), dst: nameOf(dst), node: srcNode.name, sameNode }, hops, packet);
}

function podToService(cluster: Cluster, fromRef: string, serviceRef: string, portNumber?: number, endpoint?: string): PacketWalk {
  const src = findPod(cluster, fromRef);
  const service = findService(cluster, serviceRef);
  if (!service.clusterIP || service.clusterIP === 'None') {
    throw new Error(
      `Cluster "${cluster.name}": Service ${service.namespace}/${service.name} has no cluster IP (headless or ExternalName); ` +
        'a pod connects to its endpoints directly.',
    );
  }
  const port = pickPort(cluster, service, portNumber);
  const ep = pickEndpoint(cluster, service, port, endpoint);
  const vip = withPort(service.clusterIP, port.port);
  const target = withPort(ep.ip, ep.port);
  const sport = withPort(src.ip, EPHEMERAL_PORT);
  const srcNode = nodeOfPod(cluster, src);
  const translation = networkPlugin(cluster.plugin).serviceTranslation;
  // Without kube-proxy replacement, the host's own traffic (a host-network pod) still meets kube-proxy.
  if (translation && (translation.replacesKubeProxy || !src.hostNetwork)) {
    return podToServiceInEbpf(cluster, { src, service, srcNode, vip, target, sport, endpointPod: ep.pod }, translation);
  }
  // A host-network pod's packet is locally generated: nat OUTPUT instead of PREROUTING.
  const steps: HopStep[] = [dnatStep(service, port, vip, target, false, src.hostNetwork ? 'OUTPUT' : 'PREROUTING', srcNode)];
  const reason = serviceMasqueradeReason(cluster, src, ep.pod);
  const snat = reason ? masquerade(sport, masqueradeSource(cluster, srcNode, nodeOfPod(cluster, ep.pod)), { src: sport, dst: vip }, reason) : undefined;
  if (snat) steps.push(snat);
  const after = { src: snat?.to ?? sport, dst: target };
  const hops = [...hopsFromPod(cluster, src, { src: sport, dst: vip }), ...carryToPod(cluster, srcNode, ep.pod, after, steps)];
  const story: WalkStory = {
    kind: 'pod-to-service', src: nameOf(src), service: nameOf(service), node: srcNode.name, vip, endpoint: target, endpointPod: nameOf(ep.pod),
    ...(snat && reason ? { masquerade: { to: snat.to.slice(0, snat.to.lastIndexOf(':')), reason } } : {}),
  };
  return finish(cluster, story, hops, after);
}

/**
 * A pod's connection to a ClusterIP that the plugin translates in eBPF. At the socket (Cilium
 * socket-LB, bpf/bpf_sock.c): connect() already returns a socket to the backend, so the first
 * packet leaves the pod addressed to it and nothing on the path sees the ClusterIP. Per packet
 * (Cilium without kube-proxy replacement): the program on the pod's veth rewrites the destination
 * as the packet enters the host. Walks the model leaves out say so instead of guessing.
 */
function podToServiceInEbpf(
  cluster: Cluster,
  c: { src: Pod; service: Service; srcNode: Node; vip: string; target: string; sport: string; endpointPod: Pod },
  translation: ServiceTranslation,
): PacketWalk {
  const { src, service, srcNode, vip, target, sport, endpointPod } = c;
  if (src.hostNetwork || (src.namespace === endpointPod.namespace && src.name === endpointPod.name)) {
    throw new Error(
      `Cluster "${cluster.name}": with ${translation.by}, walks from a host-network pod or from a pod to itself through its own Service ` +
        'are not modelled (Cilium handles them with its own NAT); pick another source pod or endpoint.',
    );
  }
  const packet = { src: sport, dst: target };
  const step: HopStep = { kind: 'ebpf-lb', at: translation.at, from: vip, to: target, by: translation.by, hook: translation.hook, node: srcNode.name };
  let hops: Hop[];
  if (translation.at === 'socket') {
    const [out, ...rest] = hopsFromPod(cluster, src, packet);
    hops = [{ ...out!, steps: [step, ...out!.steps] }, ...rest, ...carryToPod(cluster, srcNode, endpointPod, packet, [])];
  } else {
    hops = [...hopsFromPod(cluster, src, { src: sport, dst: vip }), ...carryToPod(cluster, srcNode, endpointPod, packet, [step])];
  }
  const story: WalkStory = {
    kind: 'pod-to-service', src: nameOf(src), service: nameOf(service), node: srcNode.name, vip, endpoint: target, endpointPod: nameOf(endpointPod),
    translatedBy: { by: translation.by, at: translation.at },
  };
  return finish(cluster, story, hops, packet);
}

/** Walks through a NodePort or an Ingress controller with a kube-proxy replacement are not modelled. */
function requireKubeProxy(cluster: Cluster, what: string): void {
  const translation = networkPlugin(cluster.plugin).serviceTranslation;
  if (!translation?.replacesKubeProxy) return;
  throw new Error(
    `Cluster "${cluster.name}": ${what} walks with ${translation.by} (kube-proxy replacement) are not modelled: ` +
      'its BPF NodePort path on the node’s devices is not part of the model. Walk pod-to-pod or pod-to-service instead.',
  );
}

type Spec<K extends WalkSpec['kind']> = WalkSpec & { kind: K };

function externalToNodePort(cluster: Cluster, spec: Spec<'external-to-nodeport'>): PacketWalk & { story: NodePortStory } {
  requireKubeProxy(cluster, 'NodePort');
  const { endpoint, clientIP = DEFAULT_CLIENT_IP } = spec;
  const node = findNode(cluster, spec.node);
  const service = findService(cluster, spec.service);
  const port = pickPort(cluster, service, spec.port);
  if (port.nodePort === undefined) {
    throw new Error(`Cluster "${cluster.name}": Service ${service.namespace}/${service.name} port ${port.port} has no nodePort (type ${service.type}).`);
  }
  const ep = pickEndpoint(cluster, service, port, endpoint, node);
  const csrc = withPort(clientIP, EPHEMERAL_PORT);
  const arrive = { src: csrc, dst: withPort(node.ip, port.nodePort) };
  const target = withPort(ep.ip, ep.port);
  // externalTrafficPolicy Cluster masquerades, so the reply comes back through this node.
  const snat = service.externalTrafficPolicy === 'Cluster';
  const masqueradedTo = snat ? masqueradeSource(cluster, node, nodeOfPod(cluster, ep.pod)) : undefined;
  const snatStep = masqueradedTo ? masquerade(csrc, masqueradedTo, arrive, 'external') : undefined;
  const after = { src: snatStep?.to ?? csrc, dst: target };
  const steps = [dnatStep(service, port, arrive.dst, target, true, 'PREROUTING', node)];
  if (snatStep) steps.push(snatStep);
  const first: Hop = { from: 'client', to: nodeId(node), packet: arrive, link: { kind: 'network-to-node', node: node.name }, steps: [] };
  const hops = [first, ...carryToPod(cluster, node, ep.pod, after, steps)];
  const story: NodePortStory = {
    kind: 'external-to-nodeport', clientIP, node: node.name, nodePort: port.nodePort, arrival: arrive.dst,
    endpoint: target, endpointPod: nameOf(ep.pod), ...(masqueradedTo ? { masqueradedTo } : {}),
  };
  return { ...finish(cluster, story, hops, after, clientIP), story };
}

function externalThroughIngress(cluster: Cluster, spec: Spec<'external-through-ingress'>): PacketWalk {
  const { path = '/', host, clientIP = DEFAULT_CLIENT_IP, endpoint } = spec;
  const [ns, name] = splitRef(spec.ingress);
  const ingress = cluster.ingresses.find((i) => i.name === name && i.namespace === ns);
  if (!ingress) {
    const known = cluster.ingresses.map((i) => `${i.namespace}/${i.name}`).join(', ') || '(none)';
    throw new Error(`Cluster "${cluster.name}" has no Ingress "${ns}/${name}". Ingresses: ${known}.`);
  }
  if (!ingress.controllerService) {
    throw new Error(
      `Cluster "${cluster.name}": Ingress ${ns}/${name} has no controllerService; ` +
        'set it (e.g. "ingress-nginx/ingress-nginx-controller") to walk a packet through the controller.',
    );
  }
  const rule = ingress.rules
    .filter((r) => (!r.host || r.host === host) && (r.pathType === 'Exact' ? path === r.path : prefixPathMatches(r.path, path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!rule) throw new Error(`Cluster "${cluster.name}": no rule of Ingress ${ns}/${name} matches host ${host ?? '(any)'} path ${path}.`);
  const controllerSvc = findService(cluster, ingress.controllerService);
  const cport = controllerSvc.ports.find((p) => p.nodePort !== undefined);
  if (!cport) throw new Error(`Cluster "${cluster.name}": controller Service ${ingress.controllerService} has no nodePort.`);
  const node = spec.node ? findNode(cluster, spec.node) : cluster.nodes[0]!;
  const toController = { kind: 'external-to-nodeport', node: node.name, service: ingress.controllerService, port: cport.nodePort, clientIP } as const;
  const first = externalToNodePort(cluster, toController);
  const controllerPod = findPod(cluster, `${first.story.endpointPod.namespace}/${first.story.endpointPod.name}`);
  const backend = findService(cluster, `${ingress.namespace}/${rule.backend.service}`);
  const bport = pickPort(cluster, backend, rule.backend.port);
  const ep = pickEndpoint(cluster, backend, bport, endpoint);
  const target = withPort(ep.ip, resolveTargetPort(bport, ep.pod) ?? ep.port);
  const second = { src: withPort(controllerPod.ip, EPHEMERAL_PORT + 1), dst: target };
  // The controller reads the endpoints itself and connects to one: no cluster IP, no DNAT.
  const proxy: HopStep = {
    kind: 'proxy', ...(host !== undefined ? { host } : {}), path, ...(rule.host !== undefined ? { ruleHost: rule.host } : {}),
    rulePath: rule.path, service: backend.name, port: bport.port, endpoint: target,
  };
  const controllerNode = nodeOfPod(cluster, controllerPod);
  const proxyHop: Hop = {
    from: podId(controllerPod), to: nodeId(controllerNode), packet: second,
    link: { kind: 'pod-to-host', hostDevice: networkPlugin(cluster.plugin).attachment(controllerPod).hostDevice }, steps: [proxy],
  };
  const hops = [...first.hops, proxyHop, ...carryToPod(cluster, controllerNode, ep.pod, second, [])];
  const story: WalkStory = {
    kind: 'external-through-ingress', toController: first.story, ingress: { namespace: ns, name }, service: backend.name,
    path, controllerIP: controllerPod.ip, endpoint: target,
  };
  return finish(cluster, story, hops, second, clientIP);
}

function finish(cluster: Cluster, story: WalkStory, hops: Hop[], delivered: PacketAddresses, clientIP?: string): PacketWalk {
  const ids: string[] = [];
  for (const h of hops) for (const id of [h.from, h.to]) if (!ids.includes(id)) ids.push(id);
  const participants = ids.map((id): WalkParticipant => {
    if (id === 'client') return { id, kind: 'client', ip: clientIP ?? DEFAULT_CLIENT_IP };
    if (id.startsWith('pod:')) {
      const pod = findPod(cluster, id.slice(4));
      return { id, kind: 'pod', namespace: pod.namespace, name: pod.name, ip: pod.ip };
    }
    const node = findNode(cluster, id.slice(5));
    return { id, kind: 'node', name: node.name, ip: node.ip };
  });
  return { story, participants, hops, delivered };
}

/** The hop-by-hop walk of one packet for a walk specification. */
export function packetWalk(cluster: Cluster, spec: WalkSpec): PacketWalk {
  switch (spec.kind) {
    case 'pod-to-pod':
      return podToPod(cluster, spec.from, spec.to, spec.port);
    case 'pod-to-service':
      return podToService(cluster, spec.from, spec.service, spec.port, spec.endpoint);
    case 'external-to-nodeport':
      return externalToNodePort(cluster, spec);
    case 'external-through-ingress':
      return externalThroughIngress(cluster, spec);
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
