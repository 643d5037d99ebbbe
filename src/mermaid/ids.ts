/**
 * Stable Mermaid node ids for model objects, so both views and tests agree on them.
 */
import type { Node, Pod, Service } from '../model/types.ts';
import { mermaidId } from './escape.ts';

/** Id of a node's subgraph. */
export const nodeGroupId = (node: Node): string => mermaidId('node', node.name);
/** Id of a device (eth0, cni0, flannel.1, ...) on a node. */
export const deviceId = (node: Node, device: string): string => mermaidId('dev', `${node.name}/${device}`);
/** Id of a pod. */
export const podId = (pod: Pod): string => mermaidId('pod', `${pod.namespace}/${pod.name}`);
/** Id of a group of a node's pods (with a veth each, or on the host network) in the phone topology view. */
export const podColumnId = (node: Node, kind: 'veth' | 'hostNetwork'): string => mermaidId(kind === 'veth' ? 'pods' : 'hostpods', node.name);
/** Id of a Service. */
export const serviceId = (service: Service): string => mermaidId('svc', `${service.namespace}/${service.name}`);
/** Id of a node's kube-proxy. */
export const kubeProxyId = (node: Node): string => mermaidId('kp', node.name);
