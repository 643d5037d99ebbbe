/**
 * `npm run new:diagram -- NAME`: writes a valid starting definition to `diagrams/NAME.ts`.
 * Refuses to overwrite an existing file.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagramNameProblem, scaffoldDefinition } from '../src/model/scaffold.ts';
import { DEFINITIONS_DIR } from '../src/model/registry.ts';

const name = process.argv[2];
const problem = diagramNameProblem(name);
if (problem || !name) {
  console.error(`new:diagram: ${problem}`);
  process.exit(2);
}
const file = path.join(process.cwd(), DEFINITIONS_DIR, `${name}.ts`);
try {
  // 'wx' fails if the file exists, so an existing definition is never overwritten.
  await writeFile(file, scaffoldDefinition(name), { encoding: 'utf8', flag: 'wx' });
} catch (error) {
  const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
  console.error(`new:diagram: ${exists ? `${DEFINITIONS_DIR}/${name}.ts already exists; pick another name or edit it` : String(error)}`);
  process.exit(1);
}
console.log(`new:diagram: wrote ${DEFINITIONS_DIR}/${name}.ts; edit it, then run npm run diagrams`);
