// Builds docs/errors.md, the catalogue of every error and finding code, from the
// catalogues in the packages (codes, severities, titles) and the table below (for each
// code: an input that triggers it, and what to do). The messages in the document are
// never written by hand: each example is run through the real parser, checker,
// importer, scorer or CLI function, and the message it produces is what gets printed.
//
//   pnpm docs:errors            regenerate docs/errors.md
//   test/docs/errors.test.ts    fails when the file is stale or a code lacks an entry
//
// A new code only needs an entry in EXAMPLES (trigger + fix); everything else is read
// from its catalogue.
import type { TemplateSourceInfo } from '../../packages/engine/src/index.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { listLanguageCodes, parse, type Diagnostic } from '../../packages/language/src/index.ts';
import { checkSource, listCodes, type LoadParent } from '../../packages/compiler/src/index.ts';
import {
  importFiling,
  importTsvWithMapping,
  listFindingCodes,
  listImportCodes,
  MAX_FILING_BYTES,
  prepareTemplate,
  scoreFiling,
  type ColumnMapping,
  type Filing,
  type ImportResult,
  type IndicatorRow,
} from '../../packages/engine/src/index.ts';
import { listCliCodes } from '../../packages/cli/src/codes.ts';
import { listServerCodes } from '../../packages/server/src/codes.ts';
import { docWorkspace, type DocWorkspace } from './server-doc.ts';
import { chooseTemplate, UserError, validTemplate } from '../../packages/cli/src/filing.ts';
import { BASE } from '../support/jx.ts';
import { cleanFiling, row } from '../support/filings.ts';

export interface Msg {
  zh: string;
  en: string;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const DOC_PATH = join(repoRoot, 'docs/errors.md');
/** Where the hand-written part (triggers and fixes) lives, for error messages. */
export const EXAMPLES_FILE = 'test/docs/errors-doc.ts';

/** JSON text of a 2023 filing whose units nest `n` levels deep; the innermost unit, u0, has one row. */
function nestedUnits(n: number): string {
  let s = JSON.stringify({ rows: [row('部门管理', '资金投入', '基本支出预算执行率', '≥95%', '98%', 20, 20)] });
  for (let i = 0; i < n; i++) s = `{"rows":[],"units":[{"name":"u${i}","funding":1,"filing":${s}}]${i === n - 1 ? ',"year":2023,"form":"部门整体支出"' : ''}}`;
  return s;
}

// ---------------------------------------------------------------------------------
// The catalogues

export type FamilyId = 'language' | 'compiler' | 'finding' | 'import' | 'cli' | 'server';

export interface CodeEntry {
  code: string;
  family: FamilyId;
  severity?: string | undefined;
  title: Msg;
}

/** Every code of every catalogue, in document order. */
export function catalogue(): CodeEntry[] {
  return [
    ...listLanguageCodes().map((c) => ({ ...c, family: 'language' as const })),
    ...listCodes().map((c) => ({ ...c, family: 'compiler' as const })),
    ...listFindingCodes().map((c) => ({ ...c, family: 'finding' as const })),
    ...listImportCodes().map((c) => ({ ...c, family: 'import' as const })),
    ...listCliCodes().map((c) => ({ ...c, family: 'cli' as const })),
    ...listServerCodes().map((c) => ({ code: c.code, severity: c.severity, title: c.title, family: 'server' as const })),
  ];
}

const FAMILIES: { id: FamilyId; heading: string; intro: Msg }[] = [
  {
    id: 'language',
    heading: 'JX0001–JX0099 模板语法 (template syntax)',
    intro: {
      zh: '读取 `.jx` 模板文件时报告（`jixiao check`、评分前加载模板、演练场）。位置是 `文件:行:列`。有语法错误时不再做后面的检查。',
      en: 'Reported while reading a `.jx` template (`jixiao check`, loading a template before scoring, the playground), located at `file:line:column`. A template with a syntax error is not checked further.',
    },
  },
  {
    id: 'compiler',
    heading: 'JX2001–JX2999 模板检查 (template checks)',
    intro: {
      zh: '语法正确的模板由检查器检查：名称、单位、分值之和、等级和分档的覆盖，并证明每条公式的得分在 [0, 分值] 内；继承（`继承`）的模板先合并再检查。一次列出全部错误，模板有错误时不能用于评分（退出码 2）。下面的例子都是对这个基础模板改动一处：',
      en: 'A template that parses is checked: names, units, weight sums, grade and tier coverage, and a proof that every formula scores within [0, weight]; a template that extends (`继承`) another is merged first. Every error is listed in one pass; a template with errors cannot score (exit code 2). Each example below changes one place of this base template:',
    },
  },
  {
    id: 'finding',
    heading: 'JX3001–JX3999 填报表中的问题 (findings on a filing)',
    intro: {
      zh: '给填报表打分时发现的问题，列在报告的“发现问题”中（`--json` 时在 `findings` 中，带 `path`）。有错误级的问题时退出码为 1，但仍给出得分。下面的例子都用 `rules/甘肃/2023/部门整体支出.jx`，对这份没有任何问题的填报表改动一处：',
      en: 'Problems found while scoring a filing, listed under the report\'s findings (with `--json`: in `findings`, with a `path`). An error-level finding makes the exit code 1; the filing is still scored. Each example below scores with `rules/甘肃/2023/部门整体支出.jx` and changes one place of this clean filing:',
    },
  },
  {
    id: 'import',
    heading: 'IMP001–IMP999 读取填报表 (reading a filing)',
    intro: {
      zh: '读取填报表（从 Excel/WPS 复制的 `.tsv`、`.json`、`.xlsx`）时报告，位置是表格中的行和列（JSON：字段路径）。错误级的读取问题使填报表无法评分（退出码 2）；警告和提示会随报告一起列出。例子中的 ` │ ` 表示一个 Tab。',
      en: 'Reported while reading a filing (a `.tsv` pasted from Excel/WPS, `.json`, `.xlsx`), located by line and column of the table (JSON: the field path). An error-level import diagnostic means the filing cannot be scored (exit code 2); warnings and infos are listed with the report. In the examples ` │ ` stands for a tab.',
    },
  },
  {
    id: 'cli',
    heading: 'JX4000–JX4999 命令行 (command line)',
    intro: {
      zh: '命令无法完成时在标准错误输出中给出的错误，退出码 2。批量评分时，读不了的填报表在输出中占一行 `{"file", "error": {"code", "message"}}`，其余照常评分。读取填报表失败时沿用读取问题的代码（IMPnnn）。',
      en: 'Errors printed on standard error when a command cannot complete, exit code 2. In batch scoring a filing that fails gets its own line `{"file", "error": {"code", "message"}}` and the batch goes on. A filing that cannot be read keeps the import code (IMPnnn).',
    },
  },
  {
    id: 'server',
    heading: 'JX5000–JX5999 工作台 (workspace server)',
    intro: {
      zh: '`jixiao serve` 的 HTTP API 的错误答复，形如 `{"error": {"code", "status", "message": {"zh", "en"}}}`，附 HTTP 状态码；上传时某个文件的问题在该文件的结果中（`files[i].error`），其余文件照常保存。读取填报表失败时沿用读取问题的代码（IMPnnn）。下面的例子都对一个从 rules/ 导入的工作台发出请求。',
      en: 'Error answers of the HTTP API of `jixiao serve`, shaped `{"error": {"code", "status", "message": {"zh", "en"}}}` with the HTTP status; in an upload, a file\'s problem is in that file\'s result (`files[i].error`) and the other files are stored. A filing that cannot be read keeps the import code (IMPnnn). Each example below sends a request to a workspace seeded from rules/.',
    },
  },
];

// ---------------------------------------------------------------------------------
// Triggers: how each example is produced

/** The base template every compiler example changes in one place. */
export const BASE_TEMPLATE = BASE;

const PARENT_2023 = BASE_TEMPLATE;


/** A TSV header and rows, tab-separated. */
const HEAD = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';
const tsv = (...lines: string[]) => lines.join('\n') + '\n';

type Trigger =
  /** parse this text (language codes); `shown` replaces it in the document when it is too long to print */
  | { kind: 'source'; text: string; shown?: Msg }
  /** change `from` into `to` in BASE_TEMPLATE and check it */
  | { kind: 'template'; from: string; to: string }
  /** check this template with 2023 = BASE_TEMPLATE (or `parents`) in the rules folder */
  | { kind: 'extends'; text: string; parents?: Record<number, string> }
  /** change the clean filing and score it with rules/甘肃/2023/部门整体支出.jx (`source`: how that template was found) */
  | { kind: 'filing'; edit: (f: Filing) => void; source?: TemplateSourceInfo }
  /** import this filing */
  | { kind: 'import'; text?: string; bytes?: () => Promise<Uint8Array>; filename: string; mapping?: ColumnMapping; shown?: Msg }
  /** a CLI function that throws a UserError; `command` is what the user typed */
  | { kind: 'cli'; command: string; run: (dir: string) => unknown }
  /** a request to the workspace API (`request` is what is sent); `run` returns the error it answered */
  | { kind: 'server'; request: string; run: (ws: DocWorkspace) => Promise<{ status: number; error: { code: string; message: Msg } }> }
  /** a code no input triggers on purpose: what the message looks like, in words */
  | { kind: 'note'; note: Msg };

export interface Example {
  trigger: Trigger;
  fix: Msg;
}

/** What a trigger produced, ready to print. */
interface Produced {
  input: string;
  /** the first line(s) the user reads, per language */
  output: Msg;
}

// ---------------------------------------------------------------------------------
// The hand-written table: one entry per code

export const EXAMPLES: Record<string, Example> = {
  // -- language
  JX0001: {
    trigger: { kind: 'source', text: '模板 部门整体支出 2023 {\n  总分 100 分\n  一级指标 党建工作@ 分值 10 分 { 单位填报 }\n}\n' },
    fix: { zh: '名称中含有标点、括号或空格时加引号，如 `"党建工作(项)"`；删去从其他文档带入的特殊符号。', en: 'Quote names that contain punctuation, brackets or spaces, e.g. `"党建工作(项)"`; delete stray symbols pasted from other documents.' },
  },
  JX0002: {
    trigger: { kind: 'source', text: '模板 部门整体支出 2023 {\n  总分 100 分\n  一级指标 部门管理 分值 20 分 { 单位填报 }\n' },
    fix: { zh: '按提示补上缺少的部分（常见：漏写 `}`、`分值`、区间的 `..`）；写法见 docs/dsl.md。', en: 'Add what the message says is missing (often a `}`, `分值`, or the `..` of a range); see docs/dsl.md for the syntax.' },
  },
  JX0003: {
    trigger: { kind: 'source', text: '#'.repeat(2_000_001), shown: { zh: '一个 2,000,001 个字符的文件', en: 'a file of 2,000,001 characters' } },
    fix: { zh: '一个文件只写一张表一个年度的模板；删去粘贴进来的无关内容。', en: 'Keep one form and one year per file; remove unrelated pasted text.' },
  },
  JX0004: {
    trigger: { kind: 'source', text: '# 2023 年部门整体支出绩效评价规则\n' },
    fix: { zh: '在文件开头写模板头 `模板 <表单> <年度> {`，最后以 `}` 结束。', en: 'Start the file with the header `模板 <form> <year> {` and close it with `}`.' },
  },
  JX0005: {
    trigger: {
      kind: 'source',
      text: `模板 部门整体支出 2023 {\n  总分 100 分\n  一级指标 预算执行率 分值 10 分 { 得分 = ${'('.repeat(101)}分值${')'.repeat(101)} }\n}\n`,
      shown: { zh: '`得分 = ((((…分值…))))`，括号嵌套 101 层', en: '`得分 = ((((…分值…))))`, brackets nested 101 deep' },
    },
    fix: { zh: '去掉多余的括号，或把公式拆成几条规则。', en: 'Remove redundant brackets, or split the formula into several rules.' },
  },

  // -- compiler
  JX2001: {
    trigger: { kind: 'template', from: 'min(实际 / 目标, 1)', to: 'min(实绩 / 目标, 1)' },
    fix: { zh: '改用公式中可用的变量（权重、实际、目标、完成比例、预算数、执行数 等，见 docs/dsl.md）；指标名称不能当变量用。', en: 'Use one of the variables formulas know (权重, 实际, 目标, 完成比例, 预算数, 执行数, …; see docs/dsl.md); indicator names are not variables.' },
  },
  JX2002: {
    trigger: { kind: 'template', from: '一级指标 履职效果', to: '一级指标 部门管理' },
    fix: { zh: '同一层级的指标名称必须不同：改名，或把两处合并为一个指标。', en: 'Indicators at one level need different names: rename one, or merge the two.' },
  },
  JX2003: {
    trigger: { kind: 'template', from: '规则 定性 适用 定性', to: '规则 正向 适用 定性' },
    fix: { zh: '给其中一条规则换个名称；如果是要修改继承来的规则，只写一次。', en: 'Give one of the rules another name; to change an inherited rule, declare it once.' },
  },
  JX2004: {
    trigger: { kind: 'template', from: '中 >= 60 分', to: '良 >= 60 分' },
    fix: { zh: '每个等级只写一次，名称不能重复。', en: 'Name each grade once.' },
  },
  JX2005: {
    trigger: { kind: 'template', from: '部分达成 60%..80%', to: '部分达成 60%..80% 别名 达成预期指标' },
    fix: { zh: '一个名称或别名只能属于一个档次：删去重复的别名。', en: 'A name or alias may belong to one tier only: delete the duplicate alias.' },
  },
  JX2006: {
    trigger: { kind: 'template', from: '  保留小数', to: '  总分 100 分\n  保留小数' },
    fix: { zh: '删去重复的声明，只保留一处。', en: 'Delete the repeated declaration and keep one.' },
  },
  JX2007: {
    trigger: { kind: 'template', from: '  总分 100 分\n', to: '' },
    fix: { zh: '在模板中写上 `总分 100 分`。', en: 'Declare the total, e.g. `总分 100 分`.' },
  },
  JX2008: {
    trigger: { kind: 'template', from: '{ 单位填报 }\n  一级指标 履职效果', to: '{ 单位填报 采用 反向 }\n  一级指标 履职效果' },
    fix: { zh: '检查规则名称的写法，或先用 `规则 <名称> { 得分 = … }` 定义这条规则。', en: 'Check the spelling of the rule, or define it first with `规则 <name> { 得分 = … }`.' },
  },
  JX2009: {
    trigger: { kind: 'template', from: '规则 定性 适用 定性', to: '规则 定性 适用 定性, >=' },
    fix: { zh: '每种目标形状只由一条规则适用：从其中一条规则的 `适用` 中删去这个形状，需要另一种算法的指标用 `采用` 指定规则。', en: 'Let one rule claim each target shape: drop the shape from one rule\'s `适用`, and name the other rule with `采用` on the indicators that need it.' },
  },
  JX2010: {
    trigger: { kind: 'template', from: '总分 100 分', to: '总分 100 项' },
    fix: { zh: '分值和总分用 `分`，定性分档用 `%`；按提示改单位。', en: 'Weights and the total are in `分`, tiers in `%`: change the unit as the message says.' },
  },
  JX2011: {
    trigger: { kind: 'template', from: 'min(实际 / 目标, 1)', to: 'min(实际 / 目标 + 5 分, 1)' },
    fix: { zh: '只把同一单位的量相加减：比值乘以 `权重` 才是分。', en: 'Add and subtract only quantities of one unit: a ratio times `权重` gives points.' },
  },
  JX2012: {
    trigger: {
      kind: 'template',
      from: '一级指标 部门管理 分值 20 分 { 单位填报 }',
      to: '一级指标 部门管理 分值 20 分 { 二级指标 预算管理 分值 15 分 { 单位填报 } 二级指标 资产管理 分值 10 分 { 单位填报 } }',
    },
    fix: { zh: '调整下级指标的分值，使它们的和等于上级指标的分值。', en: 'Change the child weights so that they add up to the parent\'s weight.' },
  },
  JX2013: {
    trigger: { kind: 'template', from: '履职效果 分值 70 分', to: '履职效果 分值 80 分' },
    fix: { zh: '调整一级指标的分值或总分，使分值之和等于总分。', en: 'Change the level-1 caps or the total so that the caps add up to the total.' },
  },
  JX2014: {
    trigger: { kind: 'template', from: '良 >= 80 分', to: '良 >= 95 分' },
    fix: { zh: '等级按分数从高到低排列，下限依次降低，每个等级都要能达到。', en: 'List grades from high to low with falling lower bounds, so that each grade can be reached.' },
  },
  JX2015: {
    trigger: { kind: 'template', from: '优 >= 90 分; 良 >= 80 分; 中 >= 60 分; 差', to: '优 >= 90 分; 良 70..90 分; 差 < 60 分' },
    fix: { zh: '补上缺少的分数段，或让最后一个等级不带条件（如 `差`），接住其余分数。', en: 'Cover the missing band, or leave the last grade without a bound (e.g. `差`) to catch the rest.' },
  },
  JX2016: {
    trigger: { kind: 'template', from: '部分达成 60%..80%', to: '部分达成 60%..85%' },
    fix: { zh: '让相邻档次首尾相接、不重叠，如 `60%..80%` 与 `80%..100%`。', en: 'Make adjacent tiers meet without overlapping, e.g. `60%..80%` and `80%..100%`.' },
  },
  JX2017: {
    trigger: { kind: 'template', from: '未达成 0%..60%', to: '未达成 10%..60%' },
    fix: { zh: '补上缺少的区间，使各档次合起来覆盖 0%–100%。', en: 'Add the missing range so that the tiers together cover 0%–100%.' },
  },
  JX2018: {
    trigger: { kind: 'template', from: '  定性分档 { 达成 80%..100% 别名 达成预期指标; 部分达成 60%..80%; 未达成 0%..60% }\n', to: '' },
    fix: { zh: '写上 `定性分档 { … }`，给出每个档次的完成比例区间。', en: 'Declare `定性分档 { … }` with the completion range of each tier.' },
  },
  JX2019: {
    trigger: { kind: 'template', from: ' 总分不低于 0 分', to: '' },
    fix: { zh: '在扣分项上写 `总分不低于 0 分`（或其他下限）。', en: 'Add `总分不低于 0 分` (or another floor) to the deduction.' },
  },
  JX2020: {
    trigger: { kind: 'template', from: '保留小数 2 位', to: '保留小数 7 位' },
    fix: { zh: '保留小数位数写 0 到 6 之间的整数，通常为 2。', en: 'Use a whole number of places from 0 to 6, usually 2.' },
  },
  JX2021: {
    trigger: { kind: 'template', from: 'min(实际 / 目标, 1)', to: '(实际 / 目标)' },
    fix: { zh: '按帮助提示给公式封顶，如 `权重 * min(实际 / 目标, 1)`；检查器不会替作者悄悄截断得分。', en: 'Clamp the formula as the help line says, e.g. `权重 * min(实际 / 目标, 1)`; the checker never clamps silently.' },
  },
  JX2022: {
    trigger: { kind: 'template', from: '{ 单位填报 }\n  一级指标 履职效果', to: '{ 单位填报; 得分 = 分值 }\n  一级指标 履职效果' },
    fix: { zh: '一个指标只用一种计分方式：得分公式、`单位填报`、`采用` 规则或下级指标，删去其余的。', en: 'Give an indicator one way to score: a formula, `单位填报`, `采用` a rule, or child indicators; delete the others.' },
  },
  JX2023: {
    trigger: { kind: 'template', from: '一级指标 部门管理 分值 20 分 { 单位填报 }', to: '一级指标 部门管理 分值 20 分 { 三级指标 预算 分值 20 分 { 单位填报 } }' },
    fix: { zh: '按层级写：一级指标下写二级指标，二级指标下写三级指标。', en: 'Nest by level: `二级指标` inside `一级指标`, `三级指标` inside `二级指标`.' },
  },
  JX2024: {
    trigger: { kind: 'template', from: '  扣分 审计问题', to: '  扣分 审计问题 合计最多 5 分 总分不低于 0 分\n  扣分 审计问题' },
    fix: { zh: '给其中一个扣分项换个名称，或合并为一项。', en: 'Rename one of the deductions, or merge them.' },
  },
  JX2025: {
    trigger: { kind: 'template', from: 'min(实际 / 目标, 1)', to: 'min(实际 >= 目标, 1)' },
    fix: { zh: '条件只能放在 `如果 … 则 … 否则 …` 中；要得到数值，写成 `如果 实际 >= 目标 则 1 否则 0`。', en: 'Conditions belong in `如果 … 则 … 否则 …`; for a number write `如果 实际 >= 目标 则 1 否则 0`.' },
  },
  JX2026: {
    trigger: { kind: 'template', from: '得分 = 权重 * min(实际 / 目标, 1)', to: '得分 = min(实际 / 目标, 1)' },
    fix: { zh: '得分公式要乘以 `权重`（或 `分值`），结果才是分。', en: 'Multiply by `权重` (or `分值`) so that the formula yields points.' },
  },
  JX2027: {
    trigger: { kind: 'template', from: '部分达成 60%..80%', to: '部分达成 80%..60%' },
    fix: { zh: '按提示改正数值：区间下限不大于上限，数值为有限的普通数。', en: 'Correct the value: a range\'s low end not above its high end, numbers finite and of ordinary size.' },
  },
  JX2028: {
    trigger: { kind: 'template', from: '总分不低于 0 分', to: '总分不低于 120 分' },
    fix: { zh: '总分下限写在 0 与总分之间，通常为 `总分不低于 0 分`。', en: 'Put the floor between 0 and the total, usually `总分不低于 0 分`.' },
  },
  JX2029: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2024 继承 2024 { }' },
    fix: { zh: '让每个模板继承更早年度的模板，不要互相继承。', en: 'Let each template extend an earlier year, never one another.' },
  },
  JX2030: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2024 继承 2019 { }' },
    fix: { zh: '检查 `继承` 后的年度；该年度及以前的同一表单模板要在 rules/ 中。', en: 'Check the year after `继承`; a template of the same form for that year or earlier must be in rules/.' },
  },
  JX2031: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2024 继承 2023 {\n  删除 一级指标 能力建设\n}' },
    fix: { zh: '按上一版本中的写法填写名称（`jixiao check` 上一年度的模板可以看到全部名称），或删去这一行。', en: 'Spell the name as in the parent template (check the parent to list its names), or delete the line.' },
  },
  JX2032: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2024 {\n  总分 100 分\n  删除 一级指标 部门管理\n}' },
    fix: { zh: '在模板头写上 `继承 <年度>`，或直接删去这些指标，不用 `删除`/`重命名`。', en: 'Add `继承 <year>` to the header, or simply leave the items out instead of using `删除`/`重命名`.' },
  },
  JX2033: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2022 继承 2023 { }' },
    fix: { zh: '只继承更早年度的模板：检查两个年度是否写反。', en: 'Extend an earlier year only: check whether the two years are swapped.' },
  },
  JX2034: {
    trigger: { kind: 'template', from: '部门管理 分值 20 分 { 单位填报 }\n  一级指标 履职效果 分值 70 分', to: '部门管理 分值 19.995 分 { 单位填报 }\n  一级指标 履职效果 分值 70.005 分' },
    fix: {
      zh: '得分按 保留小数 舍入；分值的小数位多于它时，舍入后的得分会超过分值（保留小数 0 位、分值 2.5：2.5 舍入为 3）。把 保留小数 改为分值的小数位数，或把分值改为该精度的数。填报表中各行的分值可以更细（如 3.335），那时该行满分就是它的分值，不会舍入超过。',
      en: 'Scores are rounded to `保留小数` places; a cap with more decimals could be passed by a rounded score (0 places, cap 2.5: 2.5 rounds to 3). Round to as many places as the caps have, or write the caps at that precision. Row weights in a filing may be finer (3.335): such a row then scores at most its weight, never a rounded value above it.',
    },
  },
  JX2035: {
    trigger: { kind: 'template', from: '规则 正向 适用 >=, > {', to: '规则 正向 适用 >=, > 允许负数 权重 {' },
    fix: {
      zh: '`允许负数` 只能写 `实际`、`目标`（各行的实际值和目标值可以为负，如 变动率 ≤ −30%）；权重 和 完成比例 不会为负。',
      en: '`允许负数` (allow negative) may name only `实际` and `目标` (a row\'s actual and target may be negative, e.g. a change rate ≤ −30%); weights and tier fractions are never negative.',
    },
  },

  // -- findings
  JX3001: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.weight = 14; f.rows[0]!.statedScore = 14; } },
    fix: { zh: '调整该一级指标下各行的分值，使其和等于模板规定的分值。在改正前，该一级指标按比例折算计分，不会超过分值。', en: 'Change the row weights of the section to add up to its cap. Until then the section is scored in proportion and never above its cap.' },
  },
  JX3002: {
    trigger: { kind: 'filing', edit: (f) => { f.rows.push(row('能力建设', '档案管理', '档案管理规范性', '规范', '规范', 4, 4)); f.statedWeightTotal = 100; } },
    fix: { zh: '调整各行分值，使全表分值之和等于总分（通常 100）。', en: 'Change the row weights so that all of them add up to the total (usually 100).' },
  },
  JX3003: {
    trigger: { kind: 'filing', edit: (f) => { f.sections = [{ name: '履职效果(70分)', statedCap: 70 }]; } },
    fix: { zh: '把表中一级指标的分值改为本年度模板规定的分值；如果用错了表格，换用本年度的表格。', en: 'Write the cap this year\'s template gives; if the form is last year\'s, use this year\'s.' },
  },
  JX3004: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[2] = row('履职效果', '部门履职目标', '建设规划', '≥1项', '3项', 20, 15); } },
    fix: { zh: '把填报得分改为按规则计算的得分；如果认为规则算错了，用 `jixiao explain` 查看计算过程。', en: 'Write the score the rules give; to see how it is computed, run `jixiao explain`.' },
  },
  JX3005: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.statedScore = 12; } },
    fix: { zh: '得分不能超过该行分值：改正得分或分值。', en: 'A score cannot exceed the row\'s weight: correct the score or the weight.' },
  },
  JX3006: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[1]!.statedScore = 5; } },
    fix: { zh: '按实际完成情况所在档次给分（见模板的定性分档），或改正实际完成情况。', en: 'Score within the tier of the stated outcome (see the template\'s tiers), or correct the outcome.' },
  },
  JX3007: {
    trigger: { kind: 'filing', edit: (f) => { f.statedTotal = 90; } },
    fix: { zh: '重新加总各项得分，改正总分行。', en: 'Add up the stated scores again and correct the total row.' },
  },
  JX3028: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[3] = row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 10); f.statedTotal = 90; } },
    fix: { zh: '在 “偏差原因分析及改进措施” 栏写明未完成的原因和改进措施。', en: 'State the cause and the remedy in the deviation-reason column.' },
  },
  JX3029: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.weight = -5; f.rows[1]!.weight = 25; } },
    fix: {
      zh: '填写 0 到 10000 之间的分值（实际上是该指标在一级指标中的分值，如 `10`）；无效的分值不计入分值合计，该行按 0 分计（固定指标按模板分值计）。',
      en: 'Write a weight between 0 and 1,000,000 (in practice the indicator\'s share of its section, e.g. `10`); an invalid weight is left out of the weight sums and the row scores 0 (a fixed indicator uses the template\'s weight).',
    },
  },
  JX3027: {
    trigger: { kind: 'filing', edit: (f) => { f.reportTotal = 100; f.statedTotal = 97; } },
    fix: { zh: '核对报告正文与自评表，使两处总分一致（以按规则计算的总分为准）。', en: 'Make the report text and the table state the same total (the computed one).' },
  },
  JX3041: {
    trigger: { kind: 'filing', edit: (f) => { f.region = '甘肃/庆阳/正宁县'; }, source: { fallbackFrom: '甘肃/庆阳/正宁县' } },
    fix: {
      zh: '这是提示，不是错误：该地区没有自己的模板时，按上级地区的模板评分（县 → 市 → 省 → 全国）。若该地区另有评分办法，把它的模板放在 `rules/<地区>/<年度>/<表单>.jx`。',
      en: 'An info, not an error: a jurisdiction without a template of its own is scored under its parent\'s (county → city → province → 全国). Where it has its own scoring rules, put its template at `rules/<jurisdiction>/<year>/<form>.jx`.',
    },
  },
  JX3040: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.actual = '-5%'; } },
    fix: {
      zh: '核实该数值。负数确有意义时（如 结转结余变动率 ≤ −30%），模板中的规则要写 `允许负数 实际`（或 `目标`），界限证明按负数检查该规则；否则填写正确的非负数值。',
      en: 'Check the value. Where a negative value is meant (a change rate ≤ −30%), the rule in the template must say `允许负数 实际` (or `目标`), and the bounds proof checks it with negative inputs; otherwise fill in the right non-negative value.',
    },
  },
  JX3008: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[3] = row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 20); } },
    fix: { zh: '按报告中各行的计算得分改正填报得分和总分。', en: 'Correct the stated scores and the total to the computed ones in the report.' },
  },
  JX3009: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[6]!.actual = '500%'; } },
    fix: { zh: '核对原始数据：比率（满意度、合格率、执行率等）不会超过 100%。常见原因是把分值或人数填进了比率列。', en: 'Check the source data: rates (satisfaction, pass rates, execution) cannot exceed 100%. Often a weight or a head count was typed into the rate column.' },
  },
  JX3010: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[2]!.actual = '≥266米'; f.rows[2]!.target = '≥100米'; } },
    fix: { zh: '实际完成值填实际数，如 `266米`，不带 `≥`、`≤`。', en: 'Write the actual figure, e.g. `266米`, without `≥` or `≤`.' },
  },
  JX3011: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[2]!.target = '≥**'; } },
    fix: { zh: '把 `**`、`XX` 等占位符换成实际的数值。', en: 'Replace placeholders such as `**` or `XX` with the real value.' },
  },
  JX3012: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.indicatorValue = '≤10%'; f.rows[0]!.target = '≤100%'; f.rows[0]!.actual = '100%'; } },
    fix: { zh: '核对两列，改为同一个目标值。', en: 'Check both columns and make them state the same target.' },
  },
  JX3013: {
    trigger: { kind: 'filing', edit: (f) => { f.budget = { initialBudget: 100, budget: 100, spent: 120, weight: 10, statedScore: 10 }; } },
    fix: { zh: '核对全年预算数和全年执行数；确有超支的，在说明中写明原因。', en: 'Check the budget and the spending; if the overspend is real, explain it in the notes.' },
  },
  JX3014: {
    trigger: { kind: 'filing', edit: (f) => { f.budget = { initialBudget: 0, budget: 0, spent: 0, weight: 10, statedScore: 10, funds: [{ name: '当年财政拨款', initialBudget: 50, budget: 50, spent: 50 }] }; } },
    fix: { zh: '在资金总额行填上各项资金的合计。', en: 'Fill the fund total row with the sum of the fund rows.' },
  },
  JX3015: {
    trigger: { kind: 'filing', edit: (f) => { f.budget = { initialBudget: 0, budget: 0, spent: 10, weight: 10, statedScore: 10 }; } },
    fix: { zh: '补上为 0 或空着的数（如全年预算数、目标值）；该项在改正前得 0 分。', en: 'Fill in the figure that is 0 or empty (the budget, the target); until then the row scores 0.' },
  },
  JX3016: {
    trigger: { kind: 'filing', edit: (f) => { f.rows.push(row('产出指标', '数量指标', '培训人次', '≥100人', '120人', 5, 5)); } },
    fix: { zh: '把该行移到模板中的一级指标下（提示中列出了全部一级指标），或检查是否用错了表单（项目支出 / 部门整体支出）。', en: 'Move the row under one of the template\'s sections (the message lists them), or check the form (项目支出 / 部门整体支出).' },
  },
  JX3017: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[1]!.actual = '还行吧'; } },
    fix: { zh: '目标值写成 `≥ 数值`、`≤ 数值`、`= 数值` 等可计算的形式；定性指标的实际完成情况用定性分档中的词（如 达成、部分达成、未达成）。', en: 'Write the target as `≥ n`, `≤ n`, `= n` or another shape a rule applies to; for a qualitative indicator use a tier word (达成, 部分达成, 未达成, …).' },
  },
  JX3018: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.weight = null; } },
    fix: { zh: '在分值列填上该行的分值。', en: 'Fill in the row\'s weight.' },
  },
  JX3019: {
    trigger: { kind: 'filing', edit: (f) => { f.rows = f.rows.filter((r) => r.level1 !== '能力建设'); } },
    fix: { zh: '补上该一级指标下的指标行；如果是名称写法不同，改为模板中的名称。', en: 'Add the section\'s rows; if its name is spelled differently, use the template\'s name.' },
  },
  JX3020: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[2]!.actual = ''; } },
    fix: { zh: '填上数值和单位，如 `7项`、`95%`。', en: 'Write a number with its unit, e.g. `7项`, `95%`.' },
  },
  JX3021: {
    trigger: { kind: 'filing', edit: (f) => { f.deductions = [{ reason: '审计发现问题', points: 8 }]; } },
    fix: { zh: '按模板规定的上限扣分（评分时已按上限扣除）。', en: 'Deduct no more than the template allows (scoring already applies the maximum).' },
  },
  JX3022: {
    trigger: { kind: 'filing', edit: (f) => { delete f.budget; } },
    fix: { zh: '在表中填上预算执行部分（年初预算数、全年预算数、全年执行数）。', en: 'Fill in the budget block (年初预算数, 全年预算数, 全年执行数).' },
  },
  JX3025: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[2]!.actual = '7篇'; } },
    fix: { zh: '目标值和实际完成值用同一单位，或可以换算的单位（元、千元、万元、亿元；米、公里；人 与 万人 等）。人 与 人次、个 与 项 是不同的量，不能互相换算。', en: 'Use one unit for the target and the actual, or units that convert (元, 千元, 万元, 亿元; 米, 公里; 人 and 万人 …). 人 and 人次, or 个 and 项, count different things and do not convert.' },
  },
  JX3026: {
    trigger: { kind: 'filing', edit: (f) => { f.rows.push({ ...f.rows[0]! }); } },
    fix: { zh: '删去重复的行；两行确实不同的，给它们不同的名称。', en: 'Delete the repeated row; if the two rows differ, give them different names.' },
  },

  // -- import
  IMP001: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('名称\t目标\t完成', '培训\t≥50人\t62人') },
    fix: { zh: '复制时带上表头行（一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）。', en: 'Copy the header row with the table (一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分).' },
  },
  IMP002: {
    trigger: { kind: 'import', filename: '填报.tsv', text: '\n\t\n' },
    fix: { zh: '从 Excel/WPS 中选中整张表复制，再粘贴或保存。', en: 'Select the whole table in Excel/WPS, copy it, then paste or save it.' },
  },
  IMP003: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('一级指标\t二级指标\t三级指标\t年度指标值\t分值\t得分', '产出指标\t数量指标\t培训次数\t≥4次\t10\t10') },
    fix: { zh: '复制时带上提示中缺少的列；缺少指标名称列或两个数值列时无法读取（错误），缺少其他列时该项按空值读取（警告）。', en: 'Copy the table with the columns the message names. Without the name column or both value columns the filing cannot be read (error); another missing column is read as empty (warning).' },
  },
  IMP004: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('指标项\t细指标\t被指标\t年度指标值\t实际完成值\t分值\t得分', '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '这类写法多来自扫描识别（OCR）。核对该列读得是否正确，最好把表头改为标准写法。', en: 'Such labels usually come from OCR. Check that the column was read correctly, and preferably use the standard label.' },
  },
  IMP005: {
    trigger: { kind: 'import', filename: '填报.xlsx', bytes: async () => new TextEncoder().encode('一级指标\t二级指标'), shown: { zh: '一个扩展名为 `.xlsx` 的文本文件', en: 'a text file named `.xlsx`' } },
    fix: { zh: '用 `.tsv`（从 Excel/WPS 复制粘贴保存）、`.json` 或真正的 `.xlsx` 文件；`.xls` 请先另存为 `.xlsx`。', en: 'Use a `.tsv` (pasted from Excel/WPS), a `.json` or a real `.xlsx`; save `.xls` files as `.xlsx` first.' },
  },
  IMP006: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('名称\t目标\t完成', '培训\t≥50人\t62人'), mapping: { columns: { level3: 0, target: 0 } }, shown: { zh: '列对应 `{ level3: 0, target: 0 }`', en: 'column mapping `{ level3: 0, target: 0 }`' } },
    fix: { zh: '每一列只对应一个字段，列号从 0 开始且不超过表格的列数。', en: 'Map each column to one field; column numbers start at 0 and stay within the table.' },
  },
  IMP007: {
    trigger: { kind: 'import', filename: '填报.tsv', bytes: async () => new Uint8Array(MAX_FILING_BYTES + 1024 * 1024), shown: { zh: '一个 50 MB 以上的文件', en: 'a file above 50 MB' } },
    fix: { zh: '一个文件只放一份填报表；批量评分时给一个文件夹或 NDJSON 文件。', en: 'Put one filing per file; to score many, pass a folder or an NDJSON file.' },
  },
  IMP008: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分', '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10', '\t\t印发文件\t≥3项\t3项\t10') },
    fix: { zh: '表中补上“分值”列；或使用为各指标规定了分值的模板（模板规定的分值优先）。其余缺少分值的指标评分时逐项报告 JX3018。', en: 'Add the weight column to the table, or use a template that sets each indicator\'s weight (the template\'s weight is used). Each indicator still without a weight is reported as JX3018 when scoring.' },
  },
  IMP009: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('指标名称\t计量单位\t指标性质\t指标值\t指标权重(分)\t全年完成值\t指标得分(分)', '培训人次\t人次\t≥\t500\t30\t520\t30') },
    fix: { zh: '无需处理；模板中没有同名指标的行在评分时另有 IMP029。也可以在表中补上一级、二级指标列。', en: 'Nothing to do; a row whose name the template lacks is reported as IMP029 when scoring. You may also add the level-1 and level-2 columns.' },
  },
  IMP010: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '复制时带上标题行（如“部门整体支出绩效自评表（2023年度）”），或评分时用 `--year` 和 `--form` 指定。', en: 'Copy the title row too (e.g. “部门整体支出绩效自评表（2023年度）”), or pass `--year` and `--form`.' },
  },
  IMP011: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('部门整体支出绩效自评表（2023年度）', HEAD, '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10') },
    fix: { zh: '无需处理；读错时用 `--year`、`--form` 指定。', en: 'Nothing to do; if it was read wrongly, pass `--year` and `--form`.' },
  },
  IMP012: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t"培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '检查该单元格：删去多余的引号，或补上结尾的引号。', en: 'Check the cell: remove the stray quote or add the closing one.' },
  },
  IMP013: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('经评价，自评得分100分，自评等级为：优。', '部门整体支出绩效自评表（2023年度）', HEAD, '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10') },
    fix: { zh: '无需处理；该分数会与表中总分核对（JX3027）。', en: 'Nothing to do; it is checked against the table’s total (JX3027).' },
  },
  IMP014: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('全年预算调剂金额：5', HEAD, '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10') },
    fix: { zh: '无需处理；核对读入的名称和数值。模板按名称使用它需要的数据。', en: 'Nothing to do; check the name and the value read. The template uses the inputs it needs by name.' },
  },
  IMP020: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10', '\t培训覆盖率\t≥90%\t95%\t10\t10') },
    fix: { zh: '核对修复后的这一行；在原表中补上空单元格，使各列对齐。', en: 'Check the repaired row; in the source, add the empty cell so that the columns line up.' },
  },
  IMP021: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10\t多余') },
    fix: { zh: '删去表头以外的单元格，或给该列加上表头。', en: 'Delete the cells beyond the header, or give that column a header.' },
  },
  IMP022: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t\t≥4次\t4次\t10\t10') },
    fix: { zh: '填上三级指标名称。', en: 'Fill in the level-3 indicator name.' },
  },
  IMP023: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '在第一行指标中填上一级、二级指标名称（合并单元格复制后只有第一格有字）。', en: 'Fill in the level-1 and level-2 names on the first row of the group (merged cells copy as one filled cell and empty ones).' },
  },
  IMP024: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标(50分)\t数量指标（30分）\t培训次数\t≥4次\t4次\t30\t30') },
    fix: { zh: '无需处理；表中分值与模板不符时会另有 JX3003。', en: 'Nothing to do; a cap that contradicts the template is reported as JX3003.' },
  },
  IMP025: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t“培训次数”\t≥4次\t4次\t10\t10') },
    fix: { zh: '无需处理；也可在原表中去掉名称两端的引号。', en: 'Nothing to do; you may also remove the quotes in the source.' },
  },
  IMP026: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t指标1:培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '无需处理；“指标1:”是表格预印的编号，不是名称的一部分。', en: 'Nothing to do; “指标1:” is the form\'s printed numbering, not part of the name.' },
  },
  IMP027: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '满意度指标\t服务对象满意度指标\t指标1:群众满意度≥90%\t\t\t10\t10') },
    fix: { zh: '把目标值填在“年度指标值”栏、指标名称栏只写名称，并填写实际完成值。', en: 'Write the target in the target column and only the name in the name column, and fill in the actual value.' },
  },
  IMP028: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10', '\t质量指标\t培训合格率\t/\t/\t/\t/') },
    fix: { zh: '无需处理；不适用的指标如何计分（是否按适用指标折算）由模板决定。指标其实适用时，填写目标值和实际完成值。', en: 'Nothing to do; how an indicator that does not apply is scored (whether the others are rescaled) is the template\'s choice. If it does apply, fill in its target and actual value.' },
  },
  IMP029: {
    trigger: { kind: 'filing', edit: (f) => { f.rows[0]!.level1 = ''; f.rows[0]!.level2 = ''; } },
    fix: { zh: '在表中补上一级、二级指标；或使用模板中的指标名称（模板写明了该指标时，按名称归入）。', en: 'Add the level-1 and level-2 names to the table, or use the template\'s indicator name (an indicator the template names is placed by its name).' },
  },
  IMP030: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t十分\t10') },
    fix: { zh: '分值填阿拉伯数字，如 `10`。', en: 'Write the weight in digits, e.g. `10`.' },
  },
  IMP031: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t满分') },
    fix: { zh: '得分填阿拉伯数字，如 `10`。', en: 'Write the score in digits, e.g. `10`.' },
  },
  IMP040: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分', '\t年度资金总额\t120.00\t一百五十\t135.00\t10\t90%\t9', HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '预算表中只填数字（万元），如 `150.00`。', en: 'Write plain numbers (万元) in the budget block, e.g. `150.00`.' },
  },
  IMP041: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '复制时带上预算执行部分；模板要求预算执行率时，缺少它会得到 JX3022。', en: 'Copy the budget block too; when the template scores budget execution, its absence gives JX3022.' },
  },
  IMP042: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分', '\t年度资金总额\t120.00\t150.00\t135.00\t10\t90%\t9', '\t备注\t1\t2\t3\t—\t—\t—', HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '资金来源写作“当年财政拨款”“上年结转资金”“其他资金”；非资金行移出预算表。', en: 'Name fund rows `当年财政拨款`, `上年结转资金` or `其他资金`; move other rows out of the budget block.' },
  },
  IMP043: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分', '\t年度资金总额\t0\t0\t0\t10\t95%\t9.5', '\t其中：本年财政拨款\t300\t300\t285\t—\t95%\t—', HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '在“年度资金总额”行填上资金合计（年初预算数、全年预算数、全年执行数）。', en: 'Fill in the totals (initial budget, budget, spent) on the fund total row.' },
  },
  IMP050: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: { zh: '复制时带上“总分”行，才能核对填报总分（JX3007、JX3008）。', en: 'Copy the total (总分) row too, so that the stated total can be checked (JX3007, JX3008).' },
  },
  IMP051: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10', '扣分\t审计发现问题\t\t\t\t\t-3') },
    fix: { zh: '无需处理；核对读入的扣分和原因。', en: 'Nothing to do; check the deduction and reason read.' },
  },
  IMP060: {
    trigger: { kind: 'import', filename: '填报.json', text: '{\n  "rows": [,]\n}' },
    fix: { zh: '按提示的位置改正 JSON（常见：多余或缺少的逗号、引号）。', en: 'Correct the JSON at the position given (often a stray or missing comma or quote).' },
  },
  IMP061: {
    trigger: {
      kind: 'import',
      filename: '填报.json',
      text: JSON.stringify({ rows: [{ level1: '部门管理', level2: '资金投入', level3: '基本支出预算执行率', target: '≥95%', actual: '98%', weight: '二十', statedScore: 10 }] }),
    },
    fix: { zh: '按提示的字段改正类型或补上必填项；`jixiao types` 输出填报表的结构。', en: 'Correct the type of the field named, or add the missing one; `jixiao types` prints the filing structure.' },
  },
  IMP062: {
    trigger: {
      kind: 'import',
      filename: '填报.json',
      text: nestedUnits(33),
      shown: { zh: '一份 JSON 填报表，`units` 中的单位又有 `units`，共嵌套 33 层（最内层单位名为 “u0”）', en: 'a JSON filing whose `units` have `units` of their own, 33 levels deep (the innermost unit is named “u0”)' },
    },
    fix: {
      zh: '所属单位最多嵌套 32 层（JSON 最多 128 层）。把深层的单位提升为上级单位的直接所属单位，或分别评分。',
      en: 'Units nest at most 32 levels (JSON at most 128). Move the deep units up to be direct units of a department above, or score them separately.',
    },
  },
  IMP070: {
    trigger: { kind: 'import', filename: '填报.xlsx', bytes: async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), shown: { zh: '一个损坏的 `.xlsx` 文件', en: 'a damaged `.xlsx` file' } },
    fix: { zh: '在 Excel/WPS 中打开并重新另存为 `.xlsx`，或复制表格另存为 `.tsv`。', en: 'Open it in Excel/WPS and save it again as `.xlsx`, or copy the table into a `.tsv`.' },
  },
  IMP071: {
    trigger: { kind: 'import', filename: '填报.xlsx', bytes: twoSheetWorkbook, shown: { zh: '一个 `.xlsx` 文件，第一个工作表“说明”，第二个工作表“自评表”', en: 'an `.xlsx` file whose first sheet is “说明” and second “自评表”' } },
    fix: { zh: '无需处理；选错时把填报表放在单独的文件中。', en: 'Nothing to do; if the wrong sheet was chosen, put the filing in a file of its own.' },
  },

  // -- CLI
  JX4000: {
    trigger: { kind: 'note', note: { zh: '`内部错误：<原因>`——jixiao 自身的缺陷，不是输入的问题。', en: '`internal error: <cause>` — a defect in jixiao itself, not in the input.' } },
    fix: { zh: '设置环境变量 `JIXIAO_DEBUG=1` 重新运行，把输出和输入文件一起报告给维护者。', en: 'Run again with `JIXIAO_DEBUG=1` and report the output with the input files to the maintainers.' },
  },
  JX4001: {
    trigger: { kind: 'note', note: { zh: '没有更具体代码的命令错误；目前没有命令使用它，保留给以后。', en: 'A command error without a more specific code; no command raises it today, it is kept for later use.' } },
    fix: { zh: '按消息所说处理。', en: 'Do what the message says.' },
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
    fix: { zh: '加上 `--year 2023` 之类的参数，或在填报表标题中写明年度。', en: 'Pass e.g. `--year 2023`, or put the year in the filing\'s title.' },
  },
  JX4004: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.tsv --year 2023 --form 专项资金', run: () => chooseTemplate({ year: '2023', form: '专项资金' }, null) },
    fix: { zh: '用 `--form 项目支出` 或 `--form 部门整体支出`。', en: 'Pass `--form 项目支出` or `--form 部门整体支出`.' },
  },
  JX4008: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.json --year 2023 --form 项目支出   # 表头没有写地区', run: () => chooseTemplate({ year: '2023', form: '项目支出' }, null) },
    fix: {
      zh: '用 `--region` 指定地区（如 `--region 四川`），或在填报表中写明“地区”。没有地区时，jixiao 不会替你在几个地区的模板中挑一个。',
      en: "Pass `--region` (e.g. `--region 四川`) or give the filing's 地区. Without one, jixiao never picks one of several jurisdictions' templates for you.",
    },
  },
  JX4005: {
    trigger: { kind: 'cli', command: 'jixiao score 填报.tsv --year 2019 --form 部门整体支出', run: () => chooseTemplate({ year: '2019', form: '部门整体支出' }, null) },
    fix: { zh: '检查年度和表单；需要的模板要放在 `rules/<地区>/<年度>/<表单>.jx`。', en: 'Check the year and the form; the template must be at `rules/<region>/<year>/<form>.jx`.' },
  },
  JX4006: {
    trigger: {
      kind: 'cli',
      command: 'jixiao impact 空文件夹 --from 2023 --to 2024',
      run: async (dir) => {
        const empty = join(dir, '空文件夹');
        mkdirSync(empty);
        const { impactCommand } = await import('../../packages/cli/src/commands/impact.ts');
        await impactCommand([empty], { from: '2023', to: '2024' });
      },
    },
    fix: { zh: '给出至少一份可读的填报表（`.tsv`、`.json`、`.xlsx`），或含有填报表的文件夹。', en: 'Name at least one readable filing (`.tsv`, `.json`, `.xlsx`) or a folder holding some.' },
  },
  JX4007: {
    trigger: {
      kind: 'cli',
      command: 'jixiao explain rules/甘肃/2023/examples/seed.tsv 培训人次',
      run: async () => {
        const { explainCommand } = await import('../../packages/cli/src/commands/explain.ts');
        await explainCommand(join(repoRoot, 'rules/甘肃/2023/examples/seed.tsv'), '培训人次', {});
      },
    },
    fix: { zh: '按报告中的写法给出指标名称（`jixiao score` 列出全部指标），可以只写名称的一部分。', en: 'Give the indicator as the report spells it (`jixiao score` lists them); part of the name is enough.' },
  },

  // -- workspace server
  JX5000: {
    trigger: { kind: 'note', note: { zh: '`服务器内部错误：<原因>`——jixiao 自身的缺陷，不是请求的问题；服务器在标准错误输出中记下详情。', en: '`internal server error: <cause>` — a defect in jixiao itself, not in the request; the server logs the details on standard error.' } },
    fix: { zh: '把请求和服务器日志一起报告给维护者。', en: 'Report the request with the server log to the maintainers.' },
  },
  JX5001: {
    trigger: { kind: 'server', request: 'GET /api/templates   # 已配置用户，请求中没有令牌', run: async (ws) => ws.guarded('GET', '/api/templates') },
    fix: { zh: '先 `POST /api/login`，在请求头 `Authorization: Bearer <令牌>` 中带上令牌（演练场会自动登录）。', en: 'Sign in with `POST /api/login` and send `Authorization: Bearer <token>` (the playground does it for you).' },
  },
  JX5002: {
    trigger: { kind: 'server', request: 'POST /api/versions/1/publish   # 以 只读 用户的身份', run: async (ws) => ws.guarded('POST', '/api/versions/1/publish', {}, await ws.token('张只读')) },
    fix: { zh: '请有相应角色的同事操作，或请管理员用 `jixiao user add <用户名> --role <角色>` 调整角色：编辑 起草和发布模板，审核 上传、评分和审核。', en: 'Ask a colleague with the role, or have an administrator change the role with `jixiao user add <name> --role <role>`: 编辑 drafts and publishes templates, 审核 uploads, runs and reviews.' },
  },
  JX5003: {
    trigger: { kind: 'server', request: 'POST /api/login  {"name": "王编辑", "password": "错误的密码"}', run: async (ws) => ws.guarded('POST', '/api/login', { name: '王编辑', password: '错误的密码' }) },
    fix: { zh: '检查用户名和密码；忘记密码时请管理员用 `jixiao user add` 重设。', en: 'Check the name and password; an administrator resets a password with `jixiao user add`.' },
  },
  JX5004: {
    trigger: { kind: 'server', request: 'POST /api/score  {"filing": 1}', run: async (ws) => ws.open('POST', '/api/score', { filing: 1 }) },
    fix: { zh: '按 `GET /api/openapi.json` 中的格式改正请求；`error.issues` 列出每个有问题的字段。', en: 'Follow the shapes in `GET /api/openapi.json`; `error.issues` lists each field in question.' },
  },
  JX5005: {
    trigger: { kind: 'server', request: 'GET /api/runs/999', run: async (ws) => ws.open('GET', '/api/runs/999') },
    fix: { zh: '检查编号（`GET /api/runs`、`GET /api/templates` 列出现有的对象）。', en: 'Check the id (`GET /api/runs`, `GET /api/templates` list what exists).' },
  },
  JX5006: {
    trigger: { kind: 'server', request: 'POST /api/templates/1/versions  {"source": …, "baseVersion": 1}   # 他人已在第 1 版上保存了第 2 版', run: async (ws) => ws.conflict() },
    fix: { zh: '查看答复中的 `diff`（规则改动）和 `textDiff`（文本改动），打开最新版本，在它上面重新修改后保存。', en: 'Read `diff` (rule changes) and `textDiff` (text changes) in the answer, open the newest version and redo your change on it.' },
  },
  JX5007: {
    trigger: { kind: 'server', request: 'POST /api/versions/1/publish   # 第 1 版已发布', run: async (ws) => ws.open('POST', '/api/versions/1/publish', {}) },
    fix: { zh: '保存一个新版本（草稿）再发布；已发布的版本永远不变。', en: 'Save a new version (a draft) and publish that; a published version never changes.' },
  },
  JX5008: {
    trigger: { kind: 'server', request: 'POST /api/versions/<草稿>/publish   # 草稿中 “实际” 写成了 “实绩”', run: async (ws) => ws.publishDraft((t) => t.replace('min(实际 / 目标, 1)', 'min(实绩 / 目标, 1)')) },
    fix: { zh: '在演练场中按标记改正模板中的错误（`error.diagnostics` 列出全部），保存后再发布。', en: 'Fix the errors the playground marks (`error.diagnostics` lists them all), save, and publish again.' },
  },
  JX5009: {
    trigger: { kind: 'server', request: 'POST /api/versions/<草稿>/publish   # 草稿把 “优” 的下限改为 99.99，规则测试期望的等级不再成立', run: async (ws) => ws.publishDraft((t) => t.replace('优 >= 90 分', '优 >= 99.99 分')) },
    fix: { zh: '查看 `error.tests` 中未通过的用例：规则改错了就改规则；规则有意改变时，更新 `rules/<地区>/<年度>/tests/` 中的用例（`PUT /api/rule-file`），使覆盖率达到下限。', en: 'Read the failing cases in `error.tests`: fix the rules if they are wrong; if the change is meant, update the cases in `rules/<region>/<year>/tests/` (`PUT /api/rule-file`) up to the coverage threshold.' },
  },
  JX5010: {
    trigger: { kind: 'server', request: 'POST /api/filings   # 请求体超过上限（示例中的上限为 1 MB）', run: async (ws) => ws.upload({ 'big.tsv': 'x'.repeat(1_100_000) }) },
    fix: { zh: '分批上传，或请管理员调高上限。', en: 'Upload in parts, or have an administrator raise the limit.' },
  },
  JX5011: {
    trigger: { kind: 'server', request: 'POST /api/filings   # 一次 4 个文件（示例中的上限为 3）', run: async (ws) => ws.upload({ '1.json': '{}', '2.json': '{}', '3.json': '{}', '4.json': '{}' }) },
    fix: { zh: '分批上传。', en: 'Upload in parts.' },
  },
  JX5012: {
    trigger: { kind: 'server', request: 'POST /api/filings   # 一份 200 KB 的填报表（示例中每份的上限为 100 KB）', run: async (ws) => ws.uploadFile({ '填报.tsv': 'x'.repeat(200_000) }) },
    fix: { zh: '检查文件是否真是一份自评表（常见：整本工作簿、附带的图片）；只上传自评表那一页。', en: 'Check that the file is one self-evaluation table (often: a whole workbook, embedded pictures); upload only the table.' },
  },
  JX5013: {
    trigger: { kind: 'server', request: 'POST /api/filings   # 表中没有年度，上传时也没有给出', run: async (ws) => ws.uploadFile({ '填报.json': JSON.stringify({ ...cleanFiling(), year: undefined }) }, { region: '甘肃' }) },
    fix: { zh: '上传时给出 region、year、form，或在表中写明地区、标题中写明年度和表单。', en: 'Give region, year and form with the upload, or write them into the table (地区, and the year and form in the title).' },
  },
  JX5014: {
    trigger: { kind: 'server', request: 'POST /api/score  {"filing": …, "region": "甘肃", "year": 2019, "form": "部门整体支出"}', run: async (ws) => ws.open('POST', '/api/score', { filing: cleanFiling(), region: '甘肃', year: 2019, form: '部门整体支出' }) },
    fix: { zh: '检查地区、年度和表单；需要的模板先在工作台中新建并发布（`POST /api/templates`）。', en: 'Check the jurisdiction, year and form; create and publish the template in the workspace first (`POST /api/templates`).' },
  },
  JX5015: {
    trigger: { kind: 'server', request: 'POST /api/runs  {"region": "四川", "year": 2023, "form": "项目支出"}   # 还没有上传填报表', run: async (ws) => ws.open('POST', '/api/runs', { region: '四川', year: 2023, form: '项目支出' }) },
    fix: { zh: '先上传该地区该年度的填报表（`POST /api/filings`）。', en: 'Upload the filings of that jurisdiction and year first (`POST /api/filings`).' },
  },
  JX5016: {
    trigger: { kind: 'server', request: 'POST /api/filings   # 一个损坏的 .zip', run: async (ws) => ws.uploadFile({ '填报.zip': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }) },
    fix: { zh: '重新压缩后上传，或直接上传其中的填报表。', en: 'Zip the files again, or upload the filings themselves.' },
  },
  JX5017: {
    trigger: { kind: 'server', request: 'POST /api/templates  {"region": "甘肃", "year": 2023, "form": "部门整体支出"}', run: async (ws) => ws.open('POST', '/api/templates', { region: '甘肃', year: 2023, form: '部门整体支出' }) },
    fix: { zh: '在已有模板上保存新版本（`POST /api/templates/{id}/versions`）；恢复备份时换一个新的数据目录。', en: 'Save a new version of the existing template (`POST /api/templates/{id}/versions`); restore a backup into a new data folder.' },
  },
  JX5018: {
    trigger: { kind: 'server', request: 'jixiao serve --host 0.0.0.0   # 还没有用户', run: async (ws) => ws.unsafeHost() },
    fix: { zh: '先添加用户：`jixiao user add <用户名> --role 编辑`（密码取自 JIXIAO_PASSWORD 或标准输入），再在其他地址上启动；只在本机使用时不加 --host。', en: 'Add users first: `jixiao user add <name> --role 编辑` (password from JIXIAO_PASSWORD or standard input), then bind another address; for this machine only, leave out --host.' },
  },
};

async function twoSheetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['填报说明：请按年度填写']);
  const ws = wb.addWorksheet('自评表');
  ws.addRow(['部门整体支出绩效自评表（2023年度）']);
  ws.addRow(HEAD.split('\t'));
  ws.addRow(['部门管理', '资金投入', '基本支出预算执行率', '≥95%', '98%', 10, 10]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------
// Running the triggers

/** Codes of the catalogues that have no entry in EXAMPLES. */
export function missingExamples(): string[] {
  return catalogue()
    .map((c) => c.code)
    .filter((c) => !EXAMPLES[c]);
}

const t2023 = (() => {
  let p: ReturnType<typeof prepareTemplate> | undefined;
  return () => {
    if (!p) {
      const file = 'rules/甘肃/2023/部门整体支出.jx';
      const r = checkSource({ file, text: readFileSync(join(repoRoot, file), 'utf8'), region: '甘肃' }, () => null);
      if (!r.template) throw new Error(`${file} is invalid`);
      p = prepareTemplate(r.template);
    }
    return p;
  };
})();

const LANG_WORD = {
  zh: { error: '错误', warning: '警告', info: '提示', help: '帮助', line: (l: number, c?: number) => (c ? `第 ${l} 行第 ${c} 列` : `第 ${l} 行`) },
  en: { error: 'error', warning: 'warning', info: 'info', help: 'help', line: (l: number, c?: number) => (c ? `line ${l}, column ${c}` : `line ${l}`) },
};

function both(f: (l: 'zh' | 'en') => string): Msg {
  return { zh: f('zh'), en: f('en') };
}

function sourceDiag(d: Diagnostic, text: string, file: string): Msg {
  return both((l) => {
    const w = LANG_WORD[l];
    const { line, column } = d.range.start;
    const out = [`${d.file ?? file}:${line}:${column}: ${w[d.severity]} ${d.message[l]} [${d.code}]`];
    const src = text.split(/\r\n|\r|\n/)[line - 1];
    if (src !== undefined && src.length < 200) out.push(`${String(line).padStart(4)} | ${src}`);
    if (d.help) out.push(`  ${w.help}: ${d.help[l]}`);
    return out.join('\n');
  });
}

function firstWith<T extends { code: string }>(code: string, items: readonly T[], what: string): T {
  const hit = items.find((d) => d.code === code);
  if (!hit) throw new Error(`the example of ${code} in ${EXAMPLES_FILE} does not produce ${code}; it produced ${JSON.stringify(items.map((d) => d.code))} (${what})`);
  return hit;
}

function codeBlock(text: string, lang = 'text'): string {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function filingChange(before: Filing, after: Filing): string {
  const lines: string[] = [];
  const rowText = (r: IndicatorRow) => {
    const extra = r.indicatorValue !== undefined ? `  指标值 ${r.indicatorValue}` : '';
    return `${r.level1} › ${r.level2} › ${r.level3}  年度指标值 ${r.target}  实际完成值 ${r.actual || '（空）'}  分值 ${r.weight ?? '（空）'}  得分 ${r.statedScore ?? '（空）'}${extra}`;
  };
  const key = (r: IndicatorRow) => `${r.level1}\u0000${r.level2}\u0000${r.level3}`;
  const beforeRows = new Map(before.rows.map((r) => [key(r), JSON.stringify(r)]));
  const seen = new Set<string>();
  for (const r of after.rows) {
    const k = key(r);
    const b = beforeRows.get(k);
    if (b === undefined) lines.push(`+ ${rowText(r)}`);
    else if (seen.has(k)) lines.push(`+ ${rowText(r)}`);
    else if (b !== JSON.stringify(r)) lines.push(`~ ${rowText(r)}`);
    seen.add(k);
  }
  for (const r of before.rows) if (!seen.has(key(r))) lines.push(`- ${rowText(r)}`);
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'rows') continue;
    const a = (before as unknown as Record<string, unknown>)[k];
    const b = (after as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) lines.push(b === undefined ? `- ${k}` : `~ ${k}: ${JSON.stringify(b)}`);
  }
  return lines.join('\n');
}

async function produce(code: string, ex: Example, scratch: string): Promise<Produced> {
  const t = ex.trigger;
  switch (t.kind) {
    case 'source': {
      const r = parse(t.text, 'example.jx');
      const d = firstWith(code, r.diagnostics, 'parse');
      const input = t.shown ? `${t.shown.zh} (${t.shown.en})` : codeBlock(t.text, 'jx');
      return { input, output: sourceDiag(d, t.text, 'example.jx') };
    }
    case 'template': {
      if (!BASE_TEMPLATE.includes(t.from)) throw new Error(`the example of ${code} in ${EXAMPLES_FILE}: the base template has no ${JSON.stringify(t.from)}`);
      const text = BASE_TEMPLATE.replace(t.from, t.to);
      const r = checkSource({ file: 'example.jx', text }, () => null);
      const d = firstWith(code, r.diagnostics, 'check');
      const input = `把 \`${oneLine(t.from)}\` 改为 \`${oneLine(t.to) || '（删去）'}\`（change \`${oneLine(t.from)}\` into \`${oneLine(t.to) || '(nothing)'}\`）：`;
      return { input, output: sourceDiag(d, text, 'example.jx') };
    }
    case 'extends': {
      const parents = t.parents ?? { 2023: PARENT_2023 };
      const loader: LoadParent = (_form, year) => {
        const y = Object.keys(parents).map(Number).filter((x) => x <= year).sort((a, b) => b - a)[0];
        return y === undefined ? null : { file: `rules/${y}/部门整体支出.jx`, text: parents[y]! };
      };
      const r = checkSource({ file: 'example.jx', text: t.text }, loader);
      const d = firstWith(code, r.diagnostics, 'check with 继承');
      const note = t.parents ? '' : '`rules/甘肃/2023/部门整体支出.jx` 为基础模板（the base template）时：\n\n';
      return { input: note + codeBlock(t.text, 'jx'), output: sourceDiag(d, t.text, 'example.jx') };
    }
    case 'filing': {
      const f = cleanFiling();
      t.edit(f);
      const r = scoreFiling(t2023(), f, [], t.source ?? {});
      const x = firstWith(code, r.findings, 'score');
      const output = both((l) => {
        const w = LANG_WORD[l];
        const where = x.path.length ? `${x.path.join(' › ')}: ` : '';
        const help = x.help ? `\n    ${w.help}: ${x.help[l]}` : '';
        return `  ${w[x.severity]} ${x.code} ${where}${x.message[l]}${help}`;
      });
      return { input: codeBlock(filingChange(cleanFiling(), f), 'diff'), output };
    }
    case 'import': {
      let r: ImportResult;
      if (t.mapping) r = importTsvWithMapping(t.text ?? '', t.mapping);
      else r = await importFiling(t.bytes ? await t.bytes() : (t.text ?? ''), { filename: t.filename });
      const d = firstWith(code, r.diagnostics, 'import');
      const shownText = t.text !== undefined ? codeBlock(t.text.replaceAll('\t', ' │ '), t.filename.endsWith('.json') ? 'json' : 'text') : '';
      const input = [t.shown ? `${t.shown.zh} (${t.shown.en})` : '', t.mapping || !t.shown ? `\`${t.filename}\`：\n\n${shownText}` : ''].filter(Boolean).join('，');
      const output = both((l) => {
        const w = LANG_WORD[l];
        const help = d.help ? `\n  ${w.help}: ${d.help[l]}` : '';
        // as the report lists it (importFindings): the message, then the line
        const where = d.line !== undefined ? (l === 'zh' ? `（第 ${d.line} 行）` : ` (line ${d.line})`) : '';
        return `${w[d.severity]} ${d.code} ${d.message[l]}${where}${help}`;
      });
      return { input, output };
    }
    case 'cli': {
      let err: unknown;
      try {
        await t.run(scratch);
      } catch (e) {
        err = e;
      }
      if (!(err instanceof UserError)) throw new Error(`the example of ${code} in ${EXAMPLES_FILE} did not fail with a UserError: ${String(err)}`);
      if (err.code !== code) throw new Error(`the example of ${code} in ${EXAMPLES_FILE} failed with ${err.code} instead`);
      const clean = (s: string) => s.replaceAll(scratch + '/', '').replaceAll(repoRoot, '');
      return { input: codeBlock(t.command, 'sh'), output: { zh: clean(err.zh), en: clean(err.en) } };
    }
    case 'server': {
      const r = await t.run(await docWorkspace());
      if (r.error.code !== code) throw new Error(`the example of ${code} in ${EXAMPLES_FILE} answered ${r.error.code} instead`);
      const status = r.status ? `HTTP ${r.status}: ` : '';
      return { input: codeBlock(t.request, 'http'), output: { zh: status + r.error.message.zh, en: status + r.error.message.en } };
    }
    case 'note':
      return { input: '', output: t.note };
  }
}

const oneLine = (s: string) => s.trim().replace(/\s*\n\s*/g, ' ');

const SEVERITY: Record<string, Msg> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

// ---------------------------------------------------------------------------------
// The document

/** The full text of docs/errors.md. Throws, naming the code, when an example is missing or wrong. */
export async function buildErrorsDoc(): Promise<string> {
  const missing = missingExamples();
  if (missing.length) throw new Error(`no example and fix in ${EXAMPLES_FILE} (EXAMPLES) for ${missing.join(', ')}`);
  const codes = catalogue();
  const out: string[] = [];
  out.push('<!-- 由 test/docs/errors-doc.ts 生成，请勿手改；运行 `pnpm docs:errors` 重新生成。 Generated by test/docs/errors-doc.ts: do not edit, run `pnpm docs:errors`. -->');
  out.push('');
  out.push('# 错误与问题代码 (Error and finding codes)');
  out.push('');
  out.push('jixiao 的每条错误、警告和提示都有一个固定的代码，代码的含义永不改变。每条消息先写中文（`--lang en` 或 `JIXIAO_LANG=en` 时为英文），说明哪里有问题、涉及的数值（用引号标出用户写的内容），以及怎么改（“帮助”）。下面每个代码给出含义、一个真实的例子和它产生的消息，以及修正方法。例子中的消息由 jixiao 运行例子生成，与实际输出一致。');
  out.push('');
  out.push("Every error, warning and info in jixiao has a stable code that never changes meaning. Each message is in Chinese first (English with `--lang en` or `JIXIAO_LANG=en`), says what is wrong and where, quotes the values involved, and says what to do (the help line). For each code below: its meaning, a real example with the message it produces, and the fix. The messages are produced by running the examples, so they match what jixiao prints.");
  out.push('');
  for (const fam of FAMILIES) {
    const list = codes.filter((c) => c.family === fam.id);
    out.push(`- [${fam.heading}](#${anchor(fam.heading)})：${list.map((c) => c.code).join('、')}`);
  }
  const failures: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'jixiao-errors-'));
  try {
    for (const fam of FAMILIES) {
      out.push('');
      out.push(`## ${fam.heading}`);
      out.push('');
      out.push(fam.intro.zh);
      out.push('');
      out.push(fam.intro.en);
      if (fam.id === 'compiler') out.push('', codeBlock(BASE_TEMPLATE, 'jx'));
      if (fam.id === 'finding') {
        const rows = cleanFiling().rows.map((r) => `| ${r.level1} | ${r.level2} | ${r.level3} | ${r.target} | ${r.actual} | ${r.weight} | ${r.statedScore} |`);
        out.push('', '预算：年初预算数 100、全年预算数 100、全年执行数 100，分值 10，得分 10；填报总分 100。 (Budget 100 / 100 / 100 spent, weight 10, score 10; stated total 100.)', '');
        out.push('| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |', '|---|---|---|---|---|---|---|', ...rows);
        out.push('', '例子中 `~` 是改动的行或字段，`+` 是加上的，`-` 是删去的。 (In the examples `~` marks a changed row or field, `+` an added one, `-` a removed one.)');
      }
      for (const c of codes.filter((x) => x.family === fam.id)) {
        const ex = EXAMPLES[c.code]!;
        let p: Produced;
        try {
          p = await produce(c.code, ex, scratch);
        } catch (e) {
          failures.push((e as Error).message);
          continue;
        }
        out.push('');
        out.push(`### ${c.code} ${c.title.zh}`);
        out.push('');
        const sev = c.severity ? `${SEVERITY[c.severity]!.zh} (${SEVERITY[c.severity]!.en})` : '错误或警告，视情况而定 (error or warning, depending on the case)';
        out.push(`${c.title.en} · ${sev}`);
        out.push('');
        if (ex.trigger.kind === 'note') {
          out.push(`**消息** ${p.output.zh}`);
          out.push('');
          out.push(`**Message** ${p.output.en}`);
        } else {
          out.push('**例子 (example)**');
          if (p.input) out.push('', p.input);
          out.push('');
          out.push(codeBlock(p.output.zh));
          out.push('');
          out.push(codeBlock(p.output.en));
        }
        out.push('');
        out.push(`**修正** ${ex.fix.zh}`);
        out.push('');
        out.push(`**Fix** ${ex.fix.en}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(failures.join('\n'));
  return out.map((l) => l.replace(/[ \t]+$/gm, '')).join('\n') + '\n';
}

/** GitHub's heading anchor. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/\s/g, '-');
}

// `tsx test/docs/errors-doc.ts` (pnpm docs:errors) writes the file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await buildErrorsDoc();
  writeFileSync(DOC_PATH, text);
  console.log(`wrote ${DOC_PATH} (${catalogue().length} codes)`);
}
