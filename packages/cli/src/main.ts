#!/usr/bin/env node
// The jixiao command line. Each command lives in commands/; this file only wires them
// to commander and turns unexpected failures into a clear message and exit code 2.
import { Command } from 'commander';
import pc from 'picocolors';
import { setLang, tr } from './i18n.ts';
import { checkCommand } from './commands/check.ts';
import { fmtCommand } from './commands/fmt.ts';
import { scoreCommand, type ScoreOptions } from './commands/score.ts';
import { explainCommand } from './commands/explain.ts';
import { UserError } from './filing.ts';

// Pick the language before commander builds its help texts.
const langArg = process.argv.findIndex((a) => a === '--lang');
setLang(langArg >= 0 ? process.argv[langArg + 1] : undefined);

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
  .action((file: string) => {
    process.exitCode = checkCommand(file);
  });

program
  .command('fmt')
  .description(tr('按规范格式重写模板（保留注释）', 'rewrite templates in canonical layout (comments kept)'))
  .argument('<files...>', tr('模板文件', 'template files'))
  .option('--check', tr('只检查，不改写；格式不规范时退出码 1', 'check only; exit 1 when a file is not formatted'))
  .option('--stdout', tr('输出到标准输出', 'write to standard output'))
  .action((files: string[], opts: { check?: boolean; stdout?: boolean }) => {
    process.exitCode = fmtCommand(files, opts);
  });

const templateOptions = (c: Command) =>
  c
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
  .action(async (file: string, opts: ScoreOptions) => {
    process.exitCode = await scoreCommand(file, opts);
  });

templateOptions(
  program
    .command('explain')
    .description(tr('显示某个指标得分的完整计算过程', "show the full derivation of one indicator's score"))
    .argument('<filing>', tr('填报表', 'filing'))
    .argument('<indicator>', tr('指标名称', 'indicator name')),
).action(async (file: string, indicator: string, opts: ScoreOptions) => {
  process.exitCode = await explainCommand(file, indicator, opts);
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as { code?: string; exitCode?: number; message?: string };
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exitCode = 0;
  else if (err.code?.startsWith('commander.')) process.exitCode = 2;
  else if (e instanceof UserError) {
    console.error(pc.red(tr(e.zh, e.en)));
    process.exitCode = 2;
  }
  else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(pc.red(tr(`找不到文件：${(e as NodeJS.ErrnoException).path}`, `file not found: ${(e as NodeJS.ErrnoException).path}`)));
    process.exitCode = 2;
  } else {
    console.error(pc.red(tr(`内部错误：${err.message}`, `internal error: ${err.message}`)));
    if (process.env['JIXIAO_DEBUG']) console.error(e);
    process.exitCode = 2;
  }
}
