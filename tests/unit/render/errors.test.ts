import { describe, expect, it } from 'vitest';
import { MermaidSyntaxError } from '../../../src/render/errors.ts';

describe('MermaidSyntaxError', () => {
  it('names the page, the line in the page, the line in the diagram and Mermaid\'s message', () => {
    const error = new MermaidSyntaxError('Parse error on line 3:\n...\nExpecting X', 3, { file: 'docs/dns/x.mdx', line: 20 });
    expect(error.message).toBe('Invalid Mermaid diagram in docs/dns/x.mdx:22, line 3 of the diagram:\n    Parse error on line 3:\n    ...\n    Expecting X');
  });

  it('names the definition file and view for generated diagrams', () => {
    const error = new MermaidSyntaxError('bad', 7, { file: 'diagrams/flannel-vxlan.ts', context: 'cluster flannel-vxlan, view topology' });
    expect(error.message).toContain('diagrams/flannel-vxlan.ts (cluster flannel-vxlan, view topology), line 7 of the diagram');
  });
});
