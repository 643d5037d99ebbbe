import { describe, expect, it } from 'vitest';
import { deployTarget } from '../../../src/site/deploy-env.ts';
import { DEFAULT_SITE_URL } from '../../../src/site/constants.ts';

describe('deployTarget', () => {
  it('defaults to the public site at the root', () => {
    expect(deployTarget({})).toEqual({ site: DEFAULT_SITE_URL, base: '/' });
  });

  it('reads a GitHub Pages project site from SITE_URL and BASE_PATH', () => {
    expect(deployTarget({ SITE_URL: 'https://octo.github.io/', BASE_PATH: 'k8s-networking-concepts/' })).toEqual({
      site: 'https://octo.github.io',
      base: '/k8s-networking-concepts',
    });
  });

  it('treats an empty or "/" BASE_PATH as the root', () => {
    expect(deployTarget({ BASE_PATH: '' }).base).toBe('/');
    expect(deployTarget({ BASE_PATH: '/' }).base).toBe('/');
  });

  it('rejects a SITE_URL that is not an absolute http(s) URL, naming the variable', () => {
    expect(() => deployTarget({ SITE_URL: 'example.org' })).toThrow(/SITE_URL: "example.org" is not an absolute URL/);
    expect(() => deployTarget({ SITE_URL: 'ftp://example.org' })).toThrow(/SITE_URL.*http or https/);
  });

  it('rejects a BASE_PATH with a query or fragment', () => {
    expect(() => deployTarget({ BASE_PATH: '/docs?x=1' })).toThrow(/BASE_PATH/);
  });
});
