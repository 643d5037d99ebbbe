/** Astro middleware (added by codeBlockAssetsInHead): every HTML page, built or served by `astro dev`, through hoistCodeBlockAssets. */
import { defineMiddleware } from 'astro:middleware';
import { hoistCodeBlockAssets } from './code-block-assets.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(hoistCodeBlockAssets(html), { status: response.status, statusText: response.statusText, headers });
});
