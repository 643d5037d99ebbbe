/** Every internal link and #anchor in dist/ resolves (the build checks this too). */
import { expect, it } from 'vitest';
import { findDeadLinks, formatDeadLinks } from '../../src/site/link-check.ts';
import { deployTarget } from '../../src/site/deploy-env.ts';

it('has no dead internal links or anchors in dist/', () => {
  const dead = findDeadLinks('dist', deployTarget(process.env).base);
  expect(formatDeadLinks(dead)).toBe('');
});
