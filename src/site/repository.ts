/**
 * The GitHub repository the site is built from, for "Edit page", the header's GitHub link and the
 * gallery's "Defined in" links: GITHUB_REPOSITORY in GitHub Actions, else the checkout's `origin`
 * remote, else a fallback constant (a fresh copy with no remote still builds).
 */
import { execFileSync } from 'node:child_process';

export interface SourceRepository {
  /** `owner/name`. */
  slug: string;
  /** Web address of the repository, no trailing slash. */
  url: string;
  /** Where the slug came from, for logs and tests. */
  from: 'GITHUB_REPOSITORY' | 'origin remote' | 'fallback';
}

/** GitHub's rules for owner and repository names (letters, digits, `-`, `_`, `.`). */
const SLUG = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/**
 * `owner/name` of a GitHub remote URL, or undefined for anything else (another host, a local path):
 * https://github.com/o/n(.git), git@github.com:o/n.git, ssh://git@github.com[:port]/o/n.git,
 * ssh.github.com (SSH over port 443), git://github.com/o/n.git, with or without user info.
 */
export function parseGitHubRemote(remote: string): string | undefined {
  const text = remote.trim();
  const scp = text.match(/^(?:[^@/]+@)?(?:ssh\.)?github\.com:(.+)$/);
  let path: string | undefined = scp?.[1];
  if (path === undefined) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(url.protocol)) return undefined;
    if (url.hostname !== 'github.com' && url.hostname !== 'www.github.com' && url.hostname !== 'ssh.github.com') return undefined;
    path = url.pathname;
  }
  const slug = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, '');
  return SLUG.test(slug) ? slug : undefined;
}

/** Picks the repository: GITHUB_REPOSITORY, else a GitHub `origin` remote, else `fallback`. */
export function sourceRepository(
  env: Readonly<Record<string, string | undefined>>,
  originUrl: string | undefined,
  fallback: string,
): SourceRepository {
  const fromActions = env.GITHUB_REPOSITORY?.trim();
  if (fromActions) {
    if (!SLUG.test(fromActions)) throw new Error(`GITHUB_REPOSITORY: "${fromActions}" is not owner/name (example: octo/k8s-networking-concepts)`);
    // GITHUB_SERVER_URL is https://github.com, or a GitHub Enterprise Server's address.
    const server = (env.GITHUB_SERVER_URL?.trim() || 'https://github.com').replace(/\/+$/, '');
    return { slug: fromActions, url: `${server}/${fromActions}`, from: 'GITHUB_REPOSITORY' };
  }
  const fromOrigin = originUrl ? parseGitHubRemote(originUrl) : undefined;
  if (fromOrigin) return { slug: fromOrigin, url: `https://github.com/${fromOrigin}`, from: 'origin remote' };
  return { slug: fallback, url: `https://github.com/${fallback}`, from: 'fallback' };
}

/** URL of the `origin` remote of the checkout at `cwd` (insteadOf rules applied), if there is one. */
export function originRemoteUrl(cwd: string = process.cwd()): string | undefined {
  try {
    const url = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return url.trim() || undefined;
  } catch {
    return undefined; // no git, not a checkout, or no origin
  }
}
