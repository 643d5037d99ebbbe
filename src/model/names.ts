/**
 * Kubernetes name rules.
 * Source: k8s.io/apimachinery/pkg/util/validation/validation.go.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

// validation.go: IsDNS1123Label (max 63 characters).
export function isDns1123Label(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && DNS1123_LABEL.test(value);
}

// validation.go: IsDNS1035Label; Service names must be DNS-1035 labels (start with a letter).
export function isDns1035Label(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && DNS1035_LABEL.test(value);
}

// validation.go: IsDNS1123Subdomain (max 253 characters, dot-separated labels).
export function isDns1123Subdomain(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 253 &&
    value.split('.').every((label) => DNS1123_LABEL.test(label))
  );
}

// validation.go: IsValidPortName (IANA_SVC_NAME: at most 15 characters, a letter, no "--").
export function isPortName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 15 &&
    IANA_SVC_NAME.test(value) &&
    /[a-z]/.test(value) &&
    !value.includes('--')
  );
}

/** A lower-case DNS-1123 label suggestion for a hint (`Web_1` -> `web-1`). */
export function suggestLabel(value: string): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return cleaned || 'my-name';
}
