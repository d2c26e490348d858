// docs/errors.md: the findings family (JX3), an example and a fix per code. Each example
// changes one place of the clean filing and scores it with rules/甘肃/2023/部门整体支出.jx.
import { FINDINGS } from '../../../packages/engine/src/index.ts';
import { cleanFiling, row } from '../../../test/support/filings.ts';
import type { Example, Family } from '../family.ts';

const examples: Record<string, Example> = {
  JX3001: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.weight = 14;
        f.rows[0]!.statedScore = 14;
      },
    },
    fix: {
      zh: '调整该一级指标下各行的分值，使其和等于模板规定的分值。在改正前，该一级指标按比例折算计分，不会超过分值。',
      en: 'Change the row weights of the section to add up to its cap. Until then the section is scored in proportion and never above its cap.',
    },
  },
  JX3002: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows.push(row('能力建设', '档案管理', '档案管理规范性', '规范', '规范', 4, 4));
        f.statedWeightTotal = 100;
      },
    },
    fix: { zh: '调整各行分值，使全表分值之和等于总分（通常 100）。', en: 'Change the row weights so that all of them add up to the total (usually 100).' },
  },
  JX3003: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.sections = [{ name: '履职效果(70分)', statedCap: 70 }];
      },
    },
    fix: {
      zh: '把表中一级指标的分值改为本年度模板规定的分值；如果用错了表格，换用本年度的表格。',
      en: "Write the cap this year's template gives; if the form is last year's, use this year's.",
    },
  },
  JX3004: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[2] = row('履职效果', '部门履职目标', '建设规划', '≥1项', '3项', 20, 15);
      },
    },
    fix: {
      zh: '把填报得分改为按规则计算的得分；如果认为规则算错了，用 `jixiao explain` 查看计算过程。',
      en: 'Write the score the rules give; to see how it is computed, run `jixiao explain`.',
    },
  },
  JX3005: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.statedScore = 12;
      },
    },
    fix: { zh: '得分不能超过该行分值：改正得分或分值。', en: "A score cannot exceed the row's weight: correct the score or the weight." },
  },
  JX3006: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[1]!.statedScore = 5;
      },
    },
    fix: {
      zh: '按实际完成情况所在档次给分（见模板的定性分档），或改正实际完成情况。',
      en: "Score within the tier of the stated outcome (see the template's tiers), or correct the outcome.",
    },
  },
  JX3007: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.statedTotal = 90;
      },
    },
    fix: { zh: '重新加总各项得分，改正总分行。', en: 'Add up the stated scores again and correct the total row.' },
  },
  JX3028: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[3] = row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 10);
        f.statedTotal = 90;
      },
    },
    fix: { zh: '在 “偏差原因分析及改进措施” 栏写明未完成的原因和改进措施。', en: 'State the cause and the remedy in the deviation-reason column.' },
  },
  JX3029: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.weight = -5;
        f.rows[1]!.weight = 25;
      },
    },
    fix: {
      zh: '填写 0 到 10000 之间的分值（实际上是该指标在一级指标中的分值，如 `10`）；无效的分值不计入分值合计，该行按 0 分计（固定指标按模板分值计）。',
      en: "Write a weight between 0 and 1,000,000 (in practice the indicator's share of its section, e.g. `10`); an invalid weight is left out of the weight sums and the row scores 0 (a fixed indicator uses the template's weight).",
    },
  },
  JX3027: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.reportTotal = 100;
        f.statedTotal = 97;
      },
    },
    fix: { zh: '核对报告正文与自评表，使两处总分一致（以按规则计算的总分为准）。', en: 'Make the report text and the table state the same total (the computed one).' },
  },
  JX3040: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.actual = '-5%';
      },
    },
    fix: {
      zh: '核实该数值。负数确有意义时（如 结转结余变动率 ≤ −30%），模板中的规则要写 `允许负数 实际`（或 `目标`），界限证明按负数检查该规则；否则填写正确的非负数值。',
      en: 'Check the value. Where a negative value is meant (a change rate ≤ −30%), the rule in the template must say `允许负数 实际` (or `目标`), and the bounds proof checks it with negative inputs; otherwise fill in the right non-negative value.',
    },
  },
  JX3008: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[3] = row('履职效果', '部门履职目标', '媒体宣传报道数', '≥10篇', '5篇', 20, 20);
      },
    },
    fix: { zh: '按报告中各行的计算得分改正填报得分和总分。', en: 'Correct the stated scores and the total to the computed ones in the report.' },
  },
  JX3009: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[6]!.actual = '500%';
      },
    },
    fix: {
      zh: '核对原始数据：比率（满意度、合格率、执行率等）不会超过 100%。常见原因是把分值或人数填进了比率列。',
      en: 'Check the source data: rates (satisfaction, pass rates, execution) cannot exceed 100%. Often a weight or a head count was typed into the rate column.',
    },
  },
  JX3010: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[2]!.actual = '≥266米';
        f.rows[2]!.target = '≥100米';
      },
    },
    fix: { zh: '实际完成值填实际数，如 `266米`，不带 `≥`、`≤`。', en: 'Write the actual figure, e.g. `266米`, without `≥` or `≤`.' },
  },
  JX3011: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[2]!.target = '≥**';
      },
    },
    fix: { zh: '把 `**`、`XX` 等占位符换成实际的数值。', en: 'Replace placeholders such as `**` or `XX` with the real value.' },
  },
  JX3012: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.indicatorValue = '≤10%';
        f.rows[0]!.target = '≤100%';
        f.rows[0]!.actual = '100%';
      },
    },
    fix: { zh: '核对两列，改为同一个目标值。', en: 'Check both columns and make them state the same target.' },
  },
  JX3013: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.budget = { initialBudget: 100, budget: 100, spent: 120, weight: 10, statedScore: 10 };
      },
    },
    fix: { zh: '核对全年预算数和全年执行数；确有超支的，在说明中写明原因。', en: 'Check the budget and the spending; if the overspend is real, explain it in the notes.' },
  },
  JX3014: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.budget = { initialBudget: 0, budget: 0, spent: 0, weight: 10, statedScore: 10, funds: [{ name: '当年财政拨款', initialBudget: 50, budget: 50, spent: 50 }] };
      },
    },
    fix: { zh: '在资金总额行填上各项资金的合计。', en: 'Fill the fund total row with the sum of the fund rows.' },
  },
  JX3015: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.budget = { initialBudget: 0, budget: 0, spent: 10, weight: 10, statedScore: 10 };
      },
    },
    fix: {
      zh: '补上为 0 或空着的数（如全年预算数、目标值）；该项在改正前得 0 分。',
      en: 'Fill in the figure that is 0 or empty (the budget, the target); until then the row scores 0.',
    },
  },
  JX3016: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows.push(row('产出指标', '数量指标', '培训人次', '≥100人', '120人', 5, 5));
      },
    },
    fix: {
      zh: '把该行移到模板中的一级指标下（提示中列出了全部一级指标），或检查是否用错了表单（项目支出 / 部门整体支出）。',
      en: "Move the row under one of the template's sections (the message lists them), or check the form (项目支出 / 部门整体支出).",
    },
  },
  JX3017: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[1]!.actual = '还行吧';
      },
    },
    fix: {
      zh: '目标值写成 `≥ 数值`、`≤ 数值`、`= 数值` 等可计算的形式；定性指标的实际完成情况用定性分档中的词（如 达成、部分达成、未达成）。',
      en: 'Write the target as `≥ n`, `≤ n`, `= n` or another shape a rule applies to; for a qualitative indicator use a tier word (达成, 部分达成, 未达成, …).',
    },
  },
  JX3018: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.weight = null;
      },
    },
    fix: { zh: '在分值列填上该行的分值。', en: "Fill in the row's weight." },
  },
  JX3019: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows = f.rows.filter((r) => r.level1 !== '能力建设');
      },
    },
    fix: { zh: '补上该一级指标下的指标行；如果是名称写法不同，改为模板中的名称。', en: "Add the section's rows; if its name is spelled differently, use the template's name." },
  },
  JX3020: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[2]!.actual = '';
      },
    },
    fix: { zh: '填上数值和单位，如 `7项`、`95%`。', en: 'Write a number with its unit, e.g. `7项`, `95%`.' },
  },
  JX3021: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.deductions = [{ reason: '审计发现问题', points: 8 }];
      },
    },
    fix: { zh: '按模板规定的上限扣分（评分时已按上限扣除）。', en: 'Deduct no more than the template allows (scoring already applies the maximum).' },
  },
  JX3022: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        delete f.budget;
      },
    },
    fix: { zh: '在表中填上预算执行部分（年初预算数、全年预算数、全年执行数）。', en: 'Fill in the budget block (年初预算数, 全年预算数, 全年执行数).' },
  },
  JX3025: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[2]!.actual = '7篇';
      },
    },
    fix: {
      zh: '目标值和实际完成值用同一单位，或可以换算的单位（元、千元、万元、亿元；米、公里；人 与 万人 等）。人 与 人次、个 与 项 是不同的量，不能互相换算。',
      en: 'Use one unit for the target and the actual, or units that convert (元, 千元, 万元, 亿元; 米, 公里; 人 and 万人 …). 人 and 人次, or 个 and 项, count different things and do not convert.',
    },
  },
  JX3026: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows.push({ ...f.rows[0]! });
      },
    },
    fix: { zh: '删去重复的行；两行确实不同的，给它们不同的名称。', en: 'Delete the repeated row; if the two rows differ, give them different names.' },
  },
  JX3041: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.region = '甘肃/庆阳/正宁县';
      },
      source: { fallbackFrom: '甘肃/庆阳/正宁县' },
    },
    fix: {
      zh: '这是提示，不是错误：该地区没有自己的模板时，按上级地区的模板评分（县 → 市 → 省 → 全国）。若该地区另有评分办法，把它的模板放在 `rules/<地区>/<年度>/<表单>.jx`。',
      en: "An info, not an error: a jurisdiction without a template of its own is scored under its parent's (county → city → province → 全国). Where it has its own scoring rules, put its template at `rules/<jurisdiction>/<year>/<form>.jx`.",
    },
  },
  JX3042: {
    trigger: {
      kind: 'filing',
      template: [['  保留小数 2 位 四舍五入\n', '  保留小数 2 位 四舍五入\n  不适用 按总分折算\n']],
      edit: (f) => {
        f.rows[3] = { ...row('履职效果', '部门履职目标', '媒体宣传报道数', '/', '/', 20, null), notApplicable: true };
      },
    },
    fix: {
      zh: '这是提示，不是错误：模板写了 `不适用 按总分折算`（或 按一级指标折算、不折算），不适用的指标按它折算。核实该指标确实不适用，并在 “偏差原因分析及改进措施” 栏写明理由。',
      en: 'An info, not an error: the template says `不适用 按总分折算` (or 按一级指标折算, 不折算) and the row is rescaled that way. Check that the indicator really does not apply and give the reason in the deviation column.',
    },
  },
  JX3043: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[3] = { ...row('履职效果', '部门履职目标', '媒体宣传报道数', '/', '/', 20, null), notApplicable: true };
      },
    },
    fix: {
      zh: '在模板中写明不适用的指标如何处理：`不适用 按总分折算`（总分按适用指标折算为满分）、`不适用 按一级指标折算`（本一级指标其余各项折算到分值）或 `不适用 不折算`；或请填报单位删去该行、把分值分给其他指标。',
      en: 'Say in the template how a not-applicable row is treated: `不适用 按总分折算` (rescale the total), `不适用 按一级指标折算` (rescale its section) or `不适用 不折算`; or have the unit drop the row and give its weight to other indicators.',
    },
  },
  JX3044: {
    trigger: {
      kind: 'filing',
      template: [
        [
          '一级指标 能力建设 分值 10 分 { 单位填报 }',
          '一级指标 能力建设 分值 10 分 { 二级指标 人力资源建设 分值 10 分 { 择一 { 三级指标 人员考核合格率 分值 10 分 { 采用 正向 } 三级指标 人员培训完成率 分值 10 分 { 采用 正向 } } } }',
        ],
      ],
      edit: (f) => {
        f.rows[5] = row('能力建设', '人力资源建设', '人员考核合格率', '≥100%', '100%', 10, 10);
        f.rows.splice(6, 0, row('能力建设', '人力资源建设', '人员培训完成率', '≥90%', '45%', 10, 5));
      },
    },
    fix: { zh: '二者择一的指标只填报其中适用的一项，删去另一行。', en: 'File only the alternative that applies and delete the other row.' },
  },
  JX3045: {
    trigger: {
      kind: 'filing',
      template: [
        ['  保留小数 2 位 四舍五入\n', '  保留小数 2 位 四舍五入\n  输入 全年预算调剂金额 万元\n'],
        ['得分 = 分值 * min(全年执行数 / 全年预算数, 1)', '得分 = 分值 * min(全年执行数 / 全年预算数, 1) * max(0, 1 - 10 * 全年预算调剂金额 / 年初预算数)'],
      ],
      edit: () => {},
    },
    fix: {
      zh: '在表外（表头或表下）写明该数值，如 `全年预算调剂金额：5万元`；从 JSON 导入时写在 `inputs` 中，如 `"inputs": { "全年预算调剂金额": 5 }`。',
      en: 'Give the figure outside the table (above or below it), e.g. `全年预算调剂金额：5万元`; in JSON, under `inputs`, e.g. `"inputs": { "全年预算调剂金额": 5 }`.',
    },
  },
};

/** The clean filing the examples change, as a table. */
function cleanTable(): string[] {
  const rows = cleanFiling().rows.map((r) => `| ${r.level1} | ${r.level2} | ${r.level3} | ${r.target} | ${r.actual} | ${r.weight} | ${r.statedScore} |`);
  return [
    '预算：年初预算数 100、全年预算数 100、全年执行数 100，分值 10，得分 10；填报总分 100。 (Budget 100 / 100 / 100 spent, weight 10, score 10; stated total 100.)',
    '',
    '| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '例子中 `~` 是改动的行或字段，`+` 是加上的，`-` 是删去的。 (In the examples `~` marks a changed row or field, `+` an added one, `-` a removed one.)',
  ];
}

export const findings: Family = {
  id: 'finding',
  file: 'tools/errors/examples/findings.ts',
  heading: 'JX3001–JX3999 填报表中的问题 (findings on a filing)',
  intro: {
    zh: '给填报表打分时发现的问题，列在报告的“发现问题”中（`--json` 时在 `findings` 中，带 `path`，以及消息引用的数值 `data`）。有错误级的问题时退出码为 1，但仍给出得分。下面的例子都用 `rules/甘肃/2023/部门整体支出.jx`，对这份没有任何问题的填报表改动一处：',
    en: "Problems found while scoring a filing, listed under the report's findings (with `--json`: in `findings`, with a `path`, and the values the message cites as `data`). An error-level finding makes the exit code 1; the filing is still scored. Each example below scores with `rules/甘肃/2023/部门整体支出.jx` and changes one place of this clean filing:",
  },
  preamble: cleanTable,
  catalogue: FINDINGS,
  examples,
};
