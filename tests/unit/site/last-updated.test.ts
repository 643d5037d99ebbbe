import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastUpdatedDate } from '../../../src/site/last-updated.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_DATE: '2025-03-04T05:06:07Z', GIT_COMMITTER_DATE: '2025-03-04T05:06:07Z' } });

describe('lastUpdatedDate', () => {
  it('uses the date of the newest commit that touched the file', () => {
    const repo = mkdtempSync(join(tmpdir(), 'repo-'));
    git(repo, 'init', '-q');
    git(repo, 'config', 'user.email', 't@example.com');
    git(repo, 'config', 'user.name', 't');
    writeFileSync(join(repo, 'page.mdx'), 'x');
    git(repo, 'add', 'page.mdx');
    git(repo, 'commit', '-qm', 'page');
    expect(lastUpdatedDate('page.mdx', repo)?.toISOString()).toBe('2025-03-04T05:06:07.000Z');
  });

  it('falls back to the file time for an uncommitted file instead of failing', () => {
    const repo = mkdtempSync(join(tmpdir(), 'repo-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'new.mdx'), 'x');
    const when = new Date('2024-01-02T03:04:05Z');
    utimesSync(join(repo, 'new.mdx'), when, when);
    expect(lastUpdatedDate('new.mdx', repo)?.toISOString()).toBe(when.toISOString());
  });

  it('works outside any git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-'));
    writeFileSync(join(dir, 'p.mdx'), 'x');
    expect(lastUpdatedDate('p.mdx', dir)).toBeInstanceOf(Date);
    expect(lastUpdatedDate('missing.mdx', dir)).toBeUndefined();
  });
});
