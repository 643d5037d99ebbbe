// The model fields kube-proxy reads beyond the basics: endpoint conditions of pods,
// sessionAffinityConfig.clientIP.timeoutSeconds (pkg/apis/core/v1/defaults.go: 10800;
// pkg/apis/core/validation validateClientIPAffinityConfig: 1-86400) and the LB ingress ipMode.
import { describe, expect, it } from 'vitest';
import { resolveCluster, validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import { BASE_FILE, baseCluster } from '../../fixtures/clusters/base-cluster.ts';

const web = (c: ClusterInput) => c.services!.find((s) => s.name === 'web-nodeport')!;
const errorsAt = (c: ClusterInput, path: string) =>
  validateCluster(c, { file: BASE_FILE }).diagnostics.filter((d) => d.path === path && d.severity === 'error');

describe('pod endpoint conditions', () => {
  it('leaves ready and terminating out for a running, ready pod and keeps them otherwise', () => {
    const input = baseCluster();
    input.nodes[0]!.pods![0]!.terminating = true;
    input.nodes[0]!.pods![1]!.ready = false;
    const pods = resolveCluster(input, 'base').nodes[0]!.pods;
    expect([pods[0]!.terminating, pods[0]!.ready]).toEqual([true, undefined]);
    expect([pods[1]!.terminating, pods[1]!.ready]).toEqual([undefined, false]);
    expect(resolveCluster(baseCluster(), 'base').nodes[1]!.pods[0]).not.toHaveProperty('ready');
  });
});

describe('sessionAffinityTimeoutSeconds', () => {
  it('defaults to 10800 for ClientIP and is absent for None', () => {
    const input = baseCluster();
    web(input).sessionAffinity = 'ClientIP';
    expect(resolveCluster(input, 'base').services.find((s) => s.name === 'web-nodeport')!.sessionAffinityTimeoutSeconds).toBe(10800);
    expect(resolveCluster(baseCluster(), 'base').services.find((s) => s.name === 'web-nodeport')).not.toHaveProperty('sessionAffinityTimeoutSeconds');
  });
  it('accepts 1 and 86400 and rejects 0 and 86401', () => {
    for (const [value, bad] of [[1, false], [86400, false], [0, true], [86401, true], [1.5, true]] as const) {
      const input = baseCluster();
      Object.assign(web(input), { sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: value });
      expect(errorsAt(input, 'services[2].sessionAffinityTimeoutSeconds').length, `timeout ${value}`).toBe(bad ? 1 : 0);
    }
  });
});

describe('loadBalancerIPMode', () => {
  it('defaults to VIP when there is a load-balancer IP', () => {
    const input = baseCluster();
    Object.assign(web(input), { type: 'LoadBalancer', loadBalancerIP: '203.0.113.10' });
    expect(resolveCluster(input, 'base').services.find((s) => s.name === 'web-nodeport')!.loadBalancerIPMode).toBe('VIP');
  });
  it('accepts Proxy and rejects other values', () => {
    const input = baseCluster();
    Object.assign(web(input), { type: 'LoadBalancer', loadBalancerIP: '203.0.113.10', loadBalancerIPMode: 'Proxy' });
    expect(errorsAt(input, 'services[2].loadBalancerIPMode')).toEqual([]);
    Object.assign(web(input), { loadBalancerIPMode: 'DSR' });
    expect(errorsAt(input, 'services[2].loadBalancerIPMode').map((d) => d.message)).toEqual(['loadBalancerIPMode "DSR" is not one of VIP, Proxy']);
  });
});

describe('fields the API server forbids without their companion', () => {
  it('rejects a timeout without sessionAffinity ClientIP', () => {
    const input = baseCluster();
    web(input).sessionAffinityTimeoutSeconds = 60;
    expect(errorsAt(input, 'services[2].sessionAffinityTimeoutSeconds').map((d) => d.message)).toEqual(['sessionAffinityTimeoutSeconds is set but sessionAffinity is None']);
  });
  it('rejects an ipMode without a loadBalancerIP', () => {
    const input = baseCluster();
    Object.assign(web(input), { type: 'LoadBalancer', loadBalancerIPMode: 'Proxy' });
    expect(errorsAt(input, 'services[2].loadBalancerIPMode').map((d) => d.message)).toEqual(['loadBalancerIPMode is set without a loadBalancerIP']);
  });
});
