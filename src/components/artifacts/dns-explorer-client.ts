/**
 * Browser side of DnsExplorer.astro: recomputes the lookup order with the same pure functions the
 * server used (derive/lookup-order.ts over derive/dns-answer.ts), from the JSON the page carries.
 */
import type { DnsPodsMode, DnsRecord, DnsRecordType, DnsZoneData } from '../../derive/dns-answer.ts';
import { lookupOrder, STUB_RESOLVERS, type StubResolver } from '../../derive/lookup-order.ts';
import { clusterFirstSearches } from '../../derive/resolv-conf.ts';
import { statusText } from './lookup-status.ts';

/** The JSON each explorer carries: zone, host search list, records as [name, type, data], and what CoreDNS looks up besides records. */
export interface ExplorerData {
  zone: string;
  hostSearches: string[];
  records: Array<[string, DnsRecordType, string]>;
  namespaces: string[];
  podsMode: DnsPodsMode;
  nameservers: string[];
}

function resolverOf(value: string): StubResolver {
  return (STUB_RESOLVERS as readonly string[]).includes(value) ? (value as StubResolver) : 'glibc';
}

function setup(root: HTMLElement): void {
  const json = root.querySelector('script[type="application/json"]')?.textContent ?? '{}';
  const data = JSON.parse(json) as ExplorerData;
  const zoneData: DnsZoneData = {
    zone: data.zone,
    records: data.records.map(([name, type, value]): DnsRecord => ({ name, ttl: 30, type, data: value, source: '' })),
    namespaces: data.namespaces,
    podsMode: data.podsMode,
    nameservers: data.nameservers,
  };
  const form = root.querySelector('form');
  const list = root.querySelector<HTMLOListElement>('[data-results]');
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  const searchOut = root.querySelector<HTMLElement>('[data-search]');
  if (!form || !list || !summary || !searchOut) return;
  const field = (n: string): HTMLInputElement | HTMLSelectElement => form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement;
  const render = (): void => {
    const name = field('name').value.trim();
    const namespace = field('namespace').value.trim() || 'default';
    const ndots = Math.min(15, Math.max(0, Math.trunc(Number(field('ndots').value) || 0)));
    if (!name) {
      list.replaceChildren();
      summary.textContent = 'Enter a name to look up.';
      return;
    }
    const searches = clusterFirstSearches(namespace, data.zone, data.hostSearches);
    const result = lookupOrder(zoneData, name, searches, ndots, { resolver: resolverOf(field('resolver').value) });
    searchOut.textContent = searches.join(' ');
    list.replaceChildren(
      ...result.queries.map((q) => {
        const li = document.createElement('li');
        li.className = `lookup-query ${q.status}`;
        const code = document.createElement('code');
        code.textContent = q.name;
        li.append(code, ` — ${statusText(q)}`);
        return li;
      }),
    );
    summary.textContent = result.answeredIndex >= 0
      ? `Answered by query ${result.answeredIndex + 1} of ${result.queries.length}.`
      : 'No query was answered: the lookup fails.';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    render();
  });
  // `input` fires on every keystroke (ndots included) and on a new select value; `change` only when
  // a text field loses focus, which left the old list on screen while typing.
  form.addEventListener('input', render);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-dns-explorer]')) setup(root);
