import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
  metaPolicy,
  policyFromHeadersFile,
  withPolicyMeta,
  writeContentSecurityPolicy,
} from '../../../src/site/csp.ts';

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>${body}</head><body></body></html>`;
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
    writeFileSync(join(dir, 'index.html'), page('<script>one()</script>'));
    writeFileSync(join(dir, 'a', 'index.html'), page('<script>two()</script>'));
    const policy = writeContentSecurityPolicy(dir, '/k8s/');
    const text = readFileSync(join(dir, '_headers'), 'utf8');
    expect(text.startsWith('/k8s/*\n')).toBe(true);
    expect(policy).toContain(sha('one()'));
    expect(policy).toContain(sha('two()'));
    expect(policyFromHeadersFile(text)).toBe(policy);
    expect(headersFile('x', '/')).toMatch(/^\/\*\n/);
  });

  it('also puts the policy, minus frame-ancestors, in every page before its first script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'index.html'), page('<script>one()</script>'));
    writeFileSync(join(dir, 'a', 'index.html'), page('<script>two()</script>'));
    const policy = writeContentSecurityPolicy(dir, '/');
    for (const file of [join(dir, 'index.html'), join(dir, 'a', 'index.html')]) {
      const html = readFileSync(file, 'utf8');
      const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(content).toBe(metaPolicy(policy));
      expect(content).toContain(sha('one()'));
      expect(content).not.toContain('frame-ancestors');
      expect(html.indexOf('http-equiv')).toBeLessThan(html.indexOf('<script>'));
      expect(html.indexOf('<meta charset="utf-8">')).toBeLessThan(html.indexOf('http-equiv'));
    }
  });

  it('names the page and writes nothing when a page has no <head>', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    writeFileSync(join(dir, 'index.html'), page('<script>one()</script>'));
    writeFileSync(join(dir, 'broken.html'), '<p>fragment</p>');
    expect(() => writeContentSecurityPolicy(dir, '/')).toThrow(/broken\.html: no <head>/);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(page('<script>one()</script>'));
    expect(() => readFileSync(join(dir, '_headers'))).toThrow();
  });
});

describe('metaPolicy', () => {
  it('drops the directives a <meta> policy cannot carry and keeps the rest in order', () => {
    expect(metaPolicy("default-src 'self'; frame-ancestors 'none'; report-uri /r; sandbox; script-src 'self'")).toBe(
      "default-src 'self'; script-src 'self'",
    );
  });
});

describe('withPolicyMeta', () => {
  it('escapes the attribute and replaces an earlier policy instead of adding a second one', () => {
    const once = withPolicyMeta(page(''), 'default-src "x" & y');
    expect(once).toContain('content="default-src &quot;x&quot; &amp; y"');
    const twice = withPolicyMeta(once, "default-src 'none'");
    expect(twice.match(/http-equiv/g)).toHaveLength(1);
    expect(twice).toContain(`content="default-src 'none'"`);
  });
  it('goes right after <head> when there is no charset declaration', () => {
    expect(withPolicyMeta('<html><head lang="en"><title>t</title></head></html>', "default-src 'self'")).toBe(
      `<html><head lang="en"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><title>t</title></head></html>`,
    );
  });
});
