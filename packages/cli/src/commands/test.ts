// `jixiao test [dir]`: run every rule test case under <dir>/<year>/tests/*.yaml against
// that year's template (继承 resolved) and report rule coverage — which rules ran, which
// branch of each 如果, which tiers and grade bands the cases reached. Fails when a case
// fails or a template's coverage is below the threshold of <dir>/coverage.yaml (like
// `opa test --coverage --threshold`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { parse as parseYaml } from 'yaml';
import { Coverage, coverageThreshold, readCaseFile, runCase, type CasePathReader, type CaseResult, type CoverageSummary } from '@jixiao/engine';
import { t, tr } from '../i18n.ts';
import { userError } from '../errors.ts';
import { rulesDir, shownPath, userPath } from '../paths.ts';
import { normaliseRegion } from '@jixiao/compiler';
import { library, loadTemplate } from '../templates.ts';
import { quote } from '@jixiao/language/diagnostics';

export interface TestOptions {
  year?: string;
  /** only this jurisdiction (and the ones below it) */
  region?: string;
  json?: boolean;
  threshold?: string;
}

/** The threshold in percent: --threshold, else <dir>/coverage.yaml (阈值 / threshold), else 0. */
export function readThreshold(dir: string, opt?: string): number {
  if (opt !== undefined) return Number(opt);
  const f = join(dir, 'coverage.yaml');
  if (!existsSync(f)) return 0;
  return coverageThreshold(parseYaml(readFileSync(f, 'utf8')));
}

/** A case's file named by a path relative to its case file, read from disk. */
const fromDisk =
  (caseFile: string): CasePathReader =>
  async (path) => {
    const p = resolve(dirname(caseFile), path);
    return existsSync(p) ? { bytes: new Uint8Array(readFileSync(p)), filename: basename(p) } : null;
  };

/**
 * What `jixiao test <path>` names: a rules folder (with its coverage.yaml), or a folder or
 * test file inside one — `rules/四川/2023`, `rules/四川/2023/tests/项目支出.yaml` — which
 * runs that jurisdiction and year (that file) against the rules folder above it.
 */
export function testTarget(dirArg: string | undefined): { dir: string; region?: string; year?: string; file?: string } | { missing: string } {
  if (!dirArg) return { dir: rulesDir };
  const p = userPath(dirArg);
  if (!existsSync(p)) return { missing: dirArg };
  const isFile = statSync(p).isFile();
  // the nearest folder at or above the path that holds coverage.yaml is the rules folder
  for (let d = isFile ? dirname(p) : p; ; d = dirname(d)) {
    if (existsSync(join(d, 'coverage.yaml'))) {
      if (d === p) return { dir: d };
      const parts = relative(d, p).split(sep);
      const y = parts.findIndex((x) => /^\d{4}$/.test(x));
      const region = (y === -1 ? parts.filter((x) => x !== 'tests' && !/\.ya?ml$/i.test(x)) : parts.slice(0, y)).join('/');
      return { dir: d, ...(region ? { region } : {}), ...(y === -1 ? {} : { year: parts[y]! }), ...(isFile ? { file: p } : {}) };
    }
    if (dirname(d) === d) return isFile ? { dir: dirname(p), file: p } : { dir: p };
  }
}

export async function testCommand(dirArg: string | undefined, opts: TestOptions): Promise<number> {
  const target = testTarget(dirArg);
  if ('missing' in target) {
    console.error(pc.red(tr(`找不到 ${target.missing}`, `${target.missing} does not exist`)));
    return 2;
  }
  const dir = target.dir;
  if (target.year !== undefined && opts.year === undefined) opts = { ...opts, year: target.year };
  if (target.region !== undefined && opts.region === undefined) opts = { ...opts, region: target.region };
  const threshold = readThreshold(dir, opts.threshold);
  if (!Number.isFinite(threshold)) {
    if (opts.threshold !== undefined)
      throw userError('invalidOption', { option: '--threshold', value: opts.threshold, expected: { zh: '应为百分数，如 80', en: 'give a percentage, e.g. 80' } });
    const f = shownPath(join(dir, 'coverage.yaml'));
    throw userError('generic', { said: { zh: `${f} 中的覆盖率下限（阈值）不是数`, en: `the coverage threshold in ${f} is not a number` } });
  }
  // every folder rules/<地区>/<年度>/ that holds templates, filtered by --year and --region
  const only = opts.region === undefined ? null : normaliseRegion(opts.region);
  const folders = [...new Map(library(dir).map((e) => [`${e.region}/${e.year}`, { region: e.region, year: e.year }])).values()]
    .filter((f) => opts.year === undefined || String(f.year) === opts.year)
    .filter((f) => only === null || f.region === only || f.region.startsWith(`${only}/`));
  const results: CaseResult[] = [];
  const coverages: CoverageSummary[] = [];
  const untested: string[] = [];
  let broken = 0;

  for (const { region, year } of folders) {
    const ydir = join(dir, ...region.split('/'), String(year));
    const templates = readdirSync(ydir)
      .filter((f) => f.endsWith('.jx'))
      .sort();
    const tdir = join(ydir, 'tests');
    const files = existsSync(tdir)
      ? readdirSync(tdir)
          .filter((f) => /\.ya?ml$/i.test(f) && (!target.file || join(tdir, f) === target.file))
          .sort()
      : [];
    const covByForm = new Map<string, Coverage>();
    for (const f of files) {
      const path = join(tdir, f);
      const shown = shownPath(path);
      const cf = readCaseFile(parseYaml(readFileSync(path, 'utf8')));
      for (const e of cf.errors) results.push({ file: shown, name: '—', ok: false, failures: [], error: e });
      const form = cf.form ?? (templates.length === 1 ? templates[0]!.slice(0, -3) : basename(f).replace(/\.ya?ml$/i, ''));
      const tpath = join(ydir, `${form}.jx`);
      if (!existsSync(tpath)) {
        results.push({
          file: shown,
          name: '—',
          ok: false,
          failures: [],
          error: { zh: `${region} ${year} 年没有${quote(form)}模板（用 表单: 指定）`, en: `${region} ${year} has no template ${quote(form)} (name it with 表单:)` },
        });
        continue;
      }
      let cov = covByForm.get(form);
      if (!cov) {
        const loaded = loadTemplate(tpath, dir);
        if (!loaded.checked) {
          const d = loaded.diagnostics.find((x) => x.severity === 'error');
          broken++;
          results.push({
            file: shown,
            name: '—',
            ok: false,
            failures: [],
            error: {
              zh: `模板无效：${shownPath(d?.file ?? tpath)}:${d?.range.start.line}: ${d?.message.zh}`,
              en: `invalid template: ${shownPath(d?.file ?? tpath)}:${d?.range.start.line}: ${d?.message.en}`,
            },
          });
          continue;
        }
        cov = new Coverage(loaded.checked);
        covByForm.set(form, cov);
      }
      for (const c of cf.cases) results.push(await runCase(cov, c, shown, fromDisk(path)));
    }
    for (const tpl of templates) {
      const form = tpl.slice(0, -3);
      const cov = covByForm.get(form);
      if (cov) coverages.push(cov.summary());
      else if (!target.file && !results.some((r) => r.error && r.file.includes(`${region}/${year}`))) untested.push(`${region}/${year}/${tpl}`);
    }
  }

  if (folders.length === 0) {
    const what = [opts.region, opts.year].filter(Boolean).join(' ');
    console.error(
      pc.red(
        tr(`${shownPath(dir)} 中没有${what ? ` ${what} 的` : ''}模板，没有可运行的测试`, `no templates${what ? ` for ${what}` : ''} under ${shownPath(dir)}: nothing to test`),
      ),
    );
    return 2;
  }
  const failed = results.filter((r) => !r.ok).length;
  const below = coverages.filter((c) => c.percent < threshold);
  const ok = failed === 0 && below.length === 0 && untested.length === 0 && broken === 0;
  if (opts.json) {
    process.stdout.write(JSON.stringify({ ok, threshold, cases: results, coverage: coverages, untested }) + '\n');
    return ok ? 0 : 1;
  }

  let file = '';
  for (const r of results) {
    if (r.file !== file) {
      file = r.file;
      console.log(pc.bold(file));
    }
    if (r.ok) console.log(`  ${pc.green('✓')} ${r.name}`);
    else {
      console.log(`  ${pc.red('✗')} ${r.name}${r.error ? `：${t(r.error)}` : ''}`);
      for (const f of r.failures) console.log(`      ${t(f.what)}：${tr('期望', 'expected')} ${f.expected}，${tr('实际', 'actual')} ${f.actual}`);
    }
  }
  console.log('');
  console.log(pc.bold(tr('规则覆盖率', 'rule coverage')));
  const k = (c: CoverageSummary, kind: keyof CoverageSummary['byKind']) => `${c.byKind[kind].covered}/${c.byKind[kind].total}`;
  for (const c of coverages) {
    const pctText = `${c.percent}%`;
    const colour = c.percent >= threshold ? pc.green : pc.red;
    console.log(
      `  ${c.region ? `${c.region} ` : ''}${c.form} ${c.year}: ${tr('规则', 'rules')} ${k(c, 'rule')}，${tr('分支', 'branches')} ${k(c, 'branch')}，${tr('定性分档', 'tiers')} ${k(c, 'tier')}，${tr('等级', 'grades')} ${k(c, 'grade')} — ${colour(pctText)}`,
    );
    for (const it of c.items.filter((i) => i.hits === 0)) console.log(`      ${pc.yellow(tr('未覆盖', 'not covered'))} ${it.label}`);
  }
  for (const u of untested) console.log(`  ${pc.red(tr(`${u} 没有测试用例`, `${u} has no test cases`))}`);
  const summary = tr(
    `共 ${results.length} 个用例：${results.length - failed} 个通过，${failed} 个失败；覆盖率下限 ${threshold}%${below.length ? `，${below.length} 个模板低于下限` : ''}`,
    `${results.length} cases: ${results.length - failed} passed, ${failed} failed; coverage threshold ${threshold}%${below.length ? `, ${below.length} template(s) below it` : ''}`,
  );
  console.log(ok ? pc.green(summary) : pc.red(summary));
  return ok ? 0 : 1;
}
