// `jixiao fmt <file.jx…> [--check]`: rewrite templates in canonical layout, comments kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, parse } from '@jixiao/language';
import { renderDiagnostic } from '../render.ts';
import { shownPath, userPath } from '../paths.ts';
import { tr } from '../i18n.ts';

export function fmtCommand(files: string[], opts: { check?: boolean; stdout?: boolean }): number {
  let status = 0;
  for (const f of files) {
    const path = userPath(f);
    const source = readFileSync(path, 'utf8');
    const r = parse(source, path);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      // Never rewrite a file we could not fully parse: recovery may have dropped text.
      for (const d of errors) console.error(renderDiagnostic(d, shownPath(path), source) + '\n');
      console.error(tr(`${shownPath(path)}：有语法错误，未格式化`, `${shownPath(path)}: syntax errors, not formatted`));
      status = 2;
      continue;
    }
    const out = format(r.ast, r.comments, source);
    if (opts.stdout) process.stdout.write(out);
    else if (opts.check) {
      if (out !== source) {
        console.log(tr(`${shownPath(path)}：格式不规范`, `${shownPath(path)}: not formatted`));
        status = Math.max(status, 1);
      }
    } else if (out !== source) {
      writeFileSync(path, out);
      console.log(tr(`已格式化 ${shownPath(path)}`, `formatted ${shownPath(path)}`));
    }
  }
  return status;
}
