// docs/errors.md: the command line's family (JX4), an example and a fix per code. Each
// example calls the command's function as the user's command would, in a scratch folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_CODES } from '../../../packages/cli/src/codes.ts';
import { chooseTemplate, validTemplate } from '../../../packages/cli/src/filing.ts';
import { repoRoot, type Example, type Family } from '../family.ts';
import { BASE_TEMPLATE } from './compiler.ts';

const examples: Record<string, Example> = {
  JX4000: {
    trigger: {
      kind: 'note',
      note: { zh: '`内部错误：<原因>`——jixiao 自身的缺陷，不是输入的问题。', en: '`internal error: <cause>` — a defect in jixiao itself, not in the input.' },
    },
    fix: {
      zh: '设置环境变量 `JIXIAO_DEBUG=1` 重新运行，把输出和输入文件一起报告给维护者。',
      en: 'Run again with `JIXIAO_DEBUG=1` and report the output with the input files to the maintainers.',
    },
  },
  JX4001: {
    trigger: {
      kind: 'cli',
      command: 'jixiao check rules/甘肃/2023/部门整体支出.jx --dump tokens',
      run: async () => {
        const { checkCommand } = await import('../../../packages/cli/src/commands/check.ts');
        checkCommand(join(repoRoot, 'rules/甘肃/2023/部门整体支出.jx'), { dump: 'tokens' });
      },
    },
    fix: { zh: '`--dump` 后写 `ast`、`checked`、`proofs` 或 `js`。', en: 'Pass `ast`, `checked`, `proofs` or `js` to `--dump`.' },
  },
  JX4002: {
    trigger: {
      kind: 'cli',
      command: 'jixiao score 填报.tsv --rules 模板.jx',
      run: (dir) => {
        const p = join(dir, '模板.jx');
        writeFileSync(p, BASE_TEMPLATE.replace('履职效果 分值 70 分', '履职效果 分值 80 分'));
        validTemplate(p);
      },
    },
    fix: { zh: '运行 `jixiao check <模板>` 查看并改正模板中的全部错误。', en: 'Run `jixiao check <template>` and fix every error it lists.' },
  },
  JX4003: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.tsv   # 表头没有年度', run: () => chooseTemplate({ form: '部门整体支出' }, { rows: [] }) },
    fix: { zh: '加上 `--year 2023` 之类的参数，或在填报表标题中写明年度。', en: "Pass e.g. `--year 2023`, or put the year in the filing's title." },
  },
  JX4004: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.tsv --year 2023 --form 专项资金', run: () => chooseTemplate({ year: '2023', form: '专项资金' }, null) },
    fix: { zh: '用 `--form 项目支出` 或 `--form 部门整体支出`。', en: 'Pass `--form 项目支出` or `--form 部门整体支出`.' },
  },
  JX4005: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.tsv --year 2019 --form 部门整体支出', run: () => chooseTemplate({ year: '2019', form: '部门整体支出' }, null) },
    fix: {
      zh: '检查年度和表单；需要的模板要放在 `rules/<地区>/<年度>/<表单>.jx`。',
      en: 'Check the year and the form; the template must be at `rules/<region>/<year>/<form>.jx`.',
    },
  },
  JX4006: {
    trigger: {
      kind: 'cli',
      command: 'jixiao impact 空文件夹 --from 2023 --to 2024',
      run: async (dir) => {
        const empty = join(dir, '空文件夹');
        mkdirSync(empty);
        const { impactCommand } = await import('../../../packages/cli/src/commands/impact.ts');
        await impactCommand([empty], { from: '2023', to: '2024' });
      },
    },
    fix: {
      zh: '给出至少一份可读的填报表（`.tsv`、`.json`、`.xlsx`），或含有填报表的文件夹。',
      en: 'Name at least one readable filing (`.tsv`, `.json`, `.xlsx`) or a folder holding some.',
    },
  },
  JX4007: {
    trigger: {
      kind: 'cli',
      command: 'jixiao explain rules/甘肃/2023/examples/seed.tsv 培训人次',
      run: async () => {
        const { explainCommand } = await import('../../../packages/cli/src/commands/explain.ts');
        await explainCommand(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv'), '培训人次', {});
      },
    },
    fix: {
      zh: '按报告中的写法给出指标名称（`jixiao score` 列出全部指标），可以只写名称的一部分。',
      en: 'Give the indicator as the report spells it (`jixiao score` lists them); part of the name is enough.',
    },
  },
  JX4008: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.json --year 2023 --form 项目支出   # 表头没有写地区', run: () => chooseTemplate({ year: '2023', form: '项目支出' }, null) },
    fix: {
      zh: '用 `--region` 指定地区（如 `--region 四川`），或在填报表中写明“地区”。没有地区时，jixiao 不会替你在几个地区的模板中挑一个。',
      en: "Pass `--region` (e.g. `--region 四川`) or give the filing's 地区. Without one, jixiao never picks one of several jurisdictions' templates for you.",
    },
  },
  JX4009: {
    trigger: {
      kind: 'cli',
      command: 'jixiao score 填报.ndjson --jobs 很多',
      run: async () => {
        const { parseJobs } = await import('../../../packages/cli/src/commands/score.ts');
        parseJobs('很多');
      },
    },
    fix: {
      zh: '按选项的说明给值（`jixiao <命令> --help` 列出每个选项）：`--jobs` 为 1 到 256 的整数，或 `0`、`auto`（全部处理器核）；`--port` 为 0 到 65535；`--threshold` 为百分数。',
      en: 'Give the option a value it takes (`jixiao <command> --help` lists them): `--jobs` a whole number from 1 to 256, or `0` or `auto` (every core); `--port` 0 to 65535; `--threshold` a percentage.',
    },
  },
};

export const cli: Family = {
  id: 'cli',
  file: 'tools/errors/examples/cli.ts',
  heading: 'JX4000–JX4999 命令行 (command line)',
  intro: {
    zh: '命令无法完成时在标准错误输出中给出的错误，退出码 2。批量评分时，读不了的填报表在输出中占一行 `{"file", "error": {"code", "message"}}`，其余照常评分。读取填报表失败时沿用读取问题的代码（IMPnnn）。',
    en: 'Errors printed on standard error when a command cannot complete, exit code 2. In batch scoring a filing that fails gets its own line `{"file", "error": {"code", "message"}}` and the batch goes on. A filing that cannot be read keeps the import code (IMPnnn).',
  },
  catalogue: CLI_CODES,
  examples,
};
