// Writes src/cst.generated.ts (the CST's types) from the grammar: `npx -y pnpm@12.4.2 gen:cst`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CST_FILE, cstDts } from './cst-dts.ts';

writeFileSync(CST_FILE, cstDts());
console.log(`wrote ${fileURLToPath(CST_FILE)}`);
