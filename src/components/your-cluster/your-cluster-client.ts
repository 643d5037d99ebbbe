/**
 * Browser side of YourCluster.astro. Everything runs here, on the reader's machine: the import
 * (src/import), the derivations (src/derive via src/explain) and, only when the diagrams section
 * is opened, Mermaid (a lazily imported same-origin chunk). No request leaves the page.
 *
 * Pasted values are untrusted: they reach the DOM only through textContent (never innerHTML),
 * and Mermaid only through the views' escaping (src/mermaid/escape.ts), with securityLevel
 * 'strict'. Mermaid's SVG output is parsed with DOMParser, so even a script element in it would
 * not run. The diagrams are drawn and finished as the build's are (browser-diagram.ts).
 */
import { STUB_RESOLVERS, type StubResolver } from '../../derive/lookup-order.ts';
import { describeCell } from '../../derive/network-policy.ts';
import { statusText } from '../artifacts/lookup-status.ts';
import {
  clusterViews,
  explain,
  MATRIX_MAX_PODS,
  matrixCellReasons,
  nodeRules,
  pairReasons,
  podLookup,
  podRefs,
  podResolvConf,
  policySummary,
  smallMatrix,
  type Explanation,
} from '../../explain/explain.ts';
import type { ImportSource } from '../../import/index.ts';
import type { Cluster } from '../../model/types.ts';

/** Above this many pods the diagrams are not drawn (Mermaid's layout gets slow); the words still are. */
const DRAW_MAX_PODS = 300;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function fillSelect(select: HTMLSelectElement, values: readonly string[], selected?: string): void {
  select.replaceChildren(...values.map((v) => {
    const option = el('option', v);
    option.value = v;
    if (v === selected) option.selected = true;
    return option;
  }));
}

function messageList(title: string, lines: readonly string[], className?: string): HTMLElement[] {
  if (lines.length === 0) return [];
  const heading = el('h3', `${title} (${lines.length})`);
  const list = el('ul', undefined, `yc-messages${className ? ` ${className}` : ''}`);
  list.replaceChildren(...lines.map((line) => el('li', line)));
  return [heading, list];
}

async function readFiles(list: FileList | null | undefined): Promise<ImportSource[]> {
  return Promise.all([...(list ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })));
}

function setup(root: HTMLElement): void {
  const q = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`your-cluster: ${selector} missing`);
    return found;
  };
  const form = q<HTMLFormElement>('[data-form]');
  const textarea = q<HTMLTextAreaElement>('#yc-text');
  const fileInput = q<HTMLInputElement>('#yc-file');
  const fileList = q<HTMLElement>('[data-file-list]');
  const status = q<HTMLElement>('[data-status]');
  const output = q<HTMLElement>('[data-output]');
  const model = q<HTMLElement>('[data-model]');
  const viewsDetails = q<HTMLDetailsElement>('[data-views-details]');
  const views = q<HTMLElement>('[data-views]');
  const nodeSelect = q<HTMLSelectElement>('[data-node-select]');
  const rules = q<HTMLElement>('[data-rules]');
  const dnsForm = q<HTMLFormElement>('[data-dns-form]');
  const podSelect = q<HTMLSelectElement>('[data-pod-select]');
  const pairForm = q<HTMLFormElement>('[data-pair-form]');
  const fromSelect = q<HTMLSelectElement>('[data-from-select]');
  const toSelect = q<HTMLSelectElement>('[data-to-select]');
  const pair = q<HTMLElement>('[data-pair]');

  let files: ImportSource[] = [];
  let current: Cluster | undefined;
  let drawn = false;

  const showFiles = (): void => {
    fileList.textContent = files.length > 0 ? `Chosen: ${files.map((f) => f.name).join(', ')}` : '';
  };

  const showRules = (): void => {
    if (current && nodeSelect.value) rules.textContent = nodeRules(current, nodeSelect.value);
  };

  const showDns = (): void => {
    if (!current || !podSelect.value) return;
    const pod = podSelect.value;
    q<HTMLElement>('[data-resolv]').textContent = podResolvConf(current, pod);
    const name = (dnsForm.elements.namedItem('name') as HTMLInputElement).value.trim();
    const resolverValue = (dnsForm.elements.namedItem('resolver') as HTMLSelectElement).value;
    const resolver: StubResolver = (STUB_RESOLVERS as readonly string[]).includes(resolverValue) ? (resolverValue as StubResolver) : 'glibc';
    const list = q<HTMLOListElement>('[data-lookup]');
    const summary = q<HTMLElement>('[data-lookup-summary]');
    if (!name) {
      list.replaceChildren();
      summary.textContent = 'Type a name to look up.';
      return;
    }
    const result = podLookup(current, pod, name, resolver);
    list.replaceChildren(...result.queries.map((query) => {
      const item = el('li');
      item.append(el('code', query.name), ` — ${statusText(query)}`);
      return item;
    }));
    summary.textContent = `ndots ${result.ndots}, search ${result.searches.join(' ') || '(none)'}. ` +
      (result.answeredIndex >= 0 ? `Answered by query ${result.answeredIndex + 1} of ${result.queries.length}.` : 'No query was answered: the lookup fails.');
  };

  const showPair = (fromRef: string, toRef: string): void => {
    if (!current) return;
    const heading = el('li', `From ${fromRef} to ${toRef}:`);
    pair.replaceChildren(heading, ...pairReasons(current, fromRef, toRef).map((r) => el('li', r.reason, r.allowed ? undefined : 'yc-error')));
  };

  const showMatrix = (cluster: Cluster): void => {
    const holder = q<HTMLElement>('[data-matrix]');
    const matrix = smallMatrix(cluster);
    if (!matrix) {
      holder.replaceChildren(el('p', `The full matrix is drawn for up to ${MATRIX_MAX_PODS} pods; pick a pair above to see a verdict and its reason.`));
      return;
    }
    const table = el('table', undefined, 'yc-matrix');
    table.append(el('caption', 'Rows: source pod; columns: destination pod. Choose a cell to see why.'));
    const head = el('tr');
    head.append(el('th', 'from \\ to'), ...matrix.pods.map((p) => {
      const th = el('th', p);
      th.scope = 'col';
      return th;
    }));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    matrix.cells.forEach((row, i) => {
      const tr = el('tr');
      const th = el('th', matrix.pods[i]);
      th.scope = 'row';
      tr.append(th, ...row.map((cell) => {
        const td = el('td');
        const symbol = cell.self ? '·' : cell.summary === 'allowed' ? '✓' : cell.summary === 'denied' ? '✗' : '±';
        const button = el('button', symbol);
        button.type = 'button';
        button.setAttribute('aria-label', `${cell.from} to ${cell.to}: ${describeCell(cell)}`);
        button.addEventListener('click', () => {
          pair.replaceChildren(el('li', `From ${cell.from} to ${cell.to}:`), ...matrixCellReasons(cluster, cell).map((r, k) => el('li', r, cell.ports[k]?.allowed || cell.self ? undefined : 'yc-error')));
          fromSelect.value = cell.from;
          toSelect.value = cell.to;
          pair.scrollIntoView({ block: 'nearest' });
        });
        td.append(button);
        return td;
      }));
      tbody.append(tr);
    });
    table.append(thead, tbody);
    const wrap = el('div', undefined, 'yc-matrix-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', 'NetworkPolicy matrix');
    wrap.append(table);
    holder.replaceChildren(el('p', '✓ allowed on every port, ✗ denied on every port, ± some ports allowed, · the pod itself.'), wrap);
  };

  const drawViews = async (): Promise<void> => {
    if (!current || drawn) return;
    drawn = true;
    const cluster = current;
    const rendered = clusterViews(cluster);
    const pods = podRefs(cluster).length;
    // Laid out as build-time figures (MermaidFigure.astro): the drawing, its caption under it, and
    // the words after the figure.
    const figures = rendered.map((view) => {
      const figure = el('figure', undefined, 'yc-view');
      const diagram = el('div', undefined, 'yc-diagram');
      figure.append(diagram, el('figcaption', view.title, 'yc-caption'));
      return { view, figure, diagram, words: el('p', view.description) };
    });
    views.replaceChildren(...figures.flatMap((f) => [f.figure, f.words]));
    if (pods > DRAW_MAX_PODS) {
      views.prepend(el('p', `${pods} pods are too many to draw legibly; the diagrams are given in words.`));
      return;
    }
    const drawing = el('p', 'Drawing…');
    views.prepend(drawing);
    // Loaded with Mermaid, only when the diagrams are opened: the page's own script stays small.
    const { loadMermaid, placeMermaidSvg } = await import('./browser-diagram.ts');
    const mermaid = await loadMermaid();
    for (const [i, f] of figures.entries()) {
      try {
        const { svg } = await mermaid.render(`yc-render-${i}`, f.view.mermaid);
        const placed = placeMermaidSvg(svg, { idPrefix: `yc-view-${i}`, title: f.view.title });
        // Mermaid writes HTML-style <br> in labels, so parse as HTML (not XML); scripts in a
        // DOMParser document never run, and importNode keeps them inert.
        const svgElement = new DOMParser().parseFromString(placed.svg, 'text/html').querySelector('svg');
        if (!svgElement) throw new Error('Mermaid returned no SVG');
        // As build-time figures: never narrower than a legible scale; a wider one scrolls sideways
        // in a keyboard-reachable box.
        f.diagram.style.setProperty('--mmd-min-width', `${placed.minWidth}px`);
        if (placed.mayScroll) {
          f.diagram.tabIndex = 0;
          f.diagram.setAttribute('role', 'group');
          f.diagram.setAttribute('aria-label', `${f.view.title} (scrolls sideways)`);
        }
        f.diagram.replaceChildren(document.importNode(svgElement, true));
      } catch (error) {
        f.diagram.replaceChildren(el('p', `The diagram could not be drawn: ${(error as Error).message}`, 'yc-error'));
      }
    }
    drawing.remove();
  };

  const run = (): void => {
    const text = textarea.value;
    const sources: string | ImportSource[] = files.length === 0 ? text : [...files, ...(text.trim() ? [{ name: 'pasted text', text }] : [])];
    if (files.length === 0 && !text.trim()) {
      status.textContent = 'Paste kubectl output, choose files or load the sample first.';
      return;
    }
    const started = performance.now();
    let explanation: Explanation;
    try {
      explanation = explain(sources);
    } catch (error) {
      status.textContent = `The import failed: ${(error as Error).message}`;
      return;
    }
    const { result, messages } = explanation;
    current = explanation.cluster;
    drawn = false;
    views.replaceChildren();
    viewsDetails.open = false;
    output.hidden = false;
    const c = result.counts;
    q<HTMLElement>('[data-counts]').textContent =
      `${c.nodes} nodes, ${c.pods} pods, ${c.services} Services, ${c.endpointSlices} EndpointSlices, ${c.networkPolicies} NetworkPolicies, ${c.namespaces} Namespaces` +
      `${c.clusterNetworkPolicies ? `, ${c.clusterNetworkPolicies} ClusterNetworkPolicies` : ''}. ` +
      `Network plugin: ${result.plugin.note}`;
    q<HTMLElement>('[data-messages]').replaceChildren(
      ...messageList('Errors', messages.errors, 'yc-error'),
      ...messageList('Model errors', messages.invalid, 'yc-error'),
      ...messageList('Left out so the rest can be shown', explanation.leftOut, 'yc-error'),
      ...messageList('Warnings', [...messages.warnings, ...messages.validationWarnings]),
      ...messageList('Assumptions', messages.assumptions),
    );
    const ms = Math.round(performance.now() - started);
    const problems = messages.errors.length + messages.invalid.length;
    model.hidden = !current;
    if (!current) {
      status.textContent = `Read in ${ms} ms, but the model found ${problems} error(s), listed below; fix them in the text box and try again.`;
      return;
    }
    const leftOut = explanation.leftOut.length > 0 ? ` ${explanation.leftOut.length} object(s) were left out.` : '';
    status.textContent = `Imported in ${ms} ms${problems > 0 ? `, with ${problems} error(s) listed below (the rest is shown)` : ''}.${leftOut} Nothing left this page.`;
    const cluster = current;
    q<HTMLElement>('[data-nodes]').replaceChildren(...(() => {
      const list = el('ul', undefined, 'yc-nodes');
      list.replaceChildren(...cluster.nodes.map((n) => el('li', `${n.name} (${n.ip}, pods ${n.podCIDR}): ${n.pods.length} pod(s)${n.pods.length > 0 ? ` — ${n.pods.slice(0, 20).map((p) => `${p.namespace}/${p.name} ${p.ip}`).join(', ')}${n.pods.length > 20 ? ', …' : ''}` : ''}`)));
      return [list];
    })());
    fillSelect(nodeSelect, cluster.nodes.map((n) => n.name));
    showRules();
    const pods = podRefs(cluster);
    // Start on an application pod: the first one on the pod network outside kube-system.
    const appPod = cluster.nodes.flatMap((n) => n.pods).find((p) => !p.hostNetwork && p.namespace !== 'kube-system');
    fillSelect(podSelect, pods, appPod ? `${appPod.namespace}/${appPod.name}` : pods[0]);
    showDns();
    const summary = policySummary(cluster);
    q<HTMLElement>('[data-policy-summary]').textContent =
      `${summary.policies} NetworkPolicies; of ${summary.pods} pods on the pod network, ${summary.isolatedIngress} are isolated for ingress and ${summary.isolatedEgress} for egress. ` +
      'hostNetwork pods are left out: their policy behaviour depends on the plugin.';
    const matrixPodsList = pods.filter((p) => cluster.nodes.some((n) => n.pods.some((x) => `${x.namespace}/${x.name}` === p && !x.hostNetwork)));
    fillSelect(fromSelect, matrixPodsList);
    fillSelect(toSelect, matrixPodsList, matrixPodsList[1]);
    pair.replaceChildren();
    showMatrix(cluster);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  dnsForm.addEventListener('submit', (event) => {
    event.preventDefault();
    showDns();
  });
  podSelect.addEventListener('change', showDns);
  nodeSelect.addEventListener('change', showRules);
  pairForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (fromSelect.value && toSelect.value) showPair(fromSelect.value, toSelect.value);
  });
  viewsDetails.addEventListener('toggle', () => {
    if (viewsDetails.open) void drawViews();
  });
  fileInput.addEventListener('change', async () => {
    files = await readFiles(fileInput.files);
    showFiles();
  });
  textarea.addEventListener('dragover', (event) => {
    event.preventDefault();
    textarea.classList.add('yc-dragover');
  });
  textarea.addEventListener('dragleave', () => textarea.classList.remove('yc-dragover'));
  textarea.addEventListener('drop', async (event) => {
    event.preventDefault();
    textarea.classList.remove('yc-dragover');
    const dropped = await readFiles(event.dataTransfer?.files);
    if (dropped.length === 1 && !textarea.value.trim()) textarea.value = dropped[0]!.text;
    else files = [...files, ...dropped];
    showFiles();
  });
  q<HTMLButtonElement>('[data-clear]').addEventListener('click', () => {
    files = [];
    fileInput.value = '';
    textarea.value = '';
    showFiles();
    status.textContent = 'Cleared.';
    textarea.focus();
  });
  q<HTMLButtonElement>('[data-sample]').addEventListener('click', async () => {
    const { sampleText } = await import('./sample.ts');
    textarea.value = sampleText();
    files = [];
    fileInput.value = '';
    showFiles();
    run();
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-your-cluster]')) setup(root);
