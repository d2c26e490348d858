// docs/forms.md is executable: every example table (a ```text block with │ between cells)
// followed by a ```json block is imported, and the filing must contain what the JSON says;
// its tables of header spellings, budget labels and signs are the ones the importer reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, importTsv, parseValue, type ColumnField } from '../../packages/engine/src/index.ts';
import { budgetFieldOfLabel } from '../../packages/engine/src/import/budget.ts';
import { repoRoot } from '../../tools/errors/family.ts';

const doc = readFileSync(`${repoRoot}docs/forms.md`, 'utf8');

/** The ```text block and the ```json block right after it, in document order. */
const examples = [...doc.matchAll(/```text\n([\s\S]*?)\n```\s*\n```json\n([\s\S]*?)\n```/g)].map((m) => ({
  tsv: m[1]!
    .split('\n')
    .map((line) =>
      line
        .split('│')
        .map((c) => c.trim())
        .join('\t'),
    )
    .join('\n'),
  expected: JSON.parse(m[2]!) as Record<string, unknown>,
}));

/** Table rows of the section headed `heading`: cells without their backticks. */
function tableOf(heading: string): string[][] {
  const from = doc.indexOf(heading);
  const section = doc.slice(from, doc.indexOf('\n## ', from + 1));
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| 字段') && !l.startsWith('| 写法'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

describe('docs/forms.md', () => {
  it('has its examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples.map((e, i) => [i + 1, e] as const))('example %i imports as the document says', (_i, { tsv, expected }) => {
    const r = importTsv(tsv + '\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.filing).toMatchObject(expected);
  });

  it('lists every header spelling the importer reads, under its field', () => {
    const rows = tableOf('## 表头的写法');
    for (const [field, labels] of Object.entries(FIELD_LABELS) as [ColumnField, readonly string[]][]) {
      const row = rows.find((r) => r[0] === `\`${field}\``);
      expect(row, field).toBeDefined();
      const listed = row![2]!.split(/[、；]/).map((s) => s.trim());
      for (const l of labels) expect(listed, `${field}: ${l}`).toContain(l);
    }
  });

  it('lists budget spellings the importer reads as that field', () => {
    const fields: Record<string, string> = { initialBudget: 'initialBudget', budget: 'budget', spent: 'spent', weight: 'weight', statedRate: 'rate', statedScore: 'score' };
    for (const [name, spellings] of tableOf('## 预算执行部分')) {
      const field = fields[/`(\w+)`/.exec(name!)![1]!]!;
      for (const s of spellings!
        .replace(/（[^）]*）/g, '')
        .replace(/^以“执行率”结尾：/, '')
        .split('、'))
        expect(budgetFieldOfLabel(s.trim()), s).toBe(field);
    }
  });

  it('lists sign spellings that give the shape it states', () => {
    const head = '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\n';
    for (const [spellings, shape] of tableOf('## 指标性质列')) {
      const want = /^`([<>=]+)`/.exec(shape!)?.[1] ?? null;
      for (const m of spellings!.matchAll(/`([^`]+)`/g)) {
        const target = importTsv(`${head}产出指标\t数量指标\t甲\t${m[1]}\t90\t%\t95\t5\t5\n`).filing!.rows[0]!.target;
        const v = parseValue(target);
        expect(v.kind === 'number' ? v.op : null, `${m[1]} → ${target}`).toBe(want);
      }
    }
  });
});
