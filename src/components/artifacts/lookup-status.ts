/** Words for the outcome of one resolver query, shared by LookupOrder and the DNS explorer. */
import type { LookupQuery } from '../../derive/lookup-order.ts';

/** `NXDOMAIN`, `NODATA ...` or `answered: A 10.96.0.10`. */
export function statusText(q: Pick<LookupQuery, 'status' | 'records'>): string {
  switch (q.status) {
    case 'NXDOMAIN': return 'NXDOMAIN';
    case 'NODATA': return 'NODATA (name exists, no record of this type)';
    case 'answered': return `answered: ${q.records.map((r) => `${r.type} ${r.data}`).join(', ')}`;
    case 'forwarded-nxdomain': return 'forwarded upstream: NXDOMAIN (assumed)';
    case 'forwarded-answered': return 'forwarded upstream: answered (assumed)';
  }
}
