// docs/errors.md: the checker's family (JX2), an example and a fix per code. Each example
// changes one place of the base template, or checks a template that extends it.
import { CODES } from '../../../packages/compiler/src/index.ts';
import { BASE } from '../../../test/support/jx.ts';
import { codeBlock, type Example, type Family } from '../family.ts';

/** The base template every compiler example changes in one place. */
export const BASE_TEMPLATE = BASE;

const examples: Record<string, Example> = {
  JX2001: {
    trigger: { kind: 'template', from: 'min(实际 / 目标, 1)', to: 'min(实绩 / 目标, 1)' },
    fix: {
      zh: '改用公式中可用的变量（权重、实际、目标、完成比例、预算数、执行数 等，见 docs/dsl.md）；指标名称不能当变量用。',
      en: 'Use one of the variables formulas know (权重, 实际, 目标, 完成比例, 预算数, 执行数, …; see docs/dsl.md); indicator names are not variables.',
    },
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
    fix: {
      zh: '每种目标形状只由一条规则适用：从其中一条规则的 `适用` 中删去这个形状，需要另一种算法的指标用 `采用` 指定规则。',
      en: "Let one rule claim each target shape: drop the shape from one rule's `适用`, and name the other rule with `采用` on the indicators that need it.",
    },
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
    fix: { zh: '调整下级指标的分值，使它们的和等于上级指标的分值。', en: "Change the child weights so that they add up to the parent's weight." },
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
    fix: {
      zh: '补上缺少的分数段，或让最后一个等级不带条件（如 `差`），接住其余分数。',
      en: 'Cover the missing band, or leave the last grade without a bound (e.g. `差`) to catch the rest.',
    },
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
    fix: {
      zh: '按帮助提示给公式封顶，如 `权重 * min(实际 / 目标, 1)`；检查器不会替作者悄悄截断得分。',
      en: 'Clamp the formula as the help line says, e.g. `权重 * min(实际 / 目标, 1)`; the checker never clamps silently.',
    },
  },
  JX2022: {
    trigger: { kind: 'template', from: '{ 单位填报 }\n  一级指标 履职效果', to: '{ 单位填报; 得分 = 分值 }\n  一级指标 履职效果' },
    fix: {
      zh: '一个指标只用一种计分方式：得分公式、`单位填报`、`采用` 规则或下级指标，删去其余的。',
      en: 'Give an indicator one way to score: a formula, `单位填报`, `采用` a rule, or child indicators; delete the others.',
    },
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
    fix: {
      zh: '条件只能放在 `如果 … 则 … 否则 …` 中；要得到数值，写成 `如果 实际 >= 目标 则 1 否则 0`。',
      en: 'Conditions belong in `如果 … 则 … 否则 …`; for a number write `如果 实际 >= 目标 则 1 否则 0`.',
    },
  },
  JX2026: {
    trigger: { kind: 'template', from: '得分 = 权重 * min(实际 / 目标, 1)', to: '得分 = min(实际 / 目标, 1)' },
    fix: { zh: '得分公式要乘以 `权重`（或 `分值`），结果才是分。', en: 'Multiply by `权重` (or `分值`) so that the formula yields points.' },
  },
  JX2027: {
    trigger: { kind: 'template', from: '部分达成 60%..80%', to: '部分达成 80%..60%' },
    fix: {
      zh: '按提示改正数值：区间下限不大于上限，数值为有限的普通数。',
      en: "Correct the value: a range's low end not above its high end, numbers finite and of ordinary size.",
    },
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
    fix: {
      zh: '检查 `继承` 后的年度；该年度及以前的同一表单模板要在 rules/ 中。',
      en: 'Check the year after `继承`; a template of the same form for that year or earlier must be in rules/.',
    },
  },
  JX2031: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2024 继承 2023 {\n  删除 一级指标 能力建设\n}' },
    fix: {
      zh: '按上一版本中的写法填写名称（`jixiao check` 上一年度的模板可以看到全部名称），或删去这一行。',
      en: 'Spell the name as in the parent template (check the parent to list its names), or delete the line.',
    },
  },
  JX2032: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2024 {\n  总分 100 分\n  删除 一级指标 部门管理\n}' },
    fix: {
      zh: '在模板头写上 `继承 <年度>`，或直接删去这些指标，不用 `删除`/`重命名`。',
      en: 'Add `继承 <year>` to the header, or simply leave the items out instead of using `删除`/`重命名`.',
    },
  },
  JX2033: {
    trigger: { kind: 'extends', text: '模板 部门整体支出 2022 继承 2023 { }' },
    fix: { zh: '只继承更早年度的模板：检查两个年度是否写反。', en: 'Extend an earlier year only: check whether the two years are swapped.' },
  },
  JX2034: {
    trigger: {
      kind: 'template',
      from: '部门管理 分值 20 分 { 单位填报 }\n  一级指标 履职效果 分值 70 分',
      to: '部门管理 分值 19.995 分 { 单位填报 }\n  一级指标 履职效果 分值 70.005 分',
    },
    fix: {
      zh: '得分按 保留小数 舍入；分值的小数位多于它时，舍入后的得分会超过分值（保留小数 0 位、分值 2.5：2.5 舍入为 3）。把 保留小数 改为分值的小数位数，或把分值改为该精度的数。填报表中各行的分值可以更细（如 3.335），那时该行满分就是它的分值，不会舍入超过。',
      en: 'Scores are rounded to `保留小数` places; a cap with more decimals could be passed by a rounded score (0 places, cap 2.5: 2.5 rounds to 3). Round to as many places as the caps have, or write the caps at that precision. Row weights in a filing may be finer (3.335): such a row then scores at most its weight, never a rounded value above it.',
    },
  },
  JX2035: {
    trigger: { kind: 'template', from: '规则 正向 适用 >=, > {', to: '规则 正向 适用 >=, > 允许负数 权重 {' },
    fix: {
      zh: '`允许负数` 只能写 `实际`、`目标`（各行的实际值和目标值可以为负，如 变动率 ≤ −30%）；权重 和 完成比例 不会为负。',
      en: "`允许负数` (allow negative) may name only `实际` and `目标` (a row's actual and target may be negative, e.g. a change rate ≤ −30%); weights and tier fractions are never negative.",
    },
  },
  JX2036: {
    trigger: {
      kind: 'template',
      from: '一级指标 部门管理 分值 20 分 { 单位填报 }',
      to: '一级指标 部门管理 分值 20 分 { 择一 { 二级指标 结转结余率 分值 20 分 { 采用 正向 }; 二级指标 结转结余变动率 分值 10 分 { 采用 正向 } } }',
    },
    fix: {
      zh: '择一 的选项是单位只填报其中一项的几个指标（如 结转结余率 或 结转结余变动率），分值相同，只计一次；每个选项按规则计分或有自己的公式，至少两个选项。',
      en: 'The alternatives of 择一 are indicators of which the unit files one (e.g. a carry-over rate or its change); they weigh the same and count once; each is scored by a rule or its own formula; at least two.',
    },
  },
  JX2037: {
    trigger: { kind: 'template', from: 'min(实际 / 目标, 1)', to: 'min(实际 / 90%, 1)' },
    fix: {
      zh: '实际、目标 是表中填的数：“92%” 在公式中是 92，不是 0.92。要与百分数比较，先算比值（`实际 / 目标 >= 90%`）；要与固定的标准比较，写表中的数（`实际 >= 90`，该行以百分数填报时）。乘以百分数（`目标 * 130%`）是放大目标，不受影响。',
      en: 'The actual and the target are the figures as filed: “92%” is 92 in a formula, not 0.92. To compare with a percentage, take the ratio first (`实际 / 目标 >= 90%`); to compare with a fixed standard, write the filed figure (`实际 >= 90`, for rows filed in percent). Scaling by a percentage (`目标 * 130%`) is fine.',
    },
  },
};

export const compiler: Family = {
  id: 'compiler',
  file: 'tools/errors/examples/compiler.ts',
  heading: 'JX2001–JX2999 模板检查 (template checks)',
  intro: {
    zh: '语法正确的模板由检查器检查：名称、单位、分值之和、等级和分档的覆盖，并证明每条公式的得分在 [0, 分值] 内；继承（`继承`）的模板先合并再检查。一次列出全部错误，模板有错误时不能用于评分（退出码 2）。下面的例子都是对这个基础模板改动一处：',
    en: 'A template that parses is checked: names, units, weight sums, grade and tier coverage, and a proof that every formula scores within [0, weight]; a template that extends (`继承`) another is merged first. Every error is listed in one pass; a template with errors cannot score (exit code 2). Each example below changes one place of this base template:',
  },
  preamble: () => [codeBlock(BASE_TEMPLATE, 'jx')],
  catalogue: CODES,
  examples,
};
