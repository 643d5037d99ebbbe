/**
 * Content-Security-Policy for hosting the built site. Inline scripts (Starlight's
 * theme bootstrap, small islands) are allowed by their SHA-256 hash only; Pagefind
 * needs WebAssembly ('wasm-unsafe-eval') and same-origin fetches. Inline *styles*
 * stay allowed: Starlight and Expressive Code emit style attributes, which carry no code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './dist-files.ts';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** `'sha256-...'` sources for every inline script (one without `src`) in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes ?? '') || !body) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The policy string for a set of allowed inline-script hashes. */
export function contentSecurityPolicy(scriptHashes: Iterable<string>): string {
  const hashes = [...new Set(scriptHashes)].sort();
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}


/** Security headers for every path, in the `_headers` format of Netlify and Cloudflare Pages. */
export function headersFile(policy: string, base = '/'): string {
  const prefix = base.replace(/\/+$/, '');
  return [
    `${prefix}/*`,
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}

/** Hashes every inline script in `distDir` and writes `distDir/_headers`; returns the policy. */
export function writeHeadersFile(distDir: string, base = '/'): string {
  const hashes = htmlFiles(distDir).flatMap((file) => inlineScriptHashes(readFileSync(file, 'utf8')));
  const policy = contentSecurityPolicy(hashes);
  writeFileSync(join(distDir, '_headers'), headersFile(policy, base));
  return policy;
}

/** Reads the policy back from a `_headers` file (used by the test server to serve like a host). */
export function policyFromHeadersFile(text: string): string | undefined {
  return /^\s*Content-Security-Policy:\s*(.+)$/m.exec(text)?.[1]?.trim();
}
