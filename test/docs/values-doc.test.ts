// The example table of docs/dsl.md “数值的读法” is executable: every row (target, actual,
// how it is read, score) is scored with the 2023 template at weight 10 and must give the
// score the document states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../packages/language/src/index.ts';
import { checkTemplate } from '../../packages/compiler/src/index.ts';
import { prepareTemplate, scoreFiling } from '../../packages/engine/src/index.ts';
import { cleanFiling, row } from '../support/filings.ts';
import { repoRoot } from '../../tools/errors/family.ts';

const doc = readFileSync(`${repoRoot}docs/dsl.md`, 'utf8');
const section = doc.slice(doc.indexOf('## 数值的读法'), doc.indexOf('## 界限证明'));
const table = section.slice(section.indexOf('### 例子'));
const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim().replace(/^`|`$/g, ''));
const examples = table
  .split('\n')
  .filter((l) => l.startsWith('| `'))
  .map(cells)
  .map(([target, actual, readAs, score]) => ({ target: target!, actual: actual!, readAs: readAs!, score: Number(score) }));

const checked = checkTemplate(parse(readFileSync(`${repoRoot}rules/甘肃/2023/部门整体支出.jx`, 'utf8')).ast.templates[0]!, { file: '2023.jx' });
const t2023 = prepareTemplate(checked.template!);

describe('docs/dsl.md 数值的读法: the example table', () => {
  it('has its examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples)('$target against $actual scores $score ($readAs)', ({ target, actual, readAs, score }) => {
    const f = cleanFiling();
    f.year = 2023;
    // a rate-like name, so that bare 1 and 1.05 are read as rates where the table says so
    f.rows[4] = row('履职效果', '部门效果目标', '工作任务完成率', target, actual, 10, readAs.includes('填报 0 分') ? 0 : null);
    const r = scoreFiling(t2023, f);
    expect(r.rows.find((x) => x.path[2] === '工作任务完成率')!.score).toBe(score);
  });
});
