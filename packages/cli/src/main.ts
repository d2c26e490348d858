#!/usr/bin/env node
// The jixiao command line. Each command lives in commands/; this file only wires them
// to commander and turns unexpected failures into a clear message and exit code 2.
import { Command } from 'commander';
import pc from 'picocolors';
import { setLang, tr } from './i18n.ts';
import { checkCommand } from './commands/check.ts';
import { fmtCommand } from './commands/fmt.ts';

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

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as { code?: string; exitCode?: number; message?: string };
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exitCode = 0;
  else if (err.code?.startsWith('commander.')) process.exitCode = 2;
  else if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(pc.red(tr(`找不到文件：${(e as NodeJS.ErrnoException).path}`, `file not found: ${(e as NodeJS.ErrnoException).path}`)));
    process.exitCode = 2;
  } else {
    console.error(pc.red(tr(`内部错误：${err.message}`, `internal error: ${err.message}`)));
    if (process.env['JIXIAO_DEBUG']) console.error(e);
    process.exitCode = 2;
  }
}
