// What docs/errors.md says of a family of codes, beside what its catalogue says: a heading,
// an introduction, and for each code an example (an input that triggers it, run through the
// real parser, checker, scorer, importer or CLI function) and the fix, in both languages.
// One module per family in examples/; the generator (generate.ts) and the test
// (test/docs/errors.test.ts) read them all through FAMILIES (families.ts).
import { fileURLToPath } from 'node:url';
import type { Catalogue, Message } from '../../packages/language/src/index.ts';
import type { ColumnMapping, Filing, TemplateSourceInfo } from '../../packages/engine/src/index.ts';
import type { DocWorkspace } from '../../test/docs/server-doc.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type FamilyId = 'language' | 'compiler' | 'finding' | 'import' | 'cli' | 'server';

export type Trigger =
  /** parse this text (language codes); `shown` replaces it in the document when it is too long to print */
  | { kind: 'source'; text: string; shown?: Message }
  /** change `from` into `to` in the base template (examples/compiler.ts BASE_TEMPLATE) and check it */
  | { kind: 'template'; from: string; to: string }
  /** check this template with 2023 = the base template (or `parents`) in the rules folder */
  | { kind: 'extends'; text: string; parents?: Record<number, string> }
  /**
   * change the clean filing and score it with rules/甘肃/2023/部门整体支出.jx (`template`: with
   * each `from` replaced by its `to`, for a rule shape that template lacks; `source`: how the
   * template was found)
   */
  | { kind: 'filing'; edit: (f: Filing) => void; source?: TemplateSourceInfo; template?: (readonly [from: string, to: string])[] }
  /** import this filing */
  | { kind: 'import'; text?: string; bytes?: () => Promise<Uint8Array>; filename: string; mapping?: ColumnMapping; shown?: Message }
  /** a CLI function that throws a UserError; `command` is what the user typed */
  | { kind: 'cli'; command: string; run: (dir: string) => unknown }
  /** a request to the workspace API (`request` is what is sent); `run` returns the error it answered */
  | { kind: 'server'; request: string; run: (ws: DocWorkspace) => Promise<{ status: number; error: { code: string; message: Message } }> }
  /** a code no input triggers on purpose: what the message looks like, in words */
  | { kind: 'note'; note: Message };

export interface Example {
  trigger: Trigger;
  fix: Message;
}

export interface Family {
  id: FamilyId;
  /** the module that holds the examples, for messages that ask for one */
  file: string;
  heading: string;
  intro: Message;
  /** lines printed after the introduction (the base template, the clean filing) */
  preamble?: () => string[];
  catalogue: Catalogue;
  /** code → example and fix; one per code of the catalogue */
  examples: Record<string, Example>;
}

/** A fenced code block that survives text holding ``` itself. */
export function codeBlock(text: string, lang = 'text'): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}
