/**
 * Label keys and values as the API server checks them (k8s.io/apimachinery/pkg/util/validation:
 * IsQualifiedName for keys, IsValidLabelValue for values; metav1validation.ValidateLabels), and
 * label selectors (metav1validation.ValidateLabelSelector, ValidateLabelSelectorRequirement).
 */
import { SELECTOR_OPERATORS } from '../enums.ts';
import { isDns1123Subdomain } from '../names.ts';
import type { LabelSelector, Labels } from '../types.ts';
import { quote, type Report } from './fields.ts';

// validation.go qualifiedNameFmt: alphanumeric at both ends, '-', '_' and '.' inside.
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_MAX = 63;
// validation.go labelValueFmt: the same characters, and the empty value is allowed.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MAX = 63;

/** Why `key` is not a qualified name (`[prefix/]name`), or undefined when it is one. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'has more than one "/"';
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') return 'has an empty prefix before "/"';
    if (!isDns1123Subdomain(prefix)) return `has a prefix ${quote(prefix)} that is not a DNS-1123 subdomain (lower-case, at most 253 characters)`;
  }
  if (name === '') return 'has an empty name part';
  if (name.length > QUALIFIED_NAME_MAX) return `has a name part of ${name.length} characters (at most ${QUALIFIED_NAME_MAX})`;
  if (!QUALIFIED_NAME.test(name)) return "has a name part that must start and end with a letter or digit and use only letters, digits, '-', '_' and '.'";
  return undefined;
}

/** Why `value` is not a valid label value, or undefined when it is one (the empty value is). */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value.length > LABEL_VALUE_MAX) return `is ${value.length} characters long (at most ${LABEL_VALUE_MAX})`;
  if (!LABEL_VALUE.test(value)) return "must be empty or start and end with a letter or digit, with only letters, digits, '-', '_' and '.'";
  return undefined;
}

/** Reports every invalid key and value of `labels` (a label map or a selector's matchLabels) at `path`. */
export function checkLabelMap(r: Report, path: string, labels: Labels | undefined, what: string): void {
  if (labels === undefined) return;
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    r.error(path, `${what} must be an object of key: value strings`, "write e.g. { app: 'web' }");
    return;
  }
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) {
      r.error(`${path}.${key}`, `${what} key ${quote(key)} ${keyProblem}`, "use an optional DNS prefix and a name, e.g. 'app' or 'app.kubernetes.io/name'");
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      r.error(`${path}.${key}`, `${what} value ${quote(value)} ${valueProblem}`, "use at most 63 letters, digits, '-', '_' or '.', e.g. 'web-1'");
    }
  }
}

/**
 * Reports what the API rejects in a label selector at `path`: bad `matchLabels`, and in each
 * `matchExpressions` requirement a bad key, an unknown operator, `In`/`NotIn` without values,
 * `Exists`/`DoesNotExist` with values, or a bad value.
 */
export function checkLabelSelector(r: Report, path: string, selector: LabelSelector | undefined): void {
  if (selector === undefined) return;
  checkLabelMap(r, `${path}.matchLabels`, selector.matchLabels, 'label selector');
  const expressions = selector.matchExpressions;
  if (expressions === undefined) return;
  if (!Array.isArray(expressions)) {
    r.error(`${path}.matchExpressions`, 'matchExpressions must be an array', "write matchExpressions: [{ key: 'tier', operator: 'In', values: ['api'] }]");
    return;
  }
  expressions.forEach((req, k) => {
    const at = `${path}.matchExpressions[${k}]`;
    const keyProblem = typeof req?.key === 'string' ? qualifiedNameProblem(req.key) : 'is missing';
    if (keyProblem) r.error(`${at}.key`, `selector key ${quote(req?.key)} ${keyProblem}`, "use a label key such as 'app' or 'app.kubernetes.io/name'");
    const values = req?.values ?? [];
    if (!SELECTOR_OPERATORS.includes(req?.operator)) {
      r.error(`${at}.operator`, `operator ${quote(req?.operator)} is not one of ${SELECTOR_OPERATORS.join(', ')}`, "use 'In', 'NotIn', 'Exists' or 'DoesNotExist' (case matters)");
    } else if ((req.operator === 'In' || req.operator === 'NotIn') && values.length === 0) {
      r.error(`${at}.values`, `operator ${req.operator} needs at least one value`, `list the values, e.g. values: ['api']; to test for the key alone use 'Exists'`);
    } else if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && values.length > 0) {
      r.error(`${at}.values`, `operator ${req.operator} takes no values`, `remove values, or use '${req.operator === 'Exists' ? 'In' : 'NotIn'}' to compare values`);
    }
    values.forEach((value, m) => {
      const problem = labelValueProblem(value);
      if (problem) r.error(`${at}.values[${m}]`, `selector value ${quote(value)} ${problem}`, "use at most 63 letters, digits, '-', '_' or '.'");
    });
  });
}
