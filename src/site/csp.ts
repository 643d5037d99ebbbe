/**
 * Content-Security-Policy for hosting the built site. Inline scripts (Starlight's
 * theme bootstrap, small islands) are allowed by their SHA-256 hash only; Pagefind
 * needs WebAssembly ('wasm-unsafe-eval') and same-origin fetches. Inline *styles*
 * stay allowed: Starlight and Expressive Code emit style attributes, which carry no code.
 *
 * The policy ships twice: as `dist/_headers` for hosts that read it (Netlify, Cloudflare
 * Pages) and as a `<meta http-equiv>` in every page, because GitHub Pages sets no headers.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
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

// CSP3 §3.3: these directives are ignored (with a console warning) when delivered in <meta>.
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a `<meta>` may carry it: without the directives browsers ignore there. */
export function metaPolicy(policy: string): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !HEADER_ONLY_DIRECTIVES.has(directive.split(/\s+/)[0]!.toLowerCase()))
    .join('; ');
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `html` with the policy as `<meta http-equiv="Content-Security-Policy">`, placed after the
 * charset declaration (which must stay in the first 1024 bytes) and before any script, since a
 * meta policy only governs what follows it. Throws on a document without `<head>`.
 */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(metaPolicy(policy))}">`;
  const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
  if (existing.test(html)) return html.replace(existing, meta);
  const anchor = /<meta charset=[^>]*>/i.exec(html) ?? /<head\b[^>]*>/i.exec(html);
  if (!anchor) throw new Error('no <head> to put the Content-Security-Policy <meta> in');
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * Hashes every inline script in `distDir`, writes `distDir/_headers` and puts the same policy in
 * every page's `<head>`; returns the policy. Each page is written to a temporary file and renamed,
 * so a failure leaves no half-written page.
 */
export function writeContentSecurityPolicy(distDir: string, base = '/'): string {
  const pages = htmlFiles(distDir).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
  const policy = contentSecurityPolicy(pages.flatMap(({ html }) => inlineScriptHashes(html)));
  const updated = pages.map(({ file, html }) => {
    try {
      return { file, html: withPolicyMeta(html, policy) };
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  });
  for (const { file, html } of updated) {
    writeFileSync(`${file}.tmp`, html);
    renameSync(`${file}.tmp`, file);
  }
  writeFileSync(join(distDir, '_headers'), headersFile(policy, base));
  return policy;
}

/** Reads the policy back from a `_headers` file (used by the test server to serve like a host). */
export function policyFromHeadersFile(text: string): string | undefined {
  return /^\s*Content-Security-Policy:\s*(.+)$/m.exec(text)?.[1]?.trim();
}
