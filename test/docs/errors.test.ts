// docs/errors.md is the catalogue of every code: generated (tools/errors/generate.ts), complete,
// and in one style; every example in tools/errors/examples/ produces its code.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from '../../packages/language/src/index.ts';
import { checkSource } from '../../packages/compiler/src/index.ts';
import { importFiling, scoreFiling, prepareTemplate } from '../../packages/engine/src/index.ts';
import { repoRoot } from '../../tools/errors/family.ts';
import { catalogue, examples, FAMILIES, missingExamples } from '../../tools/errors/families.ts';
import { buildErrorsDoc, DOC_PATH } from '../../tools/errors/generate.ts';
import { produce } from '../../tools/errors/run.ts';
import { cleanFiling } from '../support/filings.ts';

const CODE = /\b(JX\d{4}|IMP\d{3})\b/g;
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** code → the files under packages/x/src that mention it */
function codesInSources(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const pkgs = join(repoRoot, 'packages');
  for (const pkg of readdirSync(pkgs)) {
    const src = join(pkgs, pkg, 'src');
    try {
      statSync(src);
    } catch {
      continue;
    }
    for (const f of sourceFiles(src)) {
      for (const m of readFileSync(f, 'utf8').matchAll(CODE)) {
        const files = found.get(m[1]!) ?? [];
        const rel = relative(repoRoot, f);
        if (!files.includes(rel)) files.push(rel);
        found.set(m[1]!, files);
      }
    }
  }
  return found;
}

describe('docs/errors.md', () => {
  it("has an example and a fix for every catalogued code, in its family's module", () => {
    const missing = missingExamples();
    expect(missing, missing.map((m) => `add an entry { trigger, fix } for ${m.code} to ${m.file}`).join('\n')).toEqual([]);
    for (const { code, file, family } of examples())
      expect(
        Object.keys(family.catalogue).map((k) => family.catalogue[k]!.code),
        `${file} has an example of ${code}, which its catalogue does not list`,
      ).toContain(code);
  });

  it('is exactly what the generator produces (run `pnpm docs:errors` when it is stale)', async () => {
    const expected = await buildErrorsDoc();
    const actual = readFileSync(DOC_PATH, 'utf8');
    expect(actual === expected, 'docs/errors.md is stale: run `npx -y pnpm@12.4.2 docs:errors` and commit the result').toBe(true);
  }, 120_000);

  it('lists every code used in packages/*/src, and a catalogue defines each', () => {
    const doc = readFileSync(DOC_PATH, 'utf8');
    const inDoc = new Set([...doc.matchAll(/^### (\S+) /gm)].map((m) => m[1]!));
    const catalogued = new Set(catalogue().map((c) => c.code));
    const problems: string[] = [];
    for (const [code, files] of codesInSources()) {
      if (!catalogued.has(code)) problems.push(`${code} (used in ${files.join(', ')}) is in no catalogue: add it to its family's codes.ts / findings.ts / diagnostics.ts`);
      else if (!inDoc.has(code))
        problems.push(
          `${code} (used in ${files.join(', ')}) is not in docs/errors.md: add an example and fix for it to its family's module in tools/errors/examples/, then run \`pnpm docs:errors\``,
        );
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('catalogues unique codes, each titled in Chinese and in English', () => {
    const all = catalogue();
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) {
      expect(c.title.zh, `${c.code}: Chinese title`).toMatch(CJK);
      expect(c.title.en.length, `${c.code}: English title`).toBeGreaterThan(0);
      expect(c.title.en, `${c.code}: the English title must not contain Chinese`).not.toMatch(CJK);
      for (const s of c.severities) expect(['error', 'warning', 'info']).toContain(s);
    }
  });

  it('gives every fix in both languages: Chinese first, English without Chinese words other than quoted input', () => {
    for (const { code, example: ex } of examples()) {
      expect(ex.fix.zh, `${code}: fix (zh)`).toMatch(CJK);
      expect(ex.fix.en.length, `${code}: fix (en)`).toBeGreaterThan(0);
      // Chinese in an English fix only inside `code` or quotes (keywords, names on the form)
      const bare = ex.fix.en.replace(/`[^`]*`/g, '').replace(/[“(][^”)]*[”)]/g, '');
      expect(bare, `${code}: Chinese outside quotes in the English fix`).not.toMatch(/[\u4e00-\u9fff]{3,}/);
    }
  });
});

describe('each example of docs/errors.md', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'jixiao-errors-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  for (const family of FAMILIES)
    for (const [code, example] of Object.entries(family.examples))
      it(`${code} (${family.file}) produces ${code}`, async () => {
        const p = await produce(code, example, family.file, scratch);
        expect(p.output.zh, `${code}: the Chinese message`).toMatch(CJK);
        expect(p.output.en.length, `${code}: the English message`).toBeGreaterThan(0);
      });
});

describe('messages quote the values involved', () => {
  const check = (text: string) => checkSource({ file: 't.jx', text }, () => null).diagnostics;
  const base = `模板 部门整体支出 2023 {
  总分 100 分
  等级 { 优 >= 90 分; 差 }
  规则 正向 适用 >= { 得分 = 权重 * min(实际 / 目标, 1) }
  一级指标 预算执行率 分值 10 分 { 得分 = 分值 * min(全年执行数 / 全年预算数, 1) }
  一级指标 部门管理 分值 90 分 { 单位填报 }
}
`;

  it('the parser quotes the character it cannot read and the token it did not expect', () => {
    const lex = parse('模板 部门整体支出 2023 {\n  总分 100 分 ¤\n}\n').diagnostics.find((d) => d.code === 'JX0001')!;
    expect(lex.message.zh).toContain('“¤”');
    expect(lex.message.en).toContain('“¤”');
    const syn = parse('模板 部门整体支出 2023 {\n  总分 一百 分\n}\n').diagnostics.find((d) => d.code === 'JX0002')!;
    expect(syn.message.zh).toContain('一百');
    expect(syn.help).toBeDefined();
  });

  it('the checker quotes names, values and intervals', () => {
    const samples: [string, string, string, string[]][] = [
      ['min(实际 / 目标, 1)', 'min(完成数 / 目标, 1)', 'JX2001', ['完成数']],
      ['分值 90 分 { 单位填报 }', '分值 95 分 { 单位填报 }', 'JX2013', ['10 + 95', '105', '100']],
      ['总分 100 分', '总分 100 篇', 'JX2010', ['100 篇']],
      ['min(实际 / 目标, 1)', '实际 / 目标', 'JX2021', ['权重 * 实际 / 目标', '+∞']],
      ['{ 单位填报 }', '{ 单位填报 采用 综合 }', 'JX2008', ['综合', '部门管理']],
    ];
    for (const [from, to, code, quotes] of samples) {
      const d = check(base.replace(from, to)).find((x) => x.code === code);
      expect(d, `${code} from ${to}`).toBeDefined();
      for (const q of quotes) {
        expect(d!.message.zh, `${code} (zh) quotes ${q}`).toContain(q);
        expect(d!.message.en, `${code} (en) quotes ${q}`).toContain(q);
      }
      expect(d!.help?.zh, `${code} has a help line`).toBeTruthy();
    }
  });

  it('findings quote the row and the values', () => {
    const r = checkSource({ file: 'rules/甘肃/2023/部门整体支出.jx', text: readFileSync(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8') }, () => null);
    const t = prepareTemplate(r.template!);
    const f = cleanFiling();
    f.rows[3]!.actual = '12篇';
    f.rows[3]!.statedScore = 17;
    f.rows[6]!.actual = '130%';
    const findings = scoreFiling(t, f).findings;
    const stated = findings.find((x) => x.code === 'JX3004')!;
    for (const q of ['媒体宣传报道数', '17', '20']) expect(stated.message.zh).toContain(q);
    const rate = findings.find((x) => x.code === 'JX3009')!;
    expect(rate.message.zh).toContain('130%');
    expect(rate.message.en).toContain('130%');
  });

  it('import diagnostics quote the cell', async () => {
    const r = await importFiling('一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训次数\t≥4次\t4次\t拾\t10\n', { filename: 'x.tsv' });
    const d = r.diagnostics.find((x) => x.code === 'IMP030')!;
    expect(d.message.zh).toContain('拾');
    expect(d.message.en).toContain('拾');
    expect(d.line).toBe(2);
  });
});
