// Source: k8s.io/apimachinery/pkg/util/validation/validation.go (IsQualifiedName: optional
// DNS-1123-subdomain prefix and "/", a name of at most 63 characters matching
// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]; IsValidLabelValue: the same, at most 63, or empty).
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector } from '../../../src/model/diagnostics.ts';
import { isSearchDomain } from '../../../src/model/validation/dns.ts';
import { checkProtocol, checkSubdomain } from '../../../src/model/validation/fields.ts';
import { checkLabelMap, checkLabelSelector, labelValueProblem, qualifiedNameProblem } from '../../../src/model/validation/labels.ts';

describe('qualifiedNameProblem', () => {
  it('accepts names and prefixed names the API accepts', () => {
    for (const key of ['app', 'App_Name.v2', 'a', 'app.kubernetes.io/name', 'example.com/MyKey', 'k'.repeat(63)]) {
      expect(qualifiedNameProblem(key), key).toBeUndefined();
    }
  });
  it('rejects what the API rejects, saying why', () => {
    expect(qualifiedNameProblem('a/b/c')).toBe('has more than one "/"');
    expect(qualifiedNameProblem('/app')).toBe('has an empty prefix before "/"');
    expect(qualifiedNameProblem('example.com/')).toBe('has an empty name part');
    expect(qualifiedNameProblem('Example.com/app')).toMatch(/prefix "Example.com" that is not a DNS-1123 subdomain/);
    expect(qualifiedNameProblem(`${'a'.repeat(254)}/app`)).toMatch(/not a DNS-1123 subdomain/);
    expect(qualifiedNameProblem('k'.repeat(64))).toBe('has a name part of 64 characters (at most 63)');
    for (const key of ['-app', 'app_', 'my app', 'ü']) expect(qualifiedNameProblem(key), key).toMatch(/must start and end/);
  });
});

describe('labelValueProblem', () => {
  it('accepts the empty value and values up to 63 characters', () => {
    for (const value of ['', 'web', 'Web_1.0-beta', 'v'.repeat(63)]) expect(labelValueProblem(value), value).toBeUndefined();
  });
  it('rejects long values, bad ends and characters, and non-strings', () => {
    expect(labelValueProblem('v'.repeat(64))).toBe('is 64 characters long (at most 63)');
    for (const value of ['-web', 'web.', 'a b', 'a/b']) expect(labelValueProblem(value), value).toMatch(/must be empty or start and end/);
    expect(labelValueProblem(3)).toBe('is not a string');
  });
});

describe('checkLabelMap', () => {
  it('reports each bad key and value at its own path, and nothing for a good map', () => {
    const r = new DiagnosticCollector('diagrams/x.ts');
    checkLabelMap(r, 'pods[0].labels', { app: 'web', '-bad': 'ok', good: 'bad value' }, 'label');
    expect(r.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['pods[0].labels.-bad', expect.stringMatching(/^label key "-bad" has a name part/)],
      ['pods[0].labels.good', expect.stringMatching(/^label value "bad value" must be empty/)],
    ]);
    const clean = new DiagnosticCollector('diagrams/x.ts');
    checkLabelMap(clean, 'p', { 'app.kubernetes.io/name': 'web', tier: '' }, 'label');
    checkLabelMap(clean, 'p', undefined, 'label');
    expect(clean.diagnostics).toEqual([]);
  });
  it('reports a label map that is not an object', () => {
    const r = new DiagnosticCollector('diagrams/x.ts');
    checkLabelMap(r, 'p', ['app=web'] as never, 'label');
    expect(r.diagnostics[0]).toMatchObject({ path: 'p', message: 'label must be an object of key: value strings' });
  });
});

describe('checkSubdomain and checkProtocol', () => {
  it('accepts dotted lower-case names up to 253 characters', () => {
    const r = new DiagnosticCollector('diagrams/x.ts');
    checkSubdomain(r, 'name', 'node-1.example.com', 'node name');
    checkSubdomain(r, 'name', 'Node_1', 'node name');
    checkSubdomain(r, 'name', 'a.'.repeat(127), 'node name');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'node name "Node_1" is not a DNS-1123 subdomain',
      `node name "${'a.'.repeat(127)}" is not a DNS-1123 subdomain`,
    ]);
  });
  it('accepts TCP, UDP, SCTP and an unset protocol; nothing else', () => {
    const r = new DiagnosticCollector('diagrams/x.ts');
    for (const p of ['TCP', 'UDP', 'SCTP', undefined]) checkProtocol(r, 'protocol', p);
    expect(r.diagnostics).toEqual([]);
    checkProtocol(r, 'protocol', 'udp');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['protocol "udp" is not one of TCP, UDP, SCTP']);
  });
});

// metav1validation.ValidateLabelSelectorRequirement: In/NotIn need values, Exists/DoesNotExist take none.
describe('checkLabelSelector', () => {
  const run = (selector: unknown) => {
    const r = new DiagnosticCollector('diagrams/x.ts');
    checkLabelSelector(r, 'sel', selector as never);
    return r.diagnostics.map((d) => [d.path, d.message]);
  };
  it('accepts every operator used correctly, and empty selectors', () => {
    expect(run({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['api'] }, { key: 'tier', operator: 'NotIn', values: ['web', ''] },
        { key: 'app.kubernetes.io/name', operator: 'Exists' }, { key: 'legacy', operator: 'DoesNotExist', values: [] },
      ],
    })).toEqual([]);
    expect(run({})).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });
  it('rejects In/NotIn without values and Exists/DoesNotExist with values', () => {
    expect(run({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }, { key: 'b', operator: 'NotIn' }] })).toEqual([
      ['sel.matchExpressions[0].values', 'operator In needs at least one value'],
      ['sel.matchExpressions[1].values', 'operator NotIn needs at least one value'],
    ]);
    expect(run({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }, { key: 'b', operator: 'DoesNotExist', values: ['y'] }] })).toEqual([
      ['sel.matchExpressions[0].values', 'operator Exists takes no values'],
      ['sel.matchExpressions[1].values', 'operator DoesNotExist takes no values'],
    ]);
  });
  it('rejects unknown operators (case matters), bad keys and bad values', () => {
    expect(run({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] })).toEqual([
      ['sel.matchExpressions[0].operator', 'operator "in" is not one of In, NotIn, Exists, DoesNotExist'],
    ]);
    expect(run({ matchExpressions: [{ key: '-a', operator: 'Exists' }, { operator: 'Exists' }] }).map(([p]) => p)).toEqual([
      'sel.matchExpressions[0].key', 'sel.matchExpressions[1].key',
    ]);
    expect(run({ matchExpressions: [{ key: 'a', operator: 'In', values: ['ok', 'not ok'] }] })).toEqual([
      ['sel.matchExpressions[0].values[1]', expect.stringMatching(/^selector value "not ok" must be empty/)],
    ]);
    expect(run({ matchLabels: { '-a': 'x' } })).toEqual([['sel.matchLabels.-a', expect.stringMatching(/^label selector key "-a"/)]]);
    expect(run({ matchExpressions: 'tier=api' })).toEqual([['sel.matchExpressions', 'matchExpressions must be an array']]);
  });
});

// KEP-4427 RelaxedDNSSearchValidation (GA v1.34): apimachinery IsDNS1123SubdomainWithUnderscore, or ".".
describe('isSearchDomain', () => {
  it('accepts the root, underscores, one trailing dot', () => {
    for (const s of ['.', 'example.com', 'example.com.', '_sip._tcp.example.com', 'my_domain.local', 'a'.repeat(63)]) expect(isSearchDomain(s), s).toBe(true);
  });
  it('rejects upper case, two trailing dots, empty labels, labels ending in "_" and names over 253 characters', () => {
    for (const s of ['Example.com', 'example.com..', '..', '', 'a..b', 'x_.example', '__x.example', `${'a.'.repeat(127)}a`]) expect(isSearchDomain(s), s).toBe(false);
  });
});
