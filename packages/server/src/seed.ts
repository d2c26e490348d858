// A new workspace starts with the official rule library: every rules/<地区>/<年度>/<表单>.jx
// as the published version 1 of its template, and the files beside them (rule tests,
// examples, coverage.yaml) as rule files. Only into an empty workspace.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Db } from './db/db.ts';
import { audit } from './store/audit.ts';
import { contentHash } from './store/library.ts';

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
}

export async function seedFromRules(db: Db, rulesDir: string): Promise<{ templates: number; files: number }> {
  return db.tx(async (q) => {
    if ((await q.query(`SELECT 1 FROM templates LIMIT 1`)).length) return { templates: 0, files: 0 };
    let templates = 0;
    let others = 0;
    for (const p of files(rulesDir)) {
      const rel = relative(rulesDir, p).split(sep).join('/');
      const m = /^(.+)\/(\d{4})\/([^/]+)\.jx$/.exec(rel);
      if (m) {
        const source = readFileSync(p, 'utf8');
        const t = await q.query<{ id: number }>(`INSERT INTO templates (region, year, form) VALUES ($1, $2, $3) RETURNING id`, [m[1], Number(m[2]), m[3]]);
        await q.query(
          `INSERT INTO template_versions (template_id, number, status, source, content_hash, author, note, published_at, published_by) VALUES ($1, 1, 'published', $2, $3, 'rules/', $4, now(), 'rules/')`,
          [t[0]!.id, source, contentHash(source), `从 rules/${rel} 导入 (imported from rules/)`],
        );
        templates++;
      } else if (!rel.endsWith('.jx')) {
        await q.query(`INSERT INTO rule_files (path, content, updated_by) VALUES ($1, $2, 'rules/')`, [rel, new Uint8Array(readFileSync(p))]);
        others++;
      }
    }
    await audit(q, 'jixiao', 'workspace.seed', 'rules/', { templates, files: others });
    return { templates, files: others };
  });
}
