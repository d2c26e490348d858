// JSON filings: reviver-free JSON.parse, then validation against the zod model.
// Keys such as "__proto__" or "constructor" stay plain data: JSON.parse makes them
// own properties, and the model rejects unknown keys instead of merging them.

import { MAX_UNIT_DEPTH, nestingMessage, nestingProblem, validateFiling } from '../filing/model.ts';
import { plainFiling } from '../filing/plain.ts';
import { quote } from '../filing/message.ts';
import { diag, type ImportDiagnostic } from './diagnostics.ts';
import type { ImportResult } from './table.ts';

function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Import a canonical JSON filing. Never throws. */
export function importJson(input: string): ImportResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = String((e as Error).message);
    const m = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const at = m ? lineColumnOf(text, Number(m[1])) : lc ? { line: Number(lc[1]), column: Number(lc[2]) } : undefined;
    return {
      filing: null,
      diagnostics: [
        diag(
          'IMP060',
          'error',
          at?.line,
          at?.column,
          {
            zh: `JSON 语法错误${at ? `（第 ${at.line} 行第 ${at.column} 列）` : ''}：${oneLine((e as Error).message)}`,
            en: `JSON syntax error${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${oneLine((e as Error).message)}`,
          },
          {
            zh: '在该位置改正 JSON 的写法（常见：多余或缺少的逗号、引号、括号）',
            en: 'correct the JSON at that position (often a stray or missing comma, quote or bracket)',
          },
        ),
      ],
    };
  }
  // a filing as programs write it (no units) is read without zod: the same filing, faster (filing/plain.ts)
  const plain = plainFiling(data);
  if (plain) return { filing: plain, diagnostics: [] };
  return importJsonValue(data);
}

/** The runtime's message on one line: it may quote the offending JSON with its line breaks. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Validate an already parsed value as a filing. */
export function importJsonValue(data: unknown): ImportResult {
  const deep = nestingProblem(data);
  if (deep)
    return {
      filing: null,
      diagnostics: [
        {
          code: 'IMP062',
          severity: 'error',
          path: deep.path,
          message: nestingMessage(deep),
          help:
            deep.kind === 'units'
              ? {
                  zh: `把深层的单位提升为上级单位的直接所属单位，或分别评分（最多 ${MAX_UNIT_DEPTH} 层）`,
                  en: `move the deep units up to be direct units of a department above, or score them separately (at most ${MAX_UNIT_DEPTH} levels)`,
                }
              : { zh: '检查生成该 JSON 的程序：填报表没有这样深的结构', en: 'check the program that produced this JSON: a filing has no structure that deep' },
        },
      ],
    };
  const r = validateFiling(data);
  if (r.ok) return { filing: r.filing, diagnostics: [] };
  const diagnostics: ImportDiagnostic[] = r.issues.map((i) => ({
    code: 'IMP061',
    severity: 'error',
    path: i.path,
    value: i.value,
    message: i.message,
    help: {
      zh: `请修正 ${i.pathText || '(根)'}（当前值 ${quote(i.value)}）`,
      en: `fix ${i.pathText || '(root)'} (current value ${quote(i.value)})`,
    },
  }));
  return { filing: null, diagnostics };
}
