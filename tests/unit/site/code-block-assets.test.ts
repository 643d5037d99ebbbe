import { describe, expect, it } from 'vitest';
import { hoistCodeBlockAssets } from '../../../src/site/code-block-assets.ts';

const LINK = '<link rel="stylesheet" href="/base/_astro/ec.w36nc.css"/>';
const SCRIPT = '<script type="module" src="/base/_astro/ec.0vx5m.js"></script>';
const page = (head: string, body: string) => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('hoistCodeBlockAssets', () => {
  it("moves Expressive Code's stylesheet and script from the body to the end of <head>, once each", () => {
    const block = (n: number) => `<div class="expressive-code">${LINK}${SCRIPT}<figure>code ${n}</figure></div>`;
    const out = hoistCodeBlockAssets(page('<meta charset="utf-8">', `<p>intro</p>${block(1)}<p>text</p>${block(2)}`));
    expect(out).toBe(
      page(
        '<meta charset="utf-8"><link rel="stylesheet" href="/base/_astro/ec.w36nc.css"><script type="module" src="/base/_astro/ec.0vx5m.js"></script>',
        '<p>intro</p><div class="expressive-code"><figure>code 1</figure></div><p>text</p><div class="expressive-code"><figure>code 2</figure></div>',
      ),
    );
  });

  it('accepts the link written with or without the closing slash, and keeps one per URL', () => {
    const out = hoistCodeBlockAssets(page('', `${LINK}<div>a</div>${LINK.replace('/>', '>')}`));
    expect(out.match(/ec\.w36nc\.css/g)).toHaveLength(1);
    expect(out.indexOf('ec.w36nc.css')).toBeLessThan(out.indexOf('</head>'));
  });

  it('leaves other stylesheets and scripts in the body where they are', () => {
    const html = page('', '<link rel="stylesheet" href="/_astro/other.css"><script type="module" src="/_astro/page.js"></script>');
    expect(hoistCodeBlockAssets(html)).toBe(html);
  });

  it('adds nothing to <head> that is already there, but still clears the body', () => {
    const head = '<link rel="stylesheet" href="/base/_astro/ec.w36nc.css">';
    const out = hoistCodeBlockAssets(page(head, `${LINK}<p>x</p>`));
    expect(out).toBe(page(head, '<p>x</p>'));
  });

  it('returns a page without code blocks, or a fragment without <head>, unchanged', () => {
    const plain = page('', '<p>no code</p>');
    expect(hoistCodeBlockAssets(plain)).toBe(plain);
    expect(hoistCodeBlockAssets(`<div>${LINK}</div>`)).toBe(`<div>${LINK}</div>`);
  });
});
