import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { htmlFiles, sitemapLocations, sitemapPaths } from '../../../src/site/dist-files.ts';

function dist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dir, 'dns', 'a'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<p>home</p>');
  writeFileSync(join(dir, 'dns', 'a', 'index.html'), '<p>a</p>');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'sitemap-index.xml'), '<sitemapindex><sitemap><loc>https://x.io/k8s/sitemap-0.xml</loc></sitemap></sitemapindex>');
  writeFileSync(join(dir, 'sitemap-0.xml'), '<urlset><url><loc>https://x.io/k8s/dns/a/</loc></url><url><loc>https://x.io/k8s/</loc></url></urlset>');
  writeFileSync(join(dir, 'sitemap-1.xml'), '<urlset><url><loc>https://x.io/k8s/</loc></url></urlset>');
  return dir;
}

it('lists every HTML file under a folder, and nothing else', () => {
  const dir = dist();
  expect(htmlFiles(dir).sort()).toEqual([join(dir, 'dns', 'a', 'index.html'), join(dir, 'index.html')]);
});

it('reads page paths from sitemap-N.xml only (not the index), sorted and without repeats', () => {
  expect(sitemapPaths(dist())).toEqual(['/k8s/', '/k8s/dns/a/']);
  expect(sitemapLocations('<loc> https://x.io/a?b=1&amp;c=2 </loc>')).toEqual(['https://x.io/a?b=1&c=2']);
});
