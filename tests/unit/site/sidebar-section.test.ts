import { describe, expect, it } from 'vitest';
import { sectionOfCurrentPage, type SidebarEntryLike } from '../../../src/site/sidebar-section.ts';

const link = (isCurrent = false): SidebarEntryLike => ({ type: 'link', isCurrent });

describe('sectionOfCurrentPage', () => {
  it('names the top-level group that holds the current page, at any depth', () => {
    const sidebar: SidebarEntryLike[] = [
      { type: 'group', label: 'Overview', entries: [link(), link()] },
      { type: 'group', label: 'DNS', entries: [link(), { type: 'group', label: 'Nested', entries: [link(true)] }] },
    ];
    expect(sectionOfCurrentPage(sidebar)).toBe('DNS');
    expect(sectionOfCurrentPage([{ type: 'group', label: 'Overview', entries: [link(true)] }])).toBe('Overview');
  });

  it('names nothing for a page outside every group (the 404 page, a top-level link)', () => {
    expect(sectionOfCurrentPage([{ type: 'group', label: 'Overview', entries: [link()] }])).toBeUndefined();
    expect(sectionOfCurrentPage([link(true)])).toBeUndefined();
  });
});
