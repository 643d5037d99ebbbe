// conntrack entries from packet walks. The line format is libnetfilter_conntrack's default output
// (src/conntrack/snprintf_default.c), checked against the example in the conntrack(8) manual page with
// its optional counters and secmark left out (they print only when nf_conntrack_acct / SELinux are on):
//   tcp      6 431982 ESTABLISHED src=192.168.2.100 dst=123.59.27.117 sport=34846 dport=993 src=123.59.27.117 dst=192.168.2.100 sport=993 dport=34846 [ASSURED] mark=0 use=1
import { describe, expect, it } from 'vitest';
import { conntrackEntries, conntrackNote, formatConntrackEntry, type ConntrackEntry } from '../../../src/derive/conntrack.ts';
import { packetWalk } from '../../../src/derive/packet-walk.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('formatConntrackEntry', () => {
  it('prints an entry as conntrack -L does', () => {
    const entry: ConntrackEntry = {
      node: 'n', protocol: 'TCP', timeout: 431982, state: 'ESTABLISHED', assured: true, nat: { dnat: false, snat: false }, sourcePort: 'ephemeral',
      original: { src: '192.168.2.100', dst: '123.59.27.117', sport: 34846, dport: 993 },
      reply: { src: '123.59.27.117', dst: '192.168.2.100', sport: 993, dport: 34846 },
    };
    expect(formatConntrackEntry(entry)).toBe(
      'tcp      6 431982 ESTABLISHED src=192.168.2.100 dst=123.59.27.117 sport=34846 dport=993 src=123.59.27.117 dst=192.168.2.100 sport=993 dport=34846 [ASSURED] mark=0 use=1',
    );
  });
  it('prints UDP without a state, and without [ASSURED] before it became a stream', () => {
    const entry: ConntrackEntry = {
      node: 'n', protocol: 'UDP', timeout: 29, assured: false, nat: { dnat: true, snat: false }, sourcePort: 'ephemeral',
      original: { src: '10.244.1.6', dst: '10.96.0.10', sport: 40000, dport: 53 },
      reply: { src: '10.244.0.2', dst: '10.244.1.6', sport: 53, dport: 40000 },
    };
    expect(formatConntrackEntry(entry)).toBe(
      'udp      17 29 src=10.244.1.6 dst=10.96.0.10 sport=40000 dport=53 src=10.244.0.2 dst=10.244.1.6 sport=53 dport=40000 mark=0 use=1',
    );
  });
});

describe('conntrackEntries', () => {
  it('pod to Service on another node: DNAT on the client’s node, a mirrored entry on the endpoint’s node', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    const [client, endpoint, ...rest] = conntrackEntries(walk);
    expect(rest).toEqual([]);
    expect(client).toMatchObject({
      node: 'worker-1', protocol: 'TCP', state: 'ESTABLISHED', assured: true, timeout: 86399, nat: { dnat: true, snat: false },
      original: { src: '10.244.1.6', dst: '10.96.100.10', sport: 40000, dport: 80 },
      reply: { src: '10.244.2.7', dst: '10.244.1.6', sport: 8080, dport: 40000 },
    });
    expect(endpoint).toMatchObject({
      node: 'worker-2', nat: { dnat: false, snat: false },
      original: { src: '10.244.1.6', dst: '10.244.2.7', sport: 40000, dport: 8080 },
      reply: { src: '10.244.2.7', dst: '10.244.1.6', sport: 8080, dport: 40000 },
    });
  });
  it('NodePort with externalTrafficPolicy Cluster: DNAT and SNAT in one entry, the reply addressed to the masquerade address and port', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np', endpoint: 'web-2' });
    const masquerade = walk.hops.flatMap((h) => h.steps).find((s) => s.kind === 'masquerade');
    if (masquerade?.kind !== 'masquerade') throw new Error('expected a MASQUERADE step');
    const [ip, port] = masquerade.to.split(':');
    const [entry] = conntrackEntries(walk);
    expect(entry).toMatchObject({
      node: 'worker-1', nat: { dnat: true, snat: true },
      original: { src: '203.0.113.10', dst: '192.168.1.11', sport: 40000, dport: 30080 },
      // flannel vxlan: MASQUERADE picks flannel.1's address, the lease network address of worker-1.
      reply: { src: '10.244.2.7', dst: '10.244.1.0', sport: 8080, dport: Number(port) },
    });
    expect(ip).toBe('10.244.1.0');
  });
  it('a DNS query over UDP: no state, 29 seconds left of the 30-second UDP timeout, not assured', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'kube-system/kube-dns', port: 53 });
    const lines = conntrackEntries(walk).map(formatConntrackEntry);
    expect(lines[0]).toBe('udp      17 29 src=10.244.1.6 dst=10.96.0.10 sport=40000 dport=53 src=10.244.0.2 dst=10.244.1.6 sport=53 dport=40000 mark=0 use=1');
  });
  it('a host-network pod’s packet starts on its node: the entry’s original tuple is the packet before NAT', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'kube-system/node-agent', service: 'web', endpoint: 'web-2' });
    const [entry] = conntrackEntries(walk);
    expect(entry).toMatchObject({ node: 'worker-2', original: { src: '192.168.1.12', dst: '10.96.100.10', sport: 40000, dport: 80 }, nat: { dnat: true, snat: true } });
  });
});

describe('conntrackNote', () => {
  it('names the translation and the example values', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    const [client, endpoint] = conntrackEntries(walk);
    expect(conntrackNote(client!)).toBe(
      'DNAT: the reply comes from 10.244.2.7:8080, not 10.96.100.10:80. ' +
        'Examples: 86399 is the seconds left of the 86400-second established timeout just after a packet; source port 40000 is an example ephemeral port.',
    );
    expect(conntrackNote(endpoint!)).toMatch(/^No translation here/);
  });
  it('mentions the random MASQUERADE port only when the entry holds SNAT', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np', endpoint: 'web-2' });
    const [entry] = conntrackEntries(walk);
    expect(conntrackNote(entry!)).toContain(`SNAT: the reply goes to 10.244.1.0:${entry!.reply.dport}, not 203.0.113.10:40000`);
    expect(conntrackNote(entry!)).toContain('--random-fully');
  });
  it('on the endpoint’s node, says the source port came from MASQUERADE on the node before', () => {
    const walk = packetWalk(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np', endpoint: 'web-2' });
    const [first, second] = conntrackEntries(walk);
    expect(second).toMatchObject({ node: 'worker-2', sourcePort: 'masquerade', original: { src: '10.244.1.0', sport: first!.reply.dport } });
    expect(conntrackNote(second!)).toContain(`source port ${first!.reply.dport} is an example of the random port MASQUERADE --random-fully picked on the node before`);
  });
});
