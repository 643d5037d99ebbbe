/**
 * The cluster-definition reference, read from the model's source: every interface and type alias
 * reachable from `ClusterInput` in src/model/types.ts, with each property's name, type text,
 * optionality and JSDoc. docs/reference/cluster-definition.mdx renders it (ModelReference.astro),
 * so the page cannot drift from the types; tests/unit/site/model-reference.test.ts checks it
 * against the compiler's own view of the types.
 *
 * Syntactic on purpose: the type text is what a person wrote (`'vxlan' | 'host-gw'`, `PodInput[]`),
 * which reads better than the checker's expanded types.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

/** The model's source, relative to the project root. */
export const MODEL_TYPES_FILE = 'src/model/types.ts';

/** One property of an interface. */
export interface ModelProperty {
  name: string;
  /** The type as written, whitespace collapsed. */
  type: string;
  optional: boolean;
  /** The JSDoc comment (backticks mark code). */
  doc: string;
}

/** One interface or type alias of the model. */
export interface ModelType {
  name: string;
  kind: 'interface' | 'alias';
  /** The JSDoc comment of the declaration. */
  doc: string;
  /** For an alias: the aliased type as written. */
  type?: string;
  /** For an interface: its properties in declaration order. */
  properties: ModelProperty[];
  /** Names of other model types this one refers to, in order of first use. */
  refs: string[];
  /** Anchor of the type on the reference page. */
  anchor: string;
}

type Declaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

function jsDocOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs.at(-1);
  return (ts.getTextOfJSDocComment(last?.comment) ?? '').replace(/\s+/g, ' ').trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/<\s/g, '<').replace(/\s>/g, '>').trim();
}

/** Names of declarations in `names` that a type node refers to, in source order. */
function referencedNames(node: ts.Node, names: Set<string>, out: string[]): void {
  if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
    const target = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
    const name = target.getText();
    if (names.has(name) && !out.includes(name)) out.push(name);
  }
  ts.forEachChild(node, (child) => referencedNames(child, names, out));
}

/** Anchor of a type on the reference page: its name in lower case. */
export function typeAnchor(name: string): string {
  return name.toLowerCase();
}

/**
 * Every declaration reachable from `rootType` (breadth first, so the page reads from the top of a
 * definition down), given the model source text.
 */
export function modelReferenceFromSource(source: string, rootType = 'ClusterInput', fileName = MODEL_TYPES_FILE): ModelType[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declarations = new Map<string, Declaration>();
  for (const statement of sf.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) declarations.set(statement.name.text, statement);
  }
  const names = new Set(declarations.keys());
  if (!names.has(rootType)) throw new Error(`${fileName}: no interface or type named ${rootType}`);

  const result: ModelType[] = [];
  const queue = [rootType];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const name = queue.shift()!;
    const decl = declarations.get(name)!;
    const refs: string[] = [];
    let entry: ModelType;
    if (ts.isInterfaceDeclaration(decl)) {
      for (const clause of decl.heritageClauses ?? []) for (const t of clause.types) referencedNames(t, names, refs);
      const properties: ModelProperty[] = [];
      for (const member of decl.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        referencedNames(member.type, names, refs);
        properties.push({
          name: member.name.getText(sf),
          type: collapse(member.type.getText(sf)),
          optional: member.questionToken !== undefined,
          doc: jsDocOf(member),
        });
      }
      entry = { name, kind: 'interface', doc: jsDocOf(decl), properties, refs, anchor: typeAnchor(name) };
    } else {
      referencedNames(decl.type, names, refs);
      entry = { name, kind: 'alias', doc: jsDocOf(decl), type: collapse(decl.type.getText(sf)), properties: [], refs, anchor: typeAnchor(name) };
    }
    result.push(entry);
    for (const ref of refs) {
      if (!seen.has(ref)) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return result;
}

/** The reference for the model in `root` (the project root; defaults to the working directory). */
export function modelReference(root: string = process.cwd(), rootType = 'ClusterInput'): ModelType[] {
  return modelReferenceFromSource(readFileSync(resolve(root, MODEL_TYPES_FILE), 'utf8'), rootType);
}

/** A type's text split into plain parts and references to model types (for linking). */
export function typeTokens(type: string, known: ReadonlySet<string>): Array<{ text: string; ref?: string }> {
  const tokens: Array<{ text: string; ref?: string }> = [];
  // String literals stay whole, so `'Ingress'` is never mistaken for a type name.
  for (const part of type.split(/('[^']*'|"[^"]*"|\b[A-Za-z_]\w*\b)/)) {
    if (part === '') continue;
    if (known.has(part)) tokens.push({ text: part, ref: part });
    else if (tokens.length > 0 && tokens.at(-1)!.ref === undefined) tokens.at(-1)!.text += part;
    else tokens.push({ text: part });
  }
  return tokens;
}
