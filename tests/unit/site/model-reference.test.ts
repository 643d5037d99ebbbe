/**
 * Keeps the cluster-definition reference complete: walks the model's types with the TypeScript
 * type checker, independently of src/site/model-reference.ts (which reads the syntax), and checks
 * that every property reachable from ClusterInput appears in the reference with a description.
 * Also checks that the page's minimal example is a valid definition and that the error it shows is
 * the one validation really prints.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { MODEL_TYPES_FILE, modelReference, modelReferenceFromSource, modelSourceFiles, typeTokens } from '../../../src/site/model-reference.ts';
import { formatDiagnostic, validateCluster } from '../../../src/model/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const typesFile = `${root}${MODEL_TYPES_FILE}`;
const reference = modelReference(root);
// The files the reference reads: types.ts and the local modules it imports (the plugin modules).
const modelFiles = new Set(modelSourceFiles(root).map((f) => `${root}${f.fileName}`));

/** `Owner.property` for every property the checker finds reachable from ClusterInput. */
function checkerProperties(): Map<string, Set<string>> {
  const program = ts.createProgram([typesFile], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typesFile)!;
  const rootDecl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'ClusterInput')!;
  const found = new Map<string, Set<string>>();

  const isModelInterface = (type: ts.Type) =>
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    !checker.isArrayType(type) &&
    (type.getSymbol()?.declarations ?? []).some((d) => ts.isInterfaceDeclaration(d) && modelFiles.has(d.getSourceFile().fileName));

  const expand = (type: ts.Type): ts.Type[] => {
    if (type.isUnion()) return type.types.flatMap(expand);
    if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference).flatMap(expand);
    return [type];
  };

  const visit = (type: ts.Type, owner: string) => {
    if (found.has(owner)) return;
    const props = new Set<string>();
    found.set(owner, props);
    for (const prop of checker.getPropertiesOfType(type)) {
      props.add(prop.name);
      const propType = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
      for (const member of expand(propType)) if (isModelInterface(member)) visit(member, member.getSymbol()!.name);
    }
  };
  visit(checker.getTypeAtLocation(rootDecl.name), 'ClusterInput');
  return found;
}

describe('cluster-definition reference', () => {
  const byName = new Map(reference.map((t) => [t.name, t]));

  it('lists every property reachable from ClusterInput, each with a description', () => {
    const expected = checkerProperties();
    expect(expected.size).toBeGreaterThan(20);
    expect([...expected.keys()]).toEqual(expect.arrayContaining(['FlannelPlugin', 'CalicoPlugin', 'BridgePlugin']));
    const missing: string[] = [];
    for (const [owner, props] of expected) {
      const type = byName.get(owner);
      for (const prop of props) {
        const entry = type?.properties.find((p) => p.name === prop);
        if (!entry) missing.push(`${owner}.${prop} is missing`);
        else if (entry.doc.trim() === '') missing.push(`${owner}.${prop} has no JSDoc description`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents every type and type alias it lists', () => {
    for (const type of reference) expect(type.doc, type.name).not.toBe('');
    for (const type of reference) if (type.kind === 'alias') expect(type.type, type.name).toBeTruthy();
  });

  it('starts at ClusterInput, lists each type once, and every referenced type has its own table', () => {
    expect(reference[0]?.name).toBe('ClusterInput');
    expect(new Set(reference.map((t) => t.name)).size).toBe(reference.length);
    for (const type of reference) for (const ref of type.refs) expect(byName.has(ref), `${type.name} -> ${ref}`).toBe(true);
    expect(new Set(reference.map((t) => t.anchor)).size).toBe(reference.length);
  });

  it('leaves out the resolved shapes that a definition never writes', () => {
    for (const name of ['Cluster', 'Pod', 'Node', 'Service', 'ServicePort', 'ClusterDns', 'NetworkPolicy']) expect(byName.has(name), name).toBe(false);
  });

  it('reads the plugin shapes from the plugin modules types.ts imports them from', () => {
    expect([...modelFiles].map((f) => f.slice(root.length))).toEqual(expect.arrayContaining(['src/model/types.ts', 'src/plugins/index.ts', 'src/plugins/flannel.ts']));
    expect(byName.get('FlannelPlugin')?.properties.map((p) => [p.name, p.type])).toEqual([['name', "'flannel'"], ['backend', "'vxlan' | 'host-gw' | 'wireguard'"]]);
    expect(byName.get('CiliumPlugin')?.properties.map((p) => [p.name, p.type, p.optional])).toEqual([
      ['name', "'cilium'", false], ['routingMode', "'tunnel' | 'native'", false], ['tunnelProtocol', "'vxlan' | 'geneve'", true],
      ['kubeProxyReplacement', 'boolean', true], ['routerIPs', 'Record<string, string>', true],
    ]);
  });

  it('records optionality and type text as written', () => {
    const cluster = byName.get('ClusterInput')!;
    expect(cluster.properties.find((p) => p.name === 'nodes')).toMatchObject({ type: 'NodeInput[]', optional: false });
    expect(cluster.properties.find((p) => p.name === 'kubeProxyMode')).toMatchObject({ type: "'iptables' | 'ipvs' | 'nftables'", optional: true });
    expect(byName.get('PluginSpec')).toMatchObject({ kind: 'alias', refs: ['FlannelPlugin', 'CalicoPlugin', 'CiliumPlugin', 'BridgePlugin'] });
  });

  it('reads a new field and a new type from the source', () => {
    const source = [
      '/** Root. */',
      'export interface ClusterInput {',
      '  /** Extra thing. */',
      '  extra?: Extra[];',
      '}',
      '/** An extra. */',
      'export interface Extra {',
      '  /** Its size. */',
      '  size: number;',
      '}',
    ].join('\n');
    const ref = modelReferenceFromSource(source);
    expect(ref.map((t) => t.name)).toEqual(['ClusterInput', 'Extra']);
    expect(ref[1]?.properties[0]).toEqual({ name: 'size', type: 'number', optional: false, doc: 'Its size.' });
  });

  it('links type names in type text but not string literals', () => {
    const known = new Set(['Ingress', 'PodInput']);
    expect(typeTokens("Array<'Ingress' | PodInput>", known)).toEqual([{ text: "Array<'Ingress' | " }, { text: 'PodInput', ref: 'PodInput' }, { text: '>' }]);
  });
});

describe('the example on docs/reference/cluster-definition.mdx', () => {
  const page = readFileSync(`${root}docs/reference/cluster-definition.mdx`, 'utf8');
  const fence = /```ts title="(diagrams\/[\w-]+\.ts)"\n([\s\S]*?)```/.exec(page);

  function example(): { file: string; input: Record<string, unknown> } {
    expect(fence, 'a ```ts title="diagrams/NAME.ts" fence').not.toBeNull();
    const [, file, code] = fence!;
    const literal = /defineCluster\(([\s\S]*)\);\s*$/.exec(code!)?.[1];
    expect(literal, 'export default defineCluster({ ... });').toBeDefined();
    // The example is a plain object literal: evaluate it as one.
    return { file: file!, input: new Function(`return (${literal});`)() as Record<string, unknown> };
  }

  it('is a valid definition without warnings', () => {
    const { file, input } = example();
    expect(validateCluster(input, { file }).diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('shows the error validation really reports for the broken variant', () => {
    const { file, input } = example();
    const nodes = input.nodes as Array<{ pods: Array<{ ip: string }> }>;
    nodes[0]!.pods[1]!.ip = '10.244.1.3';
    const lines = validateCluster(input, { file }).diagnostics.map(formatDiagnostic);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('nodes[0].pods[1].ip');
    expect(page).toContain(lines[0]);
  });
});
