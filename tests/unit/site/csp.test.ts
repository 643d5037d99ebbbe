import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
  policyFromHeadersFile,
  writeHeadersFile,
} from '../../../src/site/csp.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of inline scripts and skips external ones', () => {
    const html = '<script>a()</script><script type="module" src="/x.js"></script><script type="module">\n b() \n</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('\n b() \n')]);
  });
  it('matches the CSP spec example hash for alert(\'Hello, world.\');', () => {
    // CSP Level 3, "hash-source" example: sha256 of alert('Hello, world.');
    expect(inlineScriptHashes("<script>alert('Hello, world.');</script>")).toEqual([
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    ]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from self, wasm, and the given hashes, deduplicated and sorted', () => {
    const policy = contentSecurityPolicy(["'sha256-b'", "'sha256-a'", "'sha256-b'"]);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("default-src 'self'");
  });
});

describe('_headers', () => {
  it('is written for every page under the base path and reads back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'index.html'), '<script>one()</script>');
    writeFileSync(join(dir, 'a', 'index.html'), '<script>two()</script>');
    const policy = writeHeadersFile(dir, '/k8s/');
    const text = readFileSync(join(dir, '_headers'), 'utf8');
    expect(text.startsWith('/k8s/*\n')).toBe(true);
    expect(policy).toContain(sha('one()'));
    expect(policy).toContain(sha('two()'));
    expect(policyFromHeadersFile(text)).toBe(policy);
    expect(headersFile('x', '/')).toMatch(/^\/\*\n/);
  });
});
