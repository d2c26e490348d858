// docs/errors.md: the importers' family (IMP), an example and a fix per code. Each example
// is a filing read by the real importer.
import ExcelJS from 'exceljs';
import { DIAGNOSTIC_CODES, MAX_FILING_BYTES } from '../../../packages/engine/src/index.ts';
import { row } from '../../../test/support/filings.ts';
import type { Example, Family } from '../family.ts';

/** A TSV header and rows, tab-separated. */
const HEAD = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';
const tsv = (...lines: string[]) => lines.join('\n') + '\n';

/** JSON text of a 2023 filing whose units nest `n` levels deep; the innermost unit, u0, has one row. */
function nestedUnits(n: number): string {
  let s = JSON.stringify({ rows: [row('部门管理', '资金投入', '基本支出预算执行率', '≥95%', '98%', 20, 20)] });
  for (let i = 0; i < n; i++) s = `{"rows":[],"units":[{"name":"u${i}","funding":1,"filing":${s}}]${i === n - 1 ? ',"year":2023,"form":"部门整体支出"' : ''}}`;
  return s;
}

async function twoSheetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['填报说明：请按年度填写']);
  const ws = wb.addWorksheet('自评表');
  ws.addRow(['部门整体支出绩效自评表（2023年度）']);
  ws.addRow(HEAD.split('\t'));
  ws.addRow(['部门管理', '资金投入', '基本支出预算执行率', '≥95%', '98%', 10, 10]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const examples: Record<string, Example> = {
  IMP001: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('名称\t目标\t完成', '培训\t≥50人\t62人') },
    fix: {
      zh: '复制时带上表头行（一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）。',
      en: 'Copy the header row with the table (一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分).',
    },
  },
  IMP002: {
    trigger: { kind: 'import', filename: '填报.tsv', text: '\n\t\n' },
    fix: { zh: '从 Excel/WPS 中选中整张表复制，再粘贴或保存。', en: 'Select the whole table in Excel/WPS, copy it, then paste or save it.' },
  },
  IMP003: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('一级指标\t二级指标\t三级指标\t年度指标值\t分值\t得分', '产出指标\t数量指标\t培训次数\t≥4次\t10\t10') },
    fix: {
      zh: '复制时带上提示中缺少的列；缺少指标名称列或两个数值列时无法读取（错误），缺少其他列时该项按空值读取（警告）。',
      en: 'Copy the table with the columns the message names. Without the name column or both value columns the filing cannot be read (error); another missing column is read as empty (warning).',
    },
  },
  IMP004: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('指标项\t细指标\t被指标\t年度指标值\t实际完成值\t分值\t得分', '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: {
      zh: '这类写法多来自扫描识别（OCR）。核对该列读得是否正确，最好把表头改为标准写法。',
      en: 'Such labels usually come from OCR. Check that the column was read correctly, and preferably use the standard label.',
    },
  },
  IMP005: {
    trigger: {
      kind: 'import',
      filename: '填报.xlsx',
      bytes: async () => new TextEncoder().encode('一级指标\t二级指标'),
      shown: { zh: '一个扩展名为 `.xlsx` 的文本文件', en: 'a text file named `.xlsx`' },
    },
    fix: {
      zh: '用 `.tsv`（从 Excel/WPS 复制粘贴保存）、`.json` 或真正的 `.xlsx` 文件；`.xls` 请先另存为 `.xlsx`。',
      en: 'Use a `.tsv` (pasted from Excel/WPS), a `.json` or a real `.xlsx`; save `.xls` files as `.xlsx` first.',
    },
  },
  IMP006: {
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv('名称\t目标\t完成', '培训\t≥50人\t62人'),
      mapping: { columns: { level3: 0, target: 0 } },
      shown: { zh: '列对应 `{ level3: 0, target: 0 }`', en: 'column mapping `{ level3: 0, target: 0 }`' },
    },
    fix: { zh: '每一列只对应一个字段，列号从 0 开始且不超过表格的列数。', en: 'Map each column to one field; column numbers start at 0 and stay within the table.' },
  },
  IMP007: {
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      bytes: async () => new Uint8Array(MAX_FILING_BYTES + 1024 * 1024),
      shown: { zh: '一个 50 MB 以上的文件', en: 'a file above 50 MB' },
    },
    fix: { zh: '一个文件只放一份填报表；批量评分时给一个文件夹或 NDJSON 文件。', en: 'Put one filing per file; to score many, pass a folder or an NDJSON file.' },
  },
  IMP008: {
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv('一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分', '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10', '\t\t印发文件\t≥3项\t3项\t10'),
    },
    fix: {
      zh: '表中补上“分值”列；或使用为各指标规定了分值的模板（模板规定的分值优先）。其余缺少分值的指标评分时逐项报告 JX3018。',
      en: "Add the weight column to the table, or use a template that sets each indicator's weight (the template's weight is used). Each indicator still without a weight is reported as JX3018 when scoring.",
    },
  },
  IMP009: {
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv('指标名称\t计量单位\t指标性质\t指标值\t指标权重(分)\t全年完成值\t指标得分(分)', '培训人次\t人次\t≥\t500\t30\t520\t30'),
    },
    fix: {
      zh: '无需处理；模板中没有同名指标的行在评分时另有 IMP029。也可以在表中补上一级、二级指标列。',
      en: 'Nothing to do; a row whose name the template lacks is reported as IMP029 when scoring. You may also add the level-1 and level-2 columns.',
    },
  },
  IMP010: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: {
      zh: '复制时带上标题行（如“部门整体支出绩效自评表（2023年度）”），或评分时用 `--year` 和 `--form` 指定。',
      en: 'Copy the title row too (e.g. “部门整体支出绩效自评表（2023年度）”), or pass `--year` and `--form`.',
    },
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
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv('经评价，自评得分100分，自评等级为：优。', '部门整体支出绩效自评表（2023年度）', HEAD, '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10'),
    },
    fix: { zh: '无需处理；该分数会与表中总分核对（JX3027）。', en: 'Nothing to do; it is checked against the table’s total (JX3027).' },
  },
  IMP014: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv('全年预算调剂金额：5', HEAD, '部门管理\t资金投入\t基本支出预算执行率\t≥95%\t98%\t10\t10') },
    fix: {
      zh: '无需处理；核对读入的名称和数值。模板按名称使用它需要的数据。',
      en: 'Nothing to do; check the name and the value read. The template uses the inputs it needs by name.',
    },
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
    fix: {
      zh: '在第一行指标中填上一级、二级指标名称（合并单元格复制后只有第一格有字）。',
      en: 'Fill in the level-1 and level-2 names on the first row of the group (merged cells copy as one filled cell and empty ones).',
    },
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
    fix: { zh: '无需处理；“指标1:”是表格预印的编号，不是名称的一部分。', en: "Nothing to do; “指标1:” is the form's printed numbering, not part of the name." },
  },
  IMP027: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '满意度指标\t服务对象满意度指标\t指标1:群众满意度≥90%\t\t\t10\t10') },
    fix: {
      zh: '把目标值填在“年度指标值”栏、指标名称栏只写名称，并填写实际完成值。',
      en: 'Write the target in the target column and only the name in the name column, and fill in the actual value.',
    },
  },
  IMP028: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10', '\t质量指标\t培训合格率\t/\t/\t/\t/') },
    fix: {
      zh: '无需处理；不适用的指标如何计分（是否按适用指标折算）由模板决定。指标其实适用时，填写目标值和实际完成值。',
      en: "Nothing to do; how an indicator that does not apply is scored (whether the others are rescaled) is the template's choice. If it does apply, fill in its target and actual value.",
    },
  },
  IMP029: {
    trigger: {
      kind: 'filing',
      edit: (f) => {
        f.rows[0]!.level1 = '';
        f.rows[0]!.level2 = '';
      },
    },
    fix: {
      zh: '在表中补上一级、二级指标；或使用模板中的指标名称（模板写明了该指标时，按名称归入）。',
      en: "Add the level-1 and level-2 names to the table, or use the template's indicator name (an indicator the template names is placed by its name).",
    },
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
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv(
        '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
        '\t年度资金总额\t120.00\t一百五十\t135.00\t10\t90%\t9',
        HEAD,
        '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10',
      ),
    },
    fix: { zh: '预算表中只填数字（万元），如 `150.00`。', en: 'Write plain numbers (万元) in the budget block, e.g. `150.00`.' },
  },
  IMP041: {
    trigger: { kind: 'import', filename: '填报.tsv', text: tsv(HEAD, '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10') },
    fix: {
      zh: '复制时带上预算执行部分；模板要求预算执行率时，缺少它会得到 JX3022。',
      en: 'Copy the budget block too; when the template scores budget execution, its absence gives JX3022.',
    },
  },
  IMP042: {
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv(
        '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
        '\t年度资金总额\t120.00\t150.00\t135.00\t10\t90%\t9',
        '\t备注\t1\t2\t3\t—\t—\t—',
        HEAD,
        '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10',
      ),
    },
    fix: {
      zh: '资金来源写作“当年财政拨款”“上年结转资金”“其他资金”；非资金行移出预算表。',
      en: 'Name fund rows `当年财政拨款`, `上年结转资金` or `其他资金`; move other rows out of the budget block.',
    },
  },
  IMP043: {
    trigger: {
      kind: 'import',
      filename: '填报.tsv',
      text: tsv(
        '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
        '\t年度资金总额\t0\t0\t0\t10\t95%\t9.5',
        '\t其中：本年财政拨款\t300\t300\t285\t—\t95%\t—',
        HEAD,
        '产出指标\t数量指标\t培训次数\t≥4次\t4次\t10\t10',
      ),
    },
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
    fix: {
      zh: '按提示的字段改正类型或补上必填项；`jixiao types` 输出填报表的结构。',
      en: 'Correct the type of the field named, or add the missing one; `jixiao types` prints the filing structure.',
    },
  },
  IMP062: {
    trigger: {
      kind: 'import',
      filename: '填报.json',
      text: nestedUnits(33),
      shown: {
        zh: '一份 JSON 填报表，`units` 中的单位又有 `units`，共嵌套 33 层（最内层单位名为 “u0”）',
        en: 'a JSON filing whose `units` have `units` of their own, 33 levels deep (the innermost unit is named “u0”)',
      },
    },
    fix: {
      zh: '所属单位最多嵌套 32 层（JSON 最多 128 层）。把深层的单位提升为上级单位的直接所属单位，或分别评分。',
      en: 'Units nest at most 32 levels (JSON at most 128). Move the deep units up to be direct units of a department above, or score them separately.',
    },
  },
  IMP070: {
    trigger: {
      kind: 'import',
      filename: '填报.xlsx',
      bytes: async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      shown: { zh: '一个损坏的 `.xlsx` 文件', en: 'a damaged `.xlsx` file' },
    },
    fix: { zh: '在 Excel/WPS 中打开并重新另存为 `.xlsx`，或复制表格另存为 `.tsv`。', en: 'Open it in Excel/WPS and save it again as `.xlsx`, or copy the table into a `.tsv`.' },
  },
  IMP071: {
    trigger: {
      kind: 'import',
      filename: '填报.xlsx',
      bytes: twoSheetWorkbook,
      shown: { zh: '一个 `.xlsx` 文件，第一个工作表“说明”，第二个工作表“自评表”', en: 'an `.xlsx` file whose first sheet is “说明” and second “自评表”' },
    },
    fix: { zh: '无需处理；选错时把填报表放在单独的文件中。', en: 'Nothing to do; if the wrong sheet was chosen, put the filing in a file of its own.' },
  },
};

export const imports: Family = {
  id: 'import',
  file: 'tools/errors/examples/import.ts',
  heading: 'IMP001–IMP999 读取填报表 (reading a filing)',
  intro: {
    zh: '读取填报表（从 Excel/WPS 复制的 `.tsv`、`.json`、`.xlsx`）时报告，位置是表格中的行和列（JSON：字段路径）。错误级的读取问题使填报表无法评分（退出码 2）；警告和提示会随报告一起列出。例子中的 ` │ ` 表示一个 Tab。',
    en: 'Reported while reading a filing (a `.tsv` pasted from Excel/WPS, `.json`, `.xlsx`), located by line and column of the table (JSON: the field path). An error-level import diagnostic means the filing cannot be scored (exit code 2); warnings and infos are listed with the report. In the examples ` │ ` stands for a tab.',
  },
  catalogue: DIAGNOSTIC_CODES,
  examples,
};
