// README's main command (`pnpm start`): score the bundled 2023 sample filing, say what that
// showed, then build and serve the playground on localhost. The sample is a real filing
// with real mistakes, so its score ends with exit code 1 (scored, with errors): that is the
// expected result, not a failure of the command, and the playground starts either way.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../packages/cli/bin/jixiao.cjs', import.meta.url));
const sample = 'rules/甘肃/2023/examples/seed.tsv';

const r = spawnSync(process.execPath, [bin, 'score', sample], { cwd: root, stdio: 'inherit' });
const said = {
  0: ['样例填报表已评分，没有错误。', 'The sample filing was scored with no error.'],
  1: [
    '以上是样例填报表（正宁县人大常委会办公室 2023 年自评表）的评分：表中的错误是真实填报表里的问题，jixiao 把它们全部找了出来，这正是预期的结果（退出码 1 = 已评分、有错误）。',
    'Above: the score of the sample filing (a real 2023 county table). Its errors are real mistakes of that filing, all found — the expected result (exit code 1 = scored, with errors).',
  ],
}[r.status ?? 2] ?? ['样例填报表无法评分，请检查上面的信息。', 'The sample filing could not be scored; see the message above.'];
console.log(`\n${said[0]}\n${said[1]}\n`);
console.log('接着构建并打开演练场 (building the playground)：http://127.0.0.1:5173/ ，按 Ctrl+C 结束。\n');

// the pnpm that runs this script (npm_execpath), else the pinned one through npx. pnpm 12
// is a native executable, run as it is; an older one is a script for node.
const args = ['--filter', '@jixiao/playground', 'serve'];
const execpath = process.env.npm_execpath;
const pnpm =
  !execpath || !/pnpm/.test(execpath)
    ? spawn('npx', ['-y', 'pnpm@12.4.2', ...args], { cwd: root, stdio: 'inherit' })
    : /\.[cm]?js$/.test(execpath)
      ? spawn(process.execPath, [execpath, ...args], { cwd: root, stdio: 'inherit' })
      : spawn(execpath, args, { cwd: root, stdio: 'inherit' });
pnpm.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => pnpm.kill(sig));
