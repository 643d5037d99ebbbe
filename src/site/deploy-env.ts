/**
 * Where the site is deployed, from the environment: `SITE_URL` (origin, e.g.
 * https://example.github.io) and `BASE_PATH` (e.g. /k8s-networking-concepts for a
 * GitHub Pages project site). Both are validated so a typo fails the build early.
 */
import { DEFAULT_SITE_URL } from './constants.ts';

export interface DeployTarget {
  /** Absolute origin (plus optional path) of the deployed site, no trailing slash. */
  site: string;
  /** Base path beginning with `/`, `/` for a site at the root. */
  base: string;
}

/** Reads and normalises SITE_URL and BASE_PATH; throws a readable error when malformed. */
export function deployTarget(env: Record<string, string | undefined>): DeployTarget {
  const rawSite = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(rawSite);
  } catch {
    throw new Error(`SITE_URL: "${rawSite}" is not an absolute URL (example: https://example.github.io)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL: "${rawSite}" must use http or https`);
  }
  const site = url.href.replace(/\/+$/, '');
  const rawBase = env.BASE_PATH?.trim() || '/';
  if (/[?#\s]/.test(rawBase)) {
    throw new Error(`BASE_PATH: "${rawBase}" must be a plain path such as /k8s-networking-concepts`);
  }
  const trimmed = rawBase.replace(/^\/+|\/+$/g, '');
  return { site, base: trimmed ? `/${trimmed}` : '/' };
}
