// Source: k8s.io/apimachinery pkg/labels selector.go (Requirement.Matches: In needs the label set to
// one of the values, NotIn is satisfied by a missing label, Exists/DoesNotExist test the key;
// Requirement.String: "k in (a,b)", "k notin (a)", "k", "!k", values sorted; internalSelector sorted
// by key) and pkg/apis/meta/v1 LabelSelectorAsSelector (matchLabels are "k=v" requirements).
import { describe, expect, it } from 'vitest';
import { requirementMatches, requirementText, selectorMatches, selectorText } from '../../../src/model/label-selector.ts';

const labels = { app: 'web', tier: 'frontend', empty: '' };

describe('requirementMatches', () => {
  it('In / NotIn compare values; a missing label fails In and satisfies NotIn', () => {
    expect(requirementMatches({ key: 'tier', operator: 'In', values: ['backend', 'frontend'] }, labels)).toBe(true);
    expect(requirementMatches({ key: 'tier', operator: 'In', values: ['backend'] }, labels)).toBe(false);
    expect(requirementMatches({ key: 'zone', operator: 'In', values: ['a'] }, labels)).toBe(false);
    expect(requirementMatches({ key: 'tier', operator: 'NotIn', values: ['frontend'] }, labels)).toBe(false);
    expect(requirementMatches({ key: 'zone', operator: 'NotIn', values: ['a'] }, labels)).toBe(true);
    expect(requirementMatches({ key: 'empty', operator: 'In', values: [''] }, labels)).toBe(true);
  });
  it('Exists / DoesNotExist look at the key only (an empty value exists)', () => {
    expect(requirementMatches({ key: 'empty', operator: 'Exists' }, labels)).toBe(true);
    expect(requirementMatches({ key: 'zone', operator: 'Exists' }, labels)).toBe(false);
    expect(requirementMatches({ key: 'zone', operator: 'DoesNotExist' }, labels)).toBe(true);
    expect(requirementMatches({ key: 'app', operator: 'DoesNotExist' }, labels)).toBe(false);
  });
  it('does not take inherited object keys for labels', () => {
    expect(requirementMatches({ key: 'toString', operator: 'Exists' }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { constructor: 'x' } }, labels)).toBe(false);
  });
});

describe('selectorMatches', () => {
  it('matches everything with an empty or missing selector', () => {
    expect(selectorMatches({}, {})).toBe(true);
    expect(selectorMatches(undefined, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: {}, matchExpressions: [] }, labels)).toBe(true);
  });
  it('ANDs matchLabels and every expression', () => {
    expect(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBe(false);
  });
});

describe('selectorText', () => {
  it('writes requirements as kubectl does, sorted by key, values sorted', () => {
    expect(requirementText({ key: 'tier', operator: 'In', values: ['db', 'api'] })).toBe('tier in (api,db)');
    expect(requirementText({ key: 'tier', operator: 'NotIn', values: ['web'] })).toBe('tier notin (web)');
    expect(requirementText({ key: 'legacy', operator: 'Exists' })).toBe('legacy');
    expect(requirementText({ key: 'legacy', operator: 'DoesNotExist' })).toBe('!legacy');
    expect(selectorText({
      matchLabels: { zone: 'a', app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'legacy', operator: 'DoesNotExist' }],
    })).toBe('app=web,!legacy,tier in (a,b),zone=a');
    expect(selectorText({})).toBe('');
  });
});
