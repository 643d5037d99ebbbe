import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originRemoteUrl, parseGitHubRemote, sourceRepository } from '../../../src/site/repository.ts';

describe('parseGitHubRemote', () => {
  it.each([
    ['https://github.com/octo/k8s-networking-concepts.git', 'octo/k8s-networking-concepts'],
    ['https://github.com/octo/k8s-networking-concepts', 'octo/k8s-networking-concepts'],
    ['https://github.com/octo/k8s-networking-concepts/', 'octo/k8s-networking-concepts'],
    ['https://x-access-token:secret@github.com/octo/site.git', 'octo/site'],
    ['http://github.com/octo/site', 'octo/site'],
    ['git@github.com:octo/k8s-networking-concepts.git', 'octo/k8s-networking-concepts'],
    ['git@github.com:octo/my.site.git', 'octo/my.site'],
    ['github.com:octo/site', 'octo/site'],
    ['ssh://git@github.com/octo/site.git', 'octo/site'],
    ['ssh://git@github.com:22/octo/site.git', 'octo/site'],
    ['ssh://git@ssh.github.com:443/octo/site.git', 'octo/site'],
    ['git://github.com/octo/site.git', 'octo/site'],
    ['  https://github.com/octo/site.git\n', 'octo/site'],
  ])('%s -> %s', (remote, slug) => {
    expect(parseGitHubRemote(remote)).toBe(slug);
  });

  it.each([
    'https://gitlab.com/octo/site.git',
    'git@gitlab.com:octo/site.git',
    'https://github.com.evil.example/octo/site',
    'https://github.com/octo',
    'https://github.com/octo/site/tree/main',
    '/srv/git/site.git',
    '../site',
    'file:///srv/git/site.git',
    '',
  ])('%s is not a GitHub repository', (remote) => {
    expect(parseGitHubRemote(remote)).toBeUndefined();
  });
});

describe('sourceRepository', () => {
  const fallback = 'k8s-networking-concepts/k8s-networking-concepts';

  it('takes GITHUB_REPOSITORY first (GitHub Actions), on GITHUB_SERVER_URL when set', () => {
    expect(sourceRepository({ GITHUB_REPOSITORY: 'octo/site' }, 'git@github.com:other/fork.git', fallback)).toEqual({
      slug: 'octo/site',
      url: 'https://github.com/octo/site',
      from: 'GITHUB_REPOSITORY',
    });
    expect(sourceRepository({ GITHUB_REPOSITORY: 'octo/site', GITHUB_SERVER_URL: 'https://git.example.com/' }, undefined, fallback).url).toBe(
      'https://git.example.com/octo/site',
    );
  });

  it('then the origin remote, then the fallback', () => {
    expect(sourceRepository({}, 'git@github.com:other/fork.git', fallback)).toEqual({ slug: 'other/fork', url: 'https://github.com/other/fork', from: 'origin remote' });
    expect(sourceRepository({ GITHUB_REPOSITORY: ' ' }, 'https://gitlab.com/a/b.git', fallback)).toEqual({
      slug: fallback,
      url: `https://github.com/${fallback}`,
      from: 'fallback',
    });
    expect(sourceRepository({}, undefined, fallback).from).toBe('fallback');
  });

  it('rejects a malformed GITHUB_REPOSITORY, naming the variable', () => {
    expect(() => sourceRepository({ GITHUB_REPOSITORY: 'https://github.com/octo/site' }, undefined, fallback)).toThrow(/GITHUB_REPOSITORY: .* is not owner\/name/);
  });
});

describe('originRemoteUrl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'origin-remote-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the origin of a checkout, and nothing from a folder without one', () => {
    expect(originRemoteUrl(dir)).toBeUndefined();
    execFileSync('git', ['init', '-q', dir]);
    expect(originRemoteUrl(dir)).toBeUndefined();
    execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', 'git@github.com:octo/site.git']);
    expect(originRemoteUrl(dir)).toBe('git@github.com:octo/site.git');
  });
});
