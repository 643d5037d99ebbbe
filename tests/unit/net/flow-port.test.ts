// Sources: Linux include/net/udp.h udp_flow_src_port (hash ^= hash << 16; ((u64)hash * (max - min)
// >> 32) + min), drivers/net/vxlan/vxlan_core.c vxlan_xmit_one (port range defaults to
// ip_local_port_range 32768-60999), net/netfilter/nf_nat_core.c nf_nat_l4proto_unique_tuple
// (random-fully: 1024 + off % 64512 for ports >= 1024, 1..511 and 600..1023 below).
import { describe, expect, it } from 'vitest';
import {
  GENEVE_SOURCE_PORT_RANGE, LINUX_LOCAL_PORT_RANGE, NAT_SOURCE_PORT_RANGE, exampleFlowHash, geneveSourcePort, randomFullyPort, udpFlowSourcePort,
  vxlanSourcePort,
} from '../../../src/net/flow-port.ts';
import { sha256 } from '../../../src/net/hash.ts';

describe('exampleFlowHash', () => {
  it('is the first 32 bits of SHA-256, big-endian', () => {
    // SHA-256("abc") = ba7816bf…
    expect(exampleFlowHash('abc')).toBe(0xba7816bf);
    const d = sha256('10.244.1.6:40000>10.244.2.7:8080');
    expect(exampleFlowHash('10.244.1.6:40000>10.244.2.7:8080')).toBe(((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0);
  });
  it('differs between flows', () => {
    expect(exampleFlowHash('a')).not.toBe(exampleFlowHash('b'));
  });
});

describe('udpFlowSourcePort', () => {
  it('maps hash 0 to the bottom of the range', () => {
    expect(udpFlowSourcePort(0)).toBe(32768);
  });
  it('mixes the hash (hash ^= hash << 16) before scaling', () => {
    // 0x00010000 ^ (0x00010000 << 16 = 0, truncated to 32 bits) = 0x00010000; 65536 * 28231 >> 32 = 0
    expect(udpFlowSourcePort(0x00010000)).toBe(32768);
    // 0x0001 ^ 0x00010000 = 0x00010001: still tiny
    expect(udpFlowSourcePort(0x00000001)).toBe(32768);
    // 0x8000 -> 0x80008000; 0x80008000 * 28231 >> 32 = 14115
    expect(udpFlowSourcePort(0x8000)).toBe(32768 + 14115);
  });
  it('never reaches max (the range is scaled by max - min)', () => {
    expect(udpFlowSourcePort(0xffff0000)).toBe(32768 + Number((0xffff0000n * 28231n) >> 32n));
    for (const h of [0xffffffff, 0xfffeffff, 0x7fffffff, 0x12345678]) {
      const p = udpFlowSourcePort(h);
      expect(p).toBeGreaterThanOrEqual(LINUX_LOCAL_PORT_RANGE.min);
      expect(p).toBeLessThan(LINUX_LOCAL_PORT_RANGE.max);
    }
  });
  it('scales into a given range', () => {
    expect(udpFlowSourcePort(0x8000, { min: 1000, max: 1100 })).toBe(1000 + Number((0x80008000n * 100n) >> 32n));
  });
});

describe('vxlanSourcePort', () => {
  it('is stable for one flow and within ip_local_port_range', () => {
    const p = vxlanSourcePort('10.244.1.6:40000>10.244.2.7:8080');
    expect(p).toBe(vxlanSourcePort('10.244.1.6:40000>10.244.2.7:8080'));
    expect(p).toBe(udpFlowSourcePort(exampleFlowHash('10.244.1.6:40000>10.244.2.7:8080')));
    expect(p).toBeGreaterThanOrEqual(32768);
    expect(p).toBeLessThanOrEqual(60999);
  });
  it('gives the value docs/pod-networking.mdx quotes for client → web-2 in flannel-vxlan', () => {
    expect(vxlanSourcePort('10.244.1.3:40000>10.244.2.2:8080')).toBe(50272);
  });
});

// drivers/net/geneve.c geneve_xmit_skb: udp_flow_src_port(geneve->net, skb, 1, USHRT_MAX, true).
describe('geneveSourcePort', () => {
  it('scales the same flow hash into 1-65535, not the local port range', () => {
    const flow = '10.0.1.15:40000>10.0.0.21:8080';
    expect(GENEVE_SOURCE_PORT_RANGE).toEqual({ min: 1, max: 65535 });
    expect(geneveSourcePort(flow)).toBe(udpFlowSourcePort(exampleFlowHash(flow), { min: 1, max: 65535 }));
    expect(geneveSourcePort(flow)).not.toBe(vxlanSourcePort(flow));
  });
});

describe('randomFullyPort', () => {
  it('takes 1024 + (16 random bits) % 64512 for an ephemeral source port', () => {
    const flow = '203.0.113.10:40000>192.168.1.11:30080';
    expect(randomFullyPort(flow, 40000)).toBe(1024 + ((exampleFlowHash(flow) & 0xffff) % 64512));
    expect(randomFullyPort(flow, 40000)).toBeGreaterThanOrEqual(NAT_SOURCE_PORT_RANGE.min);
  });
  it('keeps privileged source ports in the low ranges', () => {
    const off = exampleFlowHash('x') & 0xffff;
    expect(randomFullyPort('x', 100)).toBe(1 + (off % 511));
    expect(randomFullyPort('x', 700)).toBe(600 + (off % 424));
  });
});
