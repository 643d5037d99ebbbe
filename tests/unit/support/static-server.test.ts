import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../e2e/support/static-server.ts';

const html = Buffer.from('<!doctype html><p>' + 'pod '.repeat(500) + '</p>');

describe('encodeBody (the test server compresses as hosts do)', () => {
  it('gzips text for a browser that accepts gzip, and the body decodes to the file', () => {
    const out = encodeBody(html, 'text/html; charset=utf-8', 'gzip, deflate, br');
    expect(out.headers['content-encoding']).toBe('gzip');
    expect(out.body.length).toBeLessThan(html.length);
    expect(gunzipSync(out.body).equals(html)).toBe(true);
  });
  it('sends the file as it is when gzip is not accepted or refused with q=0', () => {
    expect(encodeBody(html, 'text/html', undefined).headers).toEqual({});
    expect(encodeBody(html, 'text/html', 'br').headers).toEqual({});
    expect(encodeBody(html, 'text/html', 'gzip;q=0, br').headers).toEqual({});
    expect(encodeBody(html, 'text/html', 'gzip;q=0.5').headers['content-encoding']).toBe('gzip');
  });
  it('leaves binary and already compressed files alone, and can be turned off', () => {
    expect(encodeBody(html, 'application/octet-stream', 'gzip').headers).toEqual({});
    expect(encodeBody(html, 'image/png', 'gzip').headers).toEqual({});
    expect(encodeBody(html, 'text/css', 'gzip', false).body).toBe(html);
    expect(encodeBody(html, 'image/svg+xml', 'gzip').headers['content-encoding']).toBe('gzip');
  });
});
