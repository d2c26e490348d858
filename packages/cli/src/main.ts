#!/usr/bin/env node
// The jixiao command line. Each command lives in commands/; this file only wires them
// to commander and turns unexpected failures into a clear message and exit code 2.
import { Command } from 'commander';
import pc from 'picocolors';
import { setLang, t, tr } from './i18n.ts';
import type { CheckOptions } from './commands/check.ts';
import type { ScoreOptions } from './commands/score.ts';
import type { DiffOptions } from './commands/diff.ts';
import type { ImpactOptions } from './commands/impact.ts';
import type { TestOptions } from './commands/test.ts';
import type { TypesOptions } from './commands/types.ts';
import type { DbOptions, ServeCommandOptions } from './commands/serve.ts';
import { failureOf, UserError } from './errors.ts';

// Each command's module (and what it needs: the filing model, xlsx, YAML …) loads only
// when that command runs, so `jixiao check` starts without the scoring engine.

// Pick the language before commander builds its help texts.
const langArg = process.argv.indexOf('--lang');
setLang(langArg >= 0 ? process.argv[langArg + 1] : undefined);

// A reader that stops early (`jixiao score 批量.ndjson | head`) closes the pipe. That is
// the reader's choice, not a failure of the command: stop at once and quietly, with the
// status a process killed by SIGPIPE has (128 + 13), as cat or grep would (Node ignores
// SIGPIPE, so the closed pipe arrives as an EPIPE error on the next write instead).
const closedPipe = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (closedPipe(e)) process.exit(141);
    throw e;
  });

const program = new Command();
program
  .name('jixiao')
  .description(tr('预算绩效自评规则引擎：检查模板、给填报表打分、比较年度规则', 'rules engine for budget performance self-evaluation'))
  .option('--lang <zh|en>', tr('输出语言：zh（默认）或 en', 'output language: zh (default) or en'))
  .showHelpAfterError()
  .exitOverride();

program
  .command('check')
  .description(tr('检查模板：语法、名称、分值、等级、分档，并证明每条公式的得分界限', 'check a template and prove its score bounds'))
  .argument('<file.jx>', tr('模板文件', 'template file'))
  .option('--timings', tr('显示各阶段用时：解析、继承、检查与证明、代码生成', 'show the time of each stage: parse, resolve, check and prove, codegen'))
  .option('--dump <stage>', tr('输出某一阶段的结果：ast、checked、proofs、js', 'print what a stage produced: ast, checked, proofs, js'))
  .action(async (file: string, opts: CheckOptions) => {
    const { checkCommand } = await import('./commands/check.ts');
    process.exitCode = checkCommand(file, opts);
  });

program
  .command('fmt')
  .description(tr('按规范格式重写模板（保留注释）', 'rewrite templates in canonical layout (comments kept)'))
  .argument('<files...>', tr('模板文件', 'template files'))
  .option('--check', tr('只检查，不改写；格式不规范时退出码 1', 'check only; exit 1 when a file is not formatted'))
  .option('--stdout', tr('输出到标准输出', 'write to standard output'))
  .action(async (files: string[], opts: { check?: boolean; stdout?: boolean }) => {
    const { fmtCommand } = await import('./commands/fmt.ts');
    process.exitCode = fmtCommand(files, opts);
  });

const templateOptions = (c: Command) =>
  c
    .option(
      '--region <地区>',
      tr(
        '地区：如 全国、甘肃、四川/遂宁/大英县；该地区没有模板时用上级地区的（默认读表头；有多个地区的模板可用而未指定时列出它们）',
        "jurisdiction, e.g. 全国, 甘肃, 四川/遂宁/大英县; without a template of its own, its parent's is used (default: from the filing; when several have one and none is given, they are listed)",
      ),
    )
    .option('--year <YYYY>', tr('年度：使用该年度及以前最新的模板（默认读表头）', 'year: use the newest template of that year or before (default: from the title)'))
    .option('--form <表单>', tr('表单：项目支出 或 部门整体支出（默认读表头）', 'form: 项目支出 or 部门整体支出 (default: from the title)'))
    .option('--rules <file.jx>', tr('直接指定模板文件', 'use this template file'));

templateOptions(
  program
    .command('score')
    .description(tr('给填报表打分并列出问题；也可给一个文件夹或 NDJSON 文件批量打分', 'score a filing and list its problems; or a folder / NDJSON file in batch'))
    .argument('<filing>', tr('填报表 (.tsv .json .xlsx)、文件夹或 .ndjson', 'filing (.tsv .json .xlsx), folder or .ndjson')),
)
  .option('--json', tr('输出 JSON 报告（批量时每行一个）', 'print the JSON report (one per line in batch)'))
  .option(
    '--jobs <N>',
    tr(
      '给 .ndjson 文件批量评分时用 N 个工作线程（默认 1；0 或 auto 为全部处理器核）；输出仍按输入的行序，每行一份',
      'score an .ndjson file on N worker threads (default 1; 0 or auto: every core); the output keeps the order of the lines, one per line',
    ),
  )
  .addHelpText(
    'after',
    tr(
      `
退出码：
  一份填报表：0 已评分且无错误；1 已评分但有错误；2 无法评分
  批量（文件夹或 .ndjson）：2 有任何一份无法评分（读不了或不是有效的填报表）；否则 1 有任何一份有错误；否则 0。2 优先于 1
  读取输出的程序提前关闭管道（如 | head）：不再输出，安静地以 141 退出`,
      `
Exit codes:
  one filing: 0 scored without errors; 1 scored with errors; 2 could not be scored
  batch (folder or .ndjson): 2 when any filing could not be scored (unreadable or invalid); else 1 when any has errors; else 0. 2 takes precedence over 1
  the reader closes the pipe early (as | head does): output stops, quietly, with exit 141`,
    ),
  )
  .action(async (file: string, opts: ScoreOptions) => {
    const { scoreCommand } = await import('./commands/score.ts');
    process.exitCode = await scoreCommand(file, opts);
  });

templateOptions(
  program
    .command('explain')
    .description(tr('显示某个指标得分的完整计算过程', "show the full derivation of one indicator's score"))
    .argument('<filing>', tr('填报表', 'filing'))
    .argument('<indicator>', tr('指标名称', 'indicator name')),
).action(async (file: string, indicator: string, opts: ScoreOptions) => {
  const { explainCommand } = await import('./commands/explain.ts');
  process.exitCode = await explainCommand(file, indicator, opts);
});

program
  .command('diff')
  .description(
    tr(
      '比较两个年度的模板：指标增删、改名、分值、规则、分档、等级、扣分的变化（语义比较，不是文本比较）',
      "semantic diff of two years' templates: indicators, weights, rules, tiers, grades, deductions",
    ),
  )
  .argument('<yearA>', tr('原年度：2023、甘肃/2023（地区/年度），或 .jx 模板文件', 'old: a year, 甘肃/2023 (jurisdiction/year), or a .jx file'))
  .argument('<yearB>', tr('新年度：2024、甘肃/2024，或 .jx 模板文件', 'new: a year, 甘肃/2024, or a .jx file'))
  .option('--region <地区>', tr('只写年度时所用的地区', 'the jurisdiction of a bare year'))
  .option('--form <表单>', tr('只比较这一表单（默认两年都有模板的全部表单）', 'only this form (default: every form with a template in both years)'))
  .option('--json', tr('输出完整的 JSON（每个表单一行）', 'print the complete JSON (one line per form)'))
  .action(async (a: string, b: string, opts: DiffOptions) => {
    const { diffCommand } = await import('./commands/diff.ts');
    process.exitCode = diffCommand(a, b, opts);
  });

program
  .command('impact')
  .description(tr('用两个年度的规则分别给填报表打分：总分、等级、变化的指标及原因', "score filings under two years' rules: totals, grades, and the rows that moved and why"))
  .argument('<filings...>', tr('填报表或文件夹', 'filings or folders'))
  .requiredOption('--from <年度>', tr('原年度（或 .jx 模板文件）', 'old year (or a .jx file)'))
  .requiredOption('--to <年度>', tr('新年度（或 .jx 模板文件）', 'new year (or a .jx file)'))
  .option('--region <地区>', tr('地区（默认读各填报表；也可写成 --from 甘肃/2023）', "jurisdiction (default: each filing's; or write --from 甘肃/2023)"))
  .option('--form <表单>', tr('表单（默认读表头）', 'form (default: from the title)'))
  .option('--json', tr('每份填报表输出一行 JSON', 'one JSON line per filing'))
  .action(async (files: string[], opts: ImpactOptions) => {
    const { impactCommand } = await import('./commands/impact.ts');
    process.exitCode = await impactCommand(files, opts);
  });

program
  .command('test')
  .description(
    tr(
      '运行 rules/<地区>/<年度>/tests/*.yaml 中的规则测试，并报告规则覆盖率（规则、如果的分支、定性分档、等级）',
      'run the rule tests in rules/<region>/<year>/tests/*.yaml and report rule coverage',
    ),
  )
  .argument('[dir]', tr('规则目录（默认 rules/）', 'rules directory (default: rules/)'))
  .option('--year <YYYY>', tr('只运行这一年度的测试', 'only this year'))
  .option('--region <地区>', tr('只运行这一地区（及其下级）的测试', 'only this jurisdiction (and those below it)'))
  .option('--json', tr('输出 JSON 结果', 'print the results as JSON'))
  .option('--threshold <百分比>', tr('覆盖率下限（默认读 rules/coverage.yaml）', 'coverage threshold in percent (default: rules/coverage.yaml)'))
  .action(async (dir: string | undefined, opts: TestOptions) => {
    const { testCommand } = await import('./commands/test.ts');
    process.exitCode = await testCommand(dir, opts);
  });

program
  .command('types')
  .description(tr('生成某年度填报表的 TypeScript 类型（由填报表的 JSON Schema 生成）', "write the TypeScript types of a year's filing (from its JSON Schema)"))
  .requiredOption('--year <YYYY>', tr('年度（或 地区/年度，如 甘肃/2023）', 'year (or jurisdiction/year, e.g. 甘肃/2023)'))
  .option('--region <地区>', tr('地区', 'jurisdiction'))
  .option('--form <表单>', tr('表单（默认 部门整体支出）', 'form (default: 部门整体支出)'))
  .option('--out <file.ts>', tr('写入文件（默认输出到标准输出）', 'write to this file (default: standard output)'))
  .option('--schema', tr('输出 JSON Schema 而不是 TypeScript', 'print the JSON Schema instead of TypeScript'))
  .action(async (opts: TypesOptions) => {
    const { typesCommand } = await import('./commands/types.ts');
    process.exitCode = await typesCommand(opts);
  });

// the workspace server (packages/server): loaded only when one of these commands runs
const dbOptions = (c: Command) =>
  c
    .option('--db <postgres://…>', tr('使用 PostgreSQL 服务器（默认：PGlite，数据在 --data 目录）', 'use a PostgreSQL server (default: PGlite in the --data folder)'))
    .option('--data <目录>', tr('PGlite 数据目录（默认 ./jixiao-data）', 'PGlite data folder (default ./jixiao-data)'));

dbOptions(
  program
    .command('serve')
    .description(
      tr('启动工作台：演练场与 HTTP API（模板版本、填报表、评分运行、审核）', 'start the workspace: the playground and the HTTP API (template versions, filings, runs, reviews)'),
    )
    .option('--host <地址>', tr('监听地址（默认 127.0.0.1；其他地址需先添加用户）', 'address to bind (default 127.0.0.1; any other needs users)'))
    .option('--port <端口>', tr('端口（默认 8080；0 为任一空闲端口）', 'port (default 8080; 0 for any free port)')),
).action(async (opts: ServeCommandOptions) => {
  const { serveCommand } = await import('./commands/serve.ts');
  process.exitCode = await serveCommand(opts);
});

dbOptions(
  program
    .command('backup')
    .description(tr('把工作台的全部数据备份到一个文件', 'back up the whole workspace into one file'))
    .argument('<file>', tr('备份文件（.jsonl.gz）', 'backup file (.jsonl.gz)')),
).action(async (file: string, opts: DbOptions) => {
  const { backupCommand } = await import('./commands/serve.ts');
  process.exitCode = await backupCommand(file, opts);
});

dbOptions(
  program.command('restore').description(tr('从备份文件恢复到一个空的工作台', 'restore a backup into an empty workspace')).argument('<file>', tr('备份文件', 'backup file')),
).action(async (file: string, opts: DbOptions) => {
  const { restoreCommand } = await import('./commands/serve.ts');
  process.exitCode = await restoreCommand(file, opts);
});

dbOptions(
  program
    .command('user')
    .description(
      tr(
        '工作台用户：add <用户名> --role <编辑|审核|只读>（密码取自 JIXIAO_PASSWORD 或标准输入）、list、remove <用户名>',
        'workspace users: add <name> --role <编辑|审核|只读> (password from JIXIAO_PASSWORD or standard input), list, remove <name>',
      ),
    )
    .argument('<action>', 'add | list | remove')
    .argument('[name]', tr('用户名', 'user name'))
    .option('--role <角色>', tr('编辑（起草和发布模板）、审核（上传、评分、审核）、只读', '编辑 (draft and publish templates), 审核 (upload, run, review), 只读 (read-only)')),
).action(async (action: string, name: string | undefined, opts: DbOptions & { role?: string }) => {
  const { userCommand } = await import('./commands/serve.ts');
  process.exitCode = await userCommand(action, name, opts);
});

// No top-level await: the bundle is made of CommonJS scripts, for V8's code cache (bin/code-cache.cjs).
program.parseAsync(process.argv).catch((e: unknown) => {
  const err = e as { code?: string; exitCode?: number; message?: string };
  if (closedPipe(e)) process.exit(141);
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exitCode = 0;
  else if (err.code?.startsWith('commander.')) process.exitCode = 2;
  else if (e instanceof UserError) {
    console.error(`${pc.red(t(e.text))} ${pc.dim(`[${e.code}]`)}`);
    process.exitCode = 2;
  } else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(pc.red(tr(`找不到文件：${(e as NodeJS.ErrnoException).path}`, `file not found: ${(e as NodeJS.ErrnoException).path}`)));
    process.exitCode = 2;
  } else {
    console.error(pc.red(t(failureOf(e).message)));
    if (process.env['JIXIAO_DEBUG']) console.error(e);
    process.exitCode = 2;
  }
});
