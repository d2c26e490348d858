// Running an example of docs/errors.md: its trigger goes through the real parser, checker,
// scorer, importer or CLI function, and what comes out is what the document prints, in the
// form the user reads it (a `file:line:col` diagnostic, a report's finding, a CLI error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, SEVERITY_WORDS, type Diagnostic, type Message } from '../../packages/language/src/index.ts';
import { checkSource, type LoadParent } from '../../packages/compiler/src/index.ts';
import {
  importFiling,
  importTsvWithMapping,
  prepareTemplate,
  scoreFiling,
  unnamedLine,
  type Filing,
  type ImportResult,
  type IndicatorRow,
} from '../../packages/engine/src/index.ts';
import { UserError } from '../../packages/cli/src/errors.ts';
import { cleanFiling } from '../../test/support/filings.ts';
import { codeBlock, repoRoot, type Example } from './family.ts';
import { docWorkspace } from '../../test/docs/server-doc.ts';
import { BASE_TEMPLATE } from './examples/compiler.ts';

/** What an example produced, ready to print. */
export interface Produced {
  input: string;
  /** the first line(s) the user reads, per language */
  output: Message;
}

const BASE_FILE = 'rules/甘肃/2023/部门整体支出.jx';

/** rules/甘肃/2023/部门整体支出.jx, with each `from` replaced by its `to` (a rule shape it lacks), checked and prepared. */
function t2023Edited(edits: readonly (readonly [string, string])[]) {
  let text = readFileSync(join(repoRoot, BASE_FILE), 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`${BASE_FILE} has no ${from}`);
    text = text.replace(from, to);
  }
  const r = checkSource({ file: BASE_FILE, text, region: '甘肃' }, () => null);
  if (!r.template) throw new Error(`${BASE_FILE}${edits.length ? ' as edited' : ''} is invalid: ${r.diagnostics.map((d) => d.message.zh).join('; ')}`);
  return prepareTemplate(r.template);
}

const t2023 = (() => {
  let p: ReturnType<typeof prepareTemplate> | undefined;
  return () => (p ??= t2023Edited([]));
})();

const HELP: Message = { zh: '帮助', en: 'help' };

function both(f: (l: 'zh' | 'en') => string): Message {
  return { zh: f('zh'), en: f('en') };
}

/** As `jixiao check` prints it (packages/cli/src/render.ts), without colours and underline. */
function sourceDiag(d: Diagnostic, text: string, file: string): Message {
  return both((l) => {
    const { line, column } = d.range.start;
    const out = [`${d.file ?? file}:${line}:${column}: ${SEVERITY_WORDS[d.severity][l]} ${d.message[l]} [${d.code}]`];
    const src = text.split(/\r\n|\r|\n/)[line - 1];
    if (src !== undefined && src.length < 200) out.push(`${String(line).padStart(4)} | ${src}`);
    if (d.help) out.push(`  ${HELP[l]}: ${d.help[l]}`);
    return out.join('\n');
  });
}

function firstWith<T extends { code: string }>(code: string, items: readonly T[], what: string, file: string): T {
  const hit = items.find((d) => d.code === code);
  if (!hit) throw new Error(`the example of ${code} in ${file} does not produce ${code}; it produced ${JSON.stringify(items.map((d) => d.code))} (${what})`);
  return hit;
}

function filingChange(before: Filing, after: Filing): string {
  const lines: string[] = [];
  const rowText = (r: IndicatorRow) => {
    const extra = r.indicatorValue !== undefined ? `  指标值 ${r.indicatorValue}` : '';
    return `${r.level1} › ${r.level2} › ${r.level3}  年度指标值 ${r.target}  实际完成值 ${r.actual || '（空）'}  分值 ${r.weight ?? '（空）'}  得分 ${r.statedScore ?? '（空）'}${extra}`;
  };
  const key = (r: IndicatorRow) => `${r.level1}\u0000${r.level2}\u0000${r.level3}`;
  const beforeRows = new Map(before.rows.map((r) => [key(r), JSON.stringify(r)]));
  const seen = new Set<string>();
  for (const r of after.rows) {
    const k = key(r);
    const b = beforeRows.get(k);
    if (b === undefined) lines.push(`+ ${rowText(r)}`);
    else if (seen.has(k)) lines.push(`+ ${rowText(r)}`);
    else if (b !== JSON.stringify(r)) lines.push(`~ ${rowText(r)}`);
    seen.add(k);
  }
  for (const r of before.rows) if (!seen.has(key(r))) lines.push(`- ${rowText(r)}`);
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'rows') continue;
    const a = (before as unknown as Record<string, unknown>)[k];
    const b = (after as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(b === undefined ? `- ${k}` : `~ ${k}: ${JSON.stringify(b)}`);
  }
  return lines.join('\n');
}

const oneLine = (s: string) => s.trim().replace(/\s*\n\s*/g, ' ');

/**
 * Run the example of `code` (from the module `file`); `scratch` is an empty folder the CLI
 * examples may write in. Throws, naming the code and the module, when the example does not
 * produce its code.
 */
export async function produce(code: string, ex: Example, file: string, scratch: string): Promise<Produced> {
  const t = ex.trigger;
  switch (t.kind) {
    case 'source': {
      const r = parse(t.text, 'example.jx');
      const d = firstWith(code, r.diagnostics, 'parse', file);
      const input = t.shown ? `${t.shown.zh} (${t.shown.en})` : codeBlock(t.text, 'jx');
      return { input, output: sourceDiag(d, t.text, 'example.jx') };
    }
    case 'template': {
      if (!BASE_TEMPLATE.includes(t.from)) throw new Error(`the example of ${code} in ${file}: the base template has no ${JSON.stringify(t.from)}`);
      const text = BASE_TEMPLATE.replace(t.from, t.to);
      const r = checkSource({ file: 'example.jx', text }, () => null);
      const d = firstWith(code, r.diagnostics, 'check', file);
      const input = `把 \`${oneLine(t.from)}\` 改为 \`${oneLine(t.to) || '（删去）'}\`（change \`${oneLine(t.from)}\` into \`${oneLine(t.to) || '(nothing)'}\`）：`;
      return { input, output: sourceDiag(d, text, 'example.jx') };
    }
    case 'extends': {
      const parents = t.parents ?? { 2023: BASE_TEMPLATE };
      const loader: LoadParent = (_form, year) => {
        const y = Object.keys(parents)
          .map(Number)
          .filter((x) => x <= year)
          .sort((a, b) => b - a)[0];
        return y === undefined ? null : { file: `rules/${y}/部门整体支出.jx`, text: parents[y]! };
      };
      const r = checkSource({ file: 'example.jx', text: t.text }, loader);
      const d = firstWith(code, r.diagnostics, 'check with 继承', file);
      const note = t.parents ? '' : '`rules/甘肃/2023/部门整体支出.jx` 为基础模板（the base template）时：\n\n';
      return { input: note + codeBlock(t.text, 'jx'), output: sourceDiag(d, t.text, 'example.jx') };
    }
    case 'filing': {
      const f = cleanFiling();
      t.edit(f);
      const x = firstWith(code, scoreFiling(t.template ? t2023Edited(t.template) : t2023(), f, [], t.source ?? {}).findings, 'score', file);
      // as the report lists it (packages/cli/src/report-view.ts)
      const output = both((l) => {
        const where = x.path.length ? `${x.path.join(' › ')}: ` : '';
        const help = x.help ? `\n    ${HELP[l]}: ${x.help[l]}` : '';
        return `  ${SEVERITY_WORDS[x.severity][l]} ${x.code} ${where}${x.message[l]}${help}`;
      });
      const change = filingChange(cleanFiling(), f);
      // a template edit is shown as the lines it changes, above the filing's change
      const templateChange = (t.template ?? [])
        .map(([from, to]) =>
          [
            ...from
              .trim()
              .split('\n')
              .map((l) => `- ${l.trim()}`),
            ...to
              .trim()
              .split('\n')
              .map((l) => `+ ${l.trim()}`),
          ].join('\n'),
        )
        .join('\n');
      const input = [templateChange ? `模板 (template) ${BASE_FILE}：\n\n${codeBlock(templateChange, 'diff')}` : '', change.trim() ? codeBlock(change, 'diff') : '']
        .filter(Boolean)
        .join('\n\n填报表 (filing)：\n\n');
      return { input, output };
    }
    case 'import': {
      let r: ImportResult;
      if (t.mapping) r = importTsvWithMapping(t.text ?? '', t.mapping);
      else r = await importFiling(t.bytes ? await t.bytes() : (t.text ?? ''), { filename: t.filename });
      const d = firstWith(code, r.diagnostics, 'import', file);
      const shownText = t.text !== undefined ? codeBlock(t.text.replaceAll('\t', ' │ '), t.filename.endsWith('.json') ? 'json' : 'text') : '';
      const input = [t.shown ? `${t.shown.zh} (${t.shown.en})` : '', t.mapping || !t.shown ? `\`${t.filename}\`：\n\n${shownText}` : ''].filter(Boolean).join('，');
      // as the report lists it (importFindings): the message, then the line unless it names it
      const line = unnamedLine(d);
      const output = both((l) => {
        const help = d.help ? `\n  ${HELP[l]}: ${d.help[l]}` : '';
        const where = line !== undefined ? (l === 'zh' ? `（第 ${line} 行）` : ` (line ${line})`) : '';
        return `${SEVERITY_WORDS[d.severity][l]} ${d.code} ${d.message[l]}${where}${help}`;
      });
      return { input, output };
    }
    case 'cli': {
      let err: unknown;
      try {
        await t.run(scratch);
      } catch (e) {
        err = e;
      }
      if (!(err instanceof UserError)) throw new Error(`the example of ${code} in ${file} did not fail with a UserError: ${String(err)}`);
      if (err.code !== code) throw new Error(`the example of ${code} in ${file} failed with ${err.code} instead`);
      const clean = (s: string) => s.replaceAll(scratch + '/', '').replaceAll(repoRoot, '');
      return { input: codeBlock(t.command, 'sh'), output: { zh: clean(err.text.zh), en: clean(err.text.en) } };
    }
    case 'server': {
      const r = await t.run(await docWorkspace());
      if (r.error.code !== code) throw new Error(`the example of ${code} in ${file} answered ${r.error.code} instead`);
      const status = r.status ? `HTTP ${r.status}: ` : '';
      return { input: codeBlock(t.request, 'http'), output: { zh: status + r.error.message.zh, en: status + r.error.message.en } };
    }
    case 'note':
      return { input: '', output: t.note };
  }
}
