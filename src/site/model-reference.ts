/**
 * The cluster-definition reference, read from the model's source: every interface and type alias
 * reachable from `ClusterInput` in src/model/types.ts (and the local modules it imports types from,
 * such as the plugin modules that own the `plugin:` field's shapes), with each property's name,
 * type text, optionality and JSDoc. docs/reference/cluster-definition.mdx renders it (ModelReference.astro),
 * so the page cannot drift from the types; tests/unit/site/model-reference.test.ts checks it
 * against the compiler's own view of the types.
 *
 * Syntactic on purpose: the type text is what a person wrote (`'vxlan' | 'host-gw'`, `PodInput[]`),
 * which reads better than the checker's expanded types.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
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

/** One source file of the model. */
export interface ModelSource {
  /** Path relative to the project root, e.g. `src/model/types.ts`. */
  fileName: string;
  source: string;
}

/**
 * Every declaration reachable from `rootType` (breadth first, so the page reads from the top of a
 * definition down), given the model's source files. A name declared in several files is taken from
 * the first.
 */
export function modelReferenceFromSources(sources: readonly ModelSource[], rootType = 'ClusterInput'): ModelType[] {
  const declarations = new Map<string, Declaration>();
  for (const { fileName, source } of sources) {
    const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    for (const statement of sf.statements) {
      if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && !declarations.has(statement.name.text)) {
        declarations.set(statement.name.text, statement);
      }
    }
  }
  const names = new Set(declarations.keys());
  if (!names.has(rootType)) throw new Error(`${sources[0]?.fileName ?? MODEL_TYPES_FILE}: no interface or type named ${rootType}`);

  const result: ModelType[] = [];
  const queue = [rootType];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const name = queue.shift()!;
    const decl = declarations.get(name)!;
    const sf = decl.getSourceFile();
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

/** The reference of a single source text (used to test the reader on a made-up model). */
export function modelReferenceFromSource(source: string, rootType = 'ClusterInput', fileName = MODEL_TYPES_FILE): ModelType[] {
  return modelReferenceFromSources([{ fileName, source }], rootType);
}

/** Resolves a relative module specifier (`./x.ts` as the project writes them, or `./x`, `../plugins`). */
function localModule(root: string, fromFile: string, specifier: string): string | undefined {
  const base = posix.join(posix.dirname(fromFile), specifier);
  return [base, `${base}.ts`, posix.join(base, 'index.ts')].find((candidate) => candidate.endsWith('.ts') && existsSync(resolve(root, candidate)));
}

/** src/model/types.ts and every local module it imports from, transitively, in the order found. */
export function modelSourceFiles(root: string = process.cwd()): ModelSource[] {
  const files: ModelSource[] = [];
  const queue = [MODEL_TYPES_FILE];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const fileName = queue.shift()!;
    const source = readFileSync(resolve(root, fileName), 'utf8');
    files.push({ fileName, source });
    const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const statement of sf.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const found = localModule(root, fileName, specifier.text);
      if (found && !seen.has(found)) {
        seen.add(found);
        queue.push(found);
      }
    }
  }
  return files;
}

/** The reference for the model in `root` (the project root; defaults to the working directory). */
export function modelReference(root: string = process.cwd(), rootType = 'ClusterInput'): ModelType[] {
  return modelReferenceFromSources(modelSourceFiles(root), rootType);
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
