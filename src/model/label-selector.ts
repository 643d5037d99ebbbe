/**
 * Label selector matching as the API machinery does it (k8s.io/apimachinery/pkg/apis/meta/v1
 * LabelSelectorAsSelector, pkg/labels Requirement.Matches): `matchLabels` entries are `key = value`
 * requirements, `matchExpressions` add set-based ones, and all must hold. Selector text follows
 * `labels.Selector.String()` (e.g. `app=web,tier in (api,db),!legacy`).
 */
import type { LabelSelector, LabelSelectorRequirement, Labels } from './types.ts';

/** Whether `labels` satisfy one requirement (pkg/labels Requirement.Matches). */
export function requirementMatches(requirement: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return has && values.includes(labels[requirement.key]!);
    case 'NotIn':
      // A missing label satisfies NotIn.
      return !has || !values.includes(labels[requirement.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Whether `labels` match the selector; an empty or missing selector matches everything. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  const exact = Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value);
  return exact && (selector?.matchExpressions ?? []).every((r) => requirementMatches(r, labels));
}

/** One requirement as `labels.Selector.String()` writes it: `k in (a,b)`, `k notin (a)`, `k`, `!k`. */
export function requirementText(requirement: LabelSelectorRequirement): string {
  const values = [...(requirement.values ?? [])].sort().join(',');
  switch (requirement.operator) {
    case 'In':
      return `${requirement.key} in (${values})`;
    case 'NotIn':
      return `${requirement.key} notin (${values})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/**
 * The selector as `kubectl` prints it, requirements sorted by key (labels.Selector.String());
 * an empty selector is `''` (it selects everything).
 */
export function selectorText(selector: LabelSelector | undefined): string {
  const parts: Array<[string, string]> = [
    ...Object.entries(selector?.matchLabels ?? {}).map(([k, v]): [string, string] => [k, `${k}=${v}`]),
    ...(selector?.matchExpressions ?? []).map((r): [string, string] => [r.key, requirementText(r)]),
  ];
  return parts.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, text]) => text).join(',');
}
