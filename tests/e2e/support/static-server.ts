/**
 * A minimal static file server for the built site, as a host would serve it:
 * files under `base`, `index.html` for directories, `404.html` with status 404,
 * correct MIME types for Pagefind's wasm and workers, and text compressed with gzip when the browser
 * accepts it (GitHub Pages, Netlify and Cloudflare all do; Lighthouse's simulated network then counts
 * the bytes a reader really downloads). Binds 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { policyFromHeadersFile } from '../../../src/site/csp.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

export interface RunningServer {
  /** Origin plus base path, with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  const candidate = resolve(root, '.' + normalize(decodeURIComponent(pathname)));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  for (const file of [candidate, join(candidate, 'index.html')]) {
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

export interface ServeOptions {
  /** Send dist/_headers' policy as a header (Netlify, Cloudflare); false serves like GitHub Pages. */
  headers?: boolean;
  /** gzip text responses for clients that accept it, as hosts do; default true. */
  compress?: boolean;
}

/** Text types a host compresses; Pagefind's index files are compressed already and stay as they are. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg\+xml)/;

/** The body and its Content-Encoding header for a request: gzip when allowed, accepted and useful. */
export function encodeBody(
  body: Buffer,
  contentType: string,
  acceptEncoding: string | undefined,
  compress = true,
): { body: Buffer; headers: Record<string, string> } {
  // "gzip" listed and not refused with q=0 (RFC 9110, 12.5.3).
  const gzip = (acceptEncoding ?? '').split(',').map((part) => part.trim().toLowerCase().split(/\s*;\s*/));
  const accepts = gzip.some(([coding, ...params]) => coding === 'gzip' && !params.some((p) => /^q=0(\.0{0,3})?$/.test(p)));
  if (!compress || !accepts || !COMPRESSIBLE.test(contentType)) return { body, headers: {} };
  return { body: gzipSync(body), headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } };
}

/** Serves `distDir` at `http://127.0.0.1:<port><base>`; port 0 picks a free one. */
export async function serveStatic(distDir: string, base = '/', port = 0, options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(distDir);
  // Serve under the same Content-Security-Policy a host would apply from dist/_headers.
  const headersPath = join(root, '_headers');
  const policy =
    options.headers !== false && existsSync(headersPath)
      ? policyFromHeadersFile(readFileSync(headersPath, 'utf8'))
      : undefined;
  const security: Record<string, string> = policy ? { 'content-security-policy': policy } : {};
  const prefix = base.replace(/\/+$/, '');
  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const inBase = prefix === '' || pathname === prefix || pathname.startsWith(prefix + '/');
    const file = inBase ? await fileFor(root, pathname.slice(prefix.length) || '/') : undefined;
    const accept = req.headers['accept-encoding'];
    if (file) {
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      const encoded = encodeBody(await readFile(file), type, accept, options.compress);
      res.writeHead(200, { 'content-type': type, ...encoded.headers, ...security });
      res.end(encoded.body);
      return;
    }
    const notFound = await fileFor(root, '/404.html');
    const encoded = encodeBody(notFound ? await readFile(notFound) : Buffer.from('Not found'), MIME['.html']!, accept, options.compress);
    res.writeHead(404, { 'content-type': MIME['.html']!, ...encoded.headers, ...security });
    res.end(encoded.body);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server: no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
