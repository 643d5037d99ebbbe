import { describe, expect, it } from 'vitest';
import { IssueCollector, at, childPath, formatIssue } from '../../../src/import/issues.ts';
import { apiObjects } from '../../../src/import/objects.ts';
import { parseDocuments, splitJsonValues } from '../../../src/import/parse.ts';

function parse(text: string) {
  const issues = new IssueCollector();
  const docs = parseDocuments(text, { path: '' }, issues);
  return { docs, issues };
}

describe('issues', () => {
  it('formats a located finding as source: path: message', () => {
    expect(formatIssue({ source: 'svc.json', path: 'items[12].spec.clusterIP', message: 'bad' })).toBe('svc.json: items[12].spec.clusterIP: bad');
    expect(formatIssue({ path: 'items[0]', message: 'bad' })).toBe('items[0]: bad');
    expect(formatIssue({ path: '', message: 'bad' })).toBe('bad');
  });

  it('joins paths with dots, and indexes without', () => {
    expect(childPath('', 'items')).toBe('items');
    expect(childPath('items', '[3]')).toBe('items[3]');
    expect(childPath('items[3]', 'spec')).toBe('items[3].spec');
    expect(at({ source: 'a', path: 'items[1]' }, 'metadata.name')).toEqual({ source: 'a', path: 'items[1].metadata.name' });
  });

  it('collects errors and warnings apart', () => {
    const issues = new IssueCollector();
    issues.error({ path: 'a' }, 'e');
    issues.warning({ path: 'b' }, 'w');
    expect(issues.errors).toEqual([{ path: 'a', message: 'e' }]);
    expect(issues.warnings).toEqual([{ path: 'b', message: 'w' }]);
  });
});

describe('splitJsonValues', () => {
  it('splits values pasted one after another, ignoring braces inside strings', () => {
    const text = '{"a":"}{"}\n{"b":[1,{"c":"\\"}"}]}  [1]';
    expect(splitJsonValues(text).map((v) => JSON.parse(v.text))).toEqual([{ a: '}{' }, { b: [1, { c: '"}' }] }, [1]]);
    expect(splitJsonValues(text).map((v) => v.offset)).toEqual([0, 11, 34]);
  });

  it('keeps an unterminated value so its parse error is reported', () => {
    expect(splitJsonValues('{"a": 1} {"b": ').map((v) => v.text)).toEqual(['{"a": 1}', '{"b": ']);
  });
});

describe('parseDocuments', () => {
  it('reads one JSON value, several JSON values, and skips a UTF-8 byte-order mark', () => {
    expect(parse('\uFEFF{"kind":"List","items":[]}').docs.map((d) => d.value)).toEqual([{ kind: 'List', items: [] }]);
    const two = parse('{"kind":"Pod"}\n{"kind":"Service"}');
    expect(two.docs.map((d) => [d.line, (d.value as { kind: string }).kind])).toEqual([
      [1, 'Pod'],
      [2, 'Service'],
    ]);
  });

  it('reads YAML with several documents, with their start lines', () => {
    const { docs, issues } = parse('kind: Pod\nmetadata:\n  name: a\n---\nkind: Service\n---\n');
    expect(docs.map((d) => [d.line, (d.value as { kind: string }).kind])).toEqual([
      [1, 'Pod'],
      [5, 'Service'],
    ]);
    expect(issues.errors).toEqual([]);
  });

  it('reports a broken JSON value with its line, and keeps the others', () => {
    const { docs, issues } = parse('{"kind":"Pod"}\n{"kind": oops}\n{"kind":"Node"}');
    expect(docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['Pod', 'Node']);
    expect(issues.errors).toHaveLength(1);
    expect(issues.errors[0]!.message).toMatch(/^the JSON value starting on line 2 could not be read/);
  });

  it('reports a broken YAML document with its line, and keeps the others', () => {
    const { docs, issues } = parse('kind: Pod\n---\nkind: [unclosed\n---\nkind: Node\n');
    expect(docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['Pod', 'Node']);
    expect(issues.errors[0]!.message).toMatch(/^the YAML document starting on line 3 could not be read \(line \d+: /);
  });

  it('refuses YAML alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const { docs, issues } = parse(`${bomb}\n---\nkind: Pod\n`);
    expect(docs.map((d) => d.value)).toEqual([{ kind: 'Pod' }]);
    expect(issues.errors[0]!.message).toMatch(/^the YAML document starting on line 1 could not be read \(.*alias/i);
  });

  it('recognises kubectl’s table output and asks for -o json', () => {
    const table = 'NAMESPACE     NAME                      READY   STATUS    RESTARTS   AGE\nkube-system   coredns-7c65d6cfc9-4xq8p  1/1     Running   0          3d\n';
    const { docs, issues } = parse(table);
    expect(docs).toEqual([]);
    expect(issues.errors.map((e) => e.message)).toEqual(['this is kubectl’s table output, which lacks the objects’ fields; run the same kubectl get with -o json (or -o yaml)']);
    expect(parse('name: x\nkind: Pod\n').issues.errors).toEqual([]);
  });

  it('reports empty text', () => {
    expect(parse('  \n').issues.errors.map((e) => e.message)).toEqual(['the text is empty']);
  });
});

describe('apiObjects', () => {
  function objects(text: string, source?: string) {
    const issues = new IssueCollector();
    const docs = parseDocuments(text, { path: '' }, issues);
    return { objects: apiObjects(docs, source, issues), issues };
  }

  it('takes the items of a List with their paths', () => {
    const { objects: list } = objects('{"kind":"List","items":[{"kind":"Node"},{"kind":"Pod"}]}');
    expect(list.map((o) => [o.kind, o.read.location.path])).toEqual([
      ['Node', 'items[0]'],
      ['Pod', 'items[1]'],
    ]);
  });

  it('gives items of a typed list the list’s kind when they omit it', () => {
    const { objects: list } = objects('{"kind":"PodList","items":[{"metadata":{"name":"a"}}]}', 'pods.json');
    expect(list.map((o) => [o.kind, o.read.location])).toEqual([['Pod', { source: 'pods.json', path: 'items[0]' }]]);
  });

  it('names the document when a source holds several', () => {
    const { objects: list } = objects('kind: Service\n---\nkind: List\nitems:\n- kind: Pod\n');
    expect(list.map((o) => [o.kind, o.read.location.path])).toEqual([
      ['Service', 'documents[0]'],
      ['Pod', 'documents[1].items[0]'],
    ]);
  });

  it('reads a bare JSON array, and reports what is no object', () => {
    const { objects: list, issues } = objects('[{"kind":"Pod"}, 3, {"metadata":{}}]');
    expect(list.map((o) => [o.kind, o.read.location.path])).toEqual([['Pod', '[0]']]);
    expect(issues.errors.map((e) => e.path)).toEqual(['[1]', '[2]']);
  });
});
