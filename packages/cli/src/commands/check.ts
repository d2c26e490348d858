// `jixiao check <file.jx>`: parse, check and prove a template; one summary line when it
// holds, every located error when it does not (exit 2).
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { loadTemplate } from '../templates.ts';
import { renderDiagnostic } from '../render.ts';
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

export function checkCommand(file: string): number {
  const path = userPath(file);
  const loaded = loadTemplate(path);
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
  return 0;
}

function readSource(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
