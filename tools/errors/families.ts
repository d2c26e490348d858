// Every family of codes, in the order docs/errors.md lists them, with its catalogue and its
// examples (one module each in examples/).
import { codesOf, severitiesOf, type Message, type Severity } from '../../packages/language/src/index.ts';
import type { Example, Family, FamilyId } from './family.ts';
import { language } from './examples/language.ts';
import { compiler } from './examples/compiler.ts';
import { findings } from './examples/findings.ts';
import { imports } from './examples/import.ts';
import { cli } from './examples/cli.ts';
import { server } from './examples/server.ts';

export const FAMILIES: readonly Family[] = [language, compiler, findings, imports, cli, server];

/** A code as its catalogue declares it, with the family it belongs to. */
export interface CodeEntry {
  code: string;
  family: FamilyId;
  /** every severity the code can have; with `rule` when it depends on the case */
  severities: readonly Severity[];
  rule?: Message;
  title: Message;
}

/** Every code of every catalogue, in document order. */
export function catalogue(): CodeEntry[] {
  return FAMILIES.flatMap((f) =>
    codesOf(f.catalogue).map((e) => ({
      code: e.code,
      family: f.id,
      severities: severitiesOf(e),
      title: e.title,
      ...(typeof e.severity === 'string' ? {} : { rule: e.severity.doc }),
    })),
  );
}

/** The example of every code, with the module it is written in. */
export function examples(): { code: string; example: Example; file: string; family: Family }[] {
  return FAMILIES.flatMap((f) => Object.entries(f.examples).map(([code, example]) => ({ code, example, file: f.file, family: f })));
}

/** Codes of the catalogues that have no example in their family's module, with that module. */
export function missingExamples(): { code: string; file: string }[] {
  return FAMILIES.flatMap((f) =>
    codesOf(f.catalogue)
      .filter((e) => !f.examples[e.code])
      .map((e) => ({ code: e.code, file: f.file })),
  );
}
