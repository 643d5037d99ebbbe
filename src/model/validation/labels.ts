/**
 * Label keys and values as the API server checks them (k8s.io/apimachinery/pkg/util/validation:
 * IsQualifiedName for keys, IsValidLabelValue for values; metav1validation.ValidateLabels).
 */
import { isDns1123Subdomain } from '../names.ts';
import type { Labels } from '../types.ts';
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
