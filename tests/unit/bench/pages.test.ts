import { expect, it } from 'vitest';
import { classifyPage, distFileForPath, hasDiagram, hasDnsExplorer, normaliseBase, representatives, sitemapLocations, type SitePage } from '../../../bench/pages.ts';

it('reads <loc> URLs from a sitemap, decoding XML entities', () => {
  const xml =
    '<?xml version="1.0"?><urlset><url><loc>https://x.io/</loc></url><url><loc> https://x.io/a?b=1&amp;c=2 </loc></url></urlset>';
  expect(sitemapLocations(xml)).toEqual(['https://x.io/', 'https://x.io/a?b=1&c=2']);
});

it('maps served paths to dist files, under a base path', () => {
  expect(normaliseBase('')).toBe('/');
  expect(normaliseBase('/k8s/')).toBe('/k8s/');
  expect(normaliseBase('k8s')).toBe('/k8s/');
  expect(distFileForPath('/', '/')).toBe('index.html');
  expect(distFileForPath('/dns/name-resolution/', '/')).toBe('dns/name-resolution/index.html');
  expect(distFileForPath('/404.html', '/')).toBe('404.html');
  expect(distFileForPath('/dns/name-resolution', '/')).toBe('dns/name-resolution/index.html');
  expect(distFileForPath('/k8s/', '/k8s')).toBe('index.html');
  expect(distFileForPath('/k8s', '/k8s')).toBe('index.html');
  expect(distFileForPath('/k8s/dns/x/', '/k8s/')).toBe('dns/x/index.html');
  expect(distFileForPath('/other/', '/k8s')).toBeUndefined();
  expect(distFileForPath('/%2e%2e/etc/passwd', '/')).toBeUndefined();
});

it('recognises the DNS explorer island and diagrams', () => {
  expect(hasDnsExplorer('<div data-dns-explorer>')).toBe(true);
  expect(hasDnsExplorer('<div data-dns-explorer="x">')).toBe(true);
  expect(hasDnsExplorer('<dns-explorer data-x>')).toBe(true);
  expect(hasDnsExplorer('<astro-island uid="1" component-url="/_astro/DnsExplorer.abc.js">')).toBe(true);
  expect(hasDnsExplorer('<p>the DNS explorer below</p>')).toBe(false);
  expect(hasDiagram('<figure class="mmd-figure"><div><svg></svg></div></figure>')).toBe(true);
  // A code frame followed by an icon SVG outside any figure is not a diagram.
  expect(hasDiagram('<figure class="frame"><pre>x</pre></figure><button><svg></svg></button>')).toBe(false);
});

it('classifies pages: home, 404, DNS explorer, diagrams, content', () => {
  const diagram = '<figure><svg></svg></figure>';
  expect(classifyPage('/', diagram, '/')).toBe('home');
  expect(classifyPage('/k8s/', '', '/k8s')).toBe('home');
  expect(classifyPage('/404.html', '', '/')).toBe('404');
  expect(classifyPage('/dns/name-resolution/', `<div data-dns-explorer></div>${diagram}`, '/')).toBe('dns-explorer');
  expect(classifyPage('/pod-networking/', diagram, '/')).toBe('diagrams');
  expect(classifyPage('/overview/network-model/', '<p>text</p>', '/')).toBe('content');
});

it('picks the heaviest page of each type, ties broken by path', () => {
  const page = (pathname: string, type: SitePage['type'], bytes: number): SitePage => ({ pathname, file: '', type, bytes });
  const chosen = representatives([page('/b/', 'diagrams', 10), page('/a/', 'diagrams', 10), page('/c/', 'diagrams', 5), page('/', 'home', 1)]);
  expect(chosen.get('diagrams')?.pathname).toBe('/a/');
  expect(chosen.get('home')?.pathname).toBe('/');
  expect(chosen.has('404')).toBe(false);
});
