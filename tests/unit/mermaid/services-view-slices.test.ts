// The services view draws hand-written EndpointSlices and external IPs (diagrams/egress.ts).
import { describe, expect, it } from 'vitest';
import { describeServices } from '../../../src/mermaid/describe.ts';
import { servicesView } from '../../../src/mermaid/services-view.ts';
import { exampleCluster } from './clusters.ts';

describe('services view of a Service without a selector', () => {
  it('draws the slice as a group with its address outside the cluster, and the Service\'s external IP', async () => {
    const text = servicesView(await exampleCluster('egress'));
    expect(text).toContain('["EndpointSlice orders-db-1<br>managed by staff"]');
    expect(text).toContain('("192.168.10.50<br>outside the cluster"):::external');
    expect(text).toMatch(/svc_default_2f_orders_2d_db --> slice_default_2f_orders_2d_db_2d_1_2f_192_2e_168_2e_10_2e_50/);
    expect(text).toContain('externalIPs 192.168.1.200');
  });
  it('says where the Service forwards in the description', async () => {
    const d = describeServices(await exampleCluster('egress'));
    expect(d).toContain('orders-db (ClusterIP) forwards 10.96.0.40:5432/TCP to 192.168.10.50:5432.');
    expect(d).toContain('and the same ports on its external IPs 192.168.1.200');
  });
});
