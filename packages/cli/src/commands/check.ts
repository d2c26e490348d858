// `jixiao check <file.jx>`: parse, check and prove a template; one summary line when it
// holds, every located error when it does not (exit 2).
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { loadTemplate, parentLoader, type LoadedTemplate } from '../templates.ts';
import { parse } from '@jixiao/language';
import { checkTemplate, compile, generate, resolveTemplate } from '@jixiao/compiler';
import { userError } from '../errors.ts';
import { renderDiagnostic, width } from '../render.ts';
import { shownPath, userPath } from '../paths.ts';
import { tr } from '../i18n.ts';
import type { CheckedTemplate } from '@jixiao/compiler';

export function summary(c: CheckedTemplate): string {
  const caps = c.sections.map((s) => s.weight.text).join(' + ');
  const indicators = countIndicators(c.sections);
  return tr(
    `模板 ${c.form} ${c.year}：${c.sections.length} 个一级指标${indicators > c.sections.length ? `（共 ${indicators} 个指标）` : ''}，分值 ${caps} = ${c.total.text}，${c.rules.length} 条规则，${c.proofs.length} 条公式界限已证明 (bounds proven)`,
    `template ${c.form} ${c.year}: ${c.sections.length} sections${indicators > c.sections.length ? ` (${indicators} indicators)` : ''}, caps ${caps} = ${c.total.text}, ${c.rules.length} rules, ${c.proofs.length} formulas, bounds proven`,
  );
}

function countIndicators(ss: CheckedTemplate['sections']): number {
  return ss.reduce((n, s) => n + 1 + countIndicators(s.children), 0);
}

export interface CheckOptions {
  timings?: boolean;
  dump?: string;
}

export function checkCommand(file: string, opts: CheckOptions = {}): number {
  const path = userPath(file);
  const loaded = loadTemplate(path);
  if (opts.dump) dump(opts.dump, path, loaded);
  const shown = shownPath(path);
  for (const d of loaded.diagnostics) {
    // a diagnostic in an inherited part (继承) names the parent file it was written in
    const other = d.file !== undefined && d.file !== path;
    const source = other ? readSource(d.file!) : loaded.source;
    console.error(renderDiagnostic(d, other ? shownPath(d.file!) : shown, source) + '\n');
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0 || !loaded.checked) {
    console.error(pc.red(tr(`${shown}：${errors} 个错误，模板无效`, `${shown}: ${errors} error(s), the template is invalid`)));
    return 2;
  }
  console.log(`${pc.green('✓')} ${shown}: ${summary(loaded.checked)}`);
  if (opts.timings) console.log(timings(path, loaded.source));
  return 0;
}

function readSource(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Time each stage, cold (first run) and warm (mean of the next 50), like OPA's --timings. */
function timings(path: string, source: string): string {
  const load = parentLoader();
  const stages: [string, string, () => unknown][] = [];
  let ast = parse(source, path).ast.templates[0]!;
  let resolved = resolveTemplate(ast, path, load).template!;
  let checked = checkTemplate(resolved, { file: path }).template!;
  stages.push(['parse', '解析', () => (ast = parse(source, path).ast.templates[0]!)]);
  stages.push(['resolve', '继承', () => (resolved = resolveTemplate(ast, path, load).template!)]);
  stages.push(['check+prove', '检查与证明', () => (checked = checkTemplate(resolved, { file: path }).template!)]);
  stages.push(['codegen', '代码生成', () => compile(checked)]);
  const rows = stages.map(([en, zh, run]) => {
    let t0 = performance.now();
    run();
    const cold = performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < 50; i++) run();
    return { en, zh, cold, warm: (performance.now() - t0) / 50 };
  });
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const pad = (x: string, n: number) => x + ' '.repeat(Math.max(0, n - width(x)));
  const lines = rows.map((r) => `  ${pad(tr(r.zh, r.en), 12)} ${tr('首次', 'cold')} ${ms(r.cold).padStart(11)}   ${tr('预热', 'warm')} ${ms(r.warm).padStart(11)}`);
  const warm = rows.reduce((a, r) => a + r.warm, 0);
  return [
    tr('各阶段用时：', 'stage timings:'),
    ...lines,
    `  ${pad(tr('合计', 'total'), 12)} ${' '.repeat(width(tr('首次', 'cold')) + 12)}   ${tr('预热', 'warm')} ${ms(warm).padStart(11)}`,
  ].join('\n');
}

/** `--dump <stage>`: print what one stage produced, for debugging rules. */
function dump(stage: string, path: string, loaded: LoadedTemplate): void {
  const json = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'range' || k === 'scoreRange' ? undefined : v), 2);
  switch (stage) {
    case 'ast':
      console.log(json(parse(loaded.source, path).ast));
      return;
    case 'checked':
      if (loaded.checked) console.log(json({ ...loaded.checked, proofs: undefined }));
      return;
    case 'proofs':
      if (loaded.checked) for (const p of loaded.checked.proofs) console.log(json(p));
      return;
    case 'js':
      if (loaded.checked) console.log(generate(loaded.checked).source);
      return;
    default:
      throw userError('generic', { stage, stages: ['ast', 'checked', 'proofs', 'js'] });
  }
}
