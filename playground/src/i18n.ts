// The page's words, Chinese first, English beside. Diagnostics and findings carry both
// languages themselves; this table is only the page's own text.
import { SEVERITY_WORDS, type Message } from '@jixiao/language/diagnostics';

export type Lang = 'zh' | 'en';
import { workspaceWords } from './workspace/words.ts';

const table = {
  title: { zh: 'jixiao 绩效 · 规则演练场', en: 'jixiao · rules playground' },
  template: { zh: '模板', en: 'Template' },
  format: { zh: '格式化', en: 'Format' },
  share: { zh: '分享链接', en: 'Share link' },
  shareCopied: { zh: '链接已复制到剪贴板（状态全部在链接里，不会上传）', en: 'Link copied (the whole state is in the link; nothing is uploaded)' },
  shareReady: { zh: '链接已生成，见地址栏（状态全部在链接里，不会上传）', en: 'Link ready in the address bar (the whole state is in it; nothing is uploaded)' },
  restored: { zh: '已从链接恢复', en: 'Restored from the link' },
  badLink: { zh: '链接中的状态无法读取，已打开默认模板', en: 'The link state could not be read; the default template is open' },
  langToggle: { zh: 'English', en: '中文' },
  langToggleLabel: { zh: 'Switch to English', en: '切换到中文' },
  tabFiling: { zh: '填报表', en: 'Filing' },
  tabJson: { zh: 'JSON', en: 'JSON' },
  tabScore: { zh: '评分', en: 'Score' },
  filingHint: {
    zh: '从 Excel 或 WPS 复制自评表粘贴到这里（制表符分隔），或粘贴 JSON 填报表。',
    en: 'Paste the self-evaluation table from Excel or WPS (tab-separated), or a JSON filing.',
  },
  resetFiling: { zh: '恢复样例填报表', en: 'Restore the example filing' },
  filingProblems: { zh: '读取填报表时的提示', en: 'Notes from reading the filing' },
  noFilingJson: { zh: '填报表无法读取', en: 'The filing cannot be read' },
  total: { zh: '总分', en: 'Total' },
  grade: { zh: '等级', en: 'Grade' },
  stated: { zh: '填报', en: 'stated' },
  sections: { zh: '一级指标', en: 'Sections' },
  rows: { zh: '各行得分', en: 'Row scores' },
  indicator: { zh: '指标', en: 'Indicator' },
  weight: { zh: '分值', en: 'Weight' },
  score: { zh: '得分', en: 'Score' },
  statedScore: { zh: '填报得分', en: 'Stated' },
  findings: { zh: '发现的问题', en: 'Findings' },
  noFindings: { zh: '没有发现问题', en: 'No findings' },
  // severities are named as everywhere else (CLI, docs)
  ...SEVERITY_WORDS,
  cap: { zh: '分值', en: 'cap' },
  lastGood: { zh: '上一次有效模板的评分：', en: 'Score under the last valid template:' },
  analysing: { zh: '分析中…', en: 'Analysing…' },
  diagnostics: { zh: '模板诊断', en: 'Template diagnostics' },
  noDiagnostics: { zh: '模板无错误', en: 'No errors in the template' },
  nErrors: { zh: '{n} 个错误', en: '{n} error(s)' },
  nWarnings: { zh: '{n} 个警告', en: '{n} warning(s)' },
  latency: { zh: '按键到标记 {ms} ms', en: 'keystroke → markers {ms} ms' },
  tabHint: {
    zh: 'Tab 键在页面各部分之间移动（也会移出编辑器）；编辑器内缩进用 Ctrl+]，减少缩进用 Ctrl+[；Ctrl+M 改为用 Tab 键缩进',
    en: "Tab moves between the page's parts (out of the editor too); in the editor Ctrl+] indents and Ctrl+[ outdents; Ctrl+M makes Tab indent instead",
  },
  formatFailed: { zh: '模板有语法错误，无法格式化', en: 'The template has syntax errors; it cannot be formatted' },
  editorLabel: { zh: '模板编辑器', en: 'Template editor' },
  hoverWeight: { zh: '分值', en: 'weight' },
  hoverScore: { zh: '得分', en: 'score' },
  hoverRule: { zh: '规则', en: 'rule' },
  hoverApplies: { zh: '适用', en: 'applies to' },
  hoverUses: { zh: '采用', en: 'uses' },
  // years diff
  tabDiff: { zh: '对比', en: 'Compare' },
  diffForm: { zh: '表单', en: 'Form' },
  diffFrom: { zh: '原年度', en: 'From' },
  diffTo: { zh: '新年度', en: 'To' },
  diffSwap: { zh: '交换', en: 'Swap' },
  diffSemantic: { zh: '规则改动（语义比较）', en: 'Rule changes (semantic diff)' },
  diffNone: { zh: '两个年度的规则没有改动', en: 'No rule changes between the two years' },
  diffCount: { zh: '共 {n} 处改动', en: '{n} change(s)' },
  diffOneYear: { zh: '该表单只有一个年度的模板，没有可比较的年度', en: 'This form has one year only; there is nothing to compare' },
  diffSameYear: { zh: '请选择两个不同的年度', en: 'Pick two different years' },
  diffEdited: { zh: '（含编辑器中的修改）', en: '(with the edits made in the editor)' },
  diffLoading: { zh: '比较中…', en: 'Comparing…' },
  diffEditorLabel: { zh: '两个年度模板的文本对比', en: 'Text diff of the two templates' },
  diffOriginalLabel: { zh: '原年度的模板（只读）', en: 'The earlier template (read only)' },
  diffModifiedLabel: { zh: '新年度的模板（只读）', en: 'The later template (read only)' },
  changeAdded: { zh: '新增', en: 'added' },
  changeRemoved: { zh: '删除', en: 'removed' },
  changeRenamed: { zh: '改名', en: 'renamed' },
  changeReweighted: { zh: '分值', en: 're-weighted' },
  changeRule: { zh: '规则', en: 'rule' },
  changeChanged: { zh: '修改', en: 'changed' },
  impactTitle: { zh: '对当前填报表的影响', en: 'Impact on the current filing' },
  impactNone: { zh: '当前填报表的各项得分都没有变化', en: 'No score of the current filing moves' },
  impactMoved: { zh: '得分变化的指标', en: 'Indicators whose score moves' },
  impactFrom: { zh: '原得分', en: 'Before' },
  impactTo: { zh: '新得分', en: 'After' },
  impactDelta: { zh: '变化', en: 'Change' },
  impactWhy: { zh: '原因', en: 'Why' },
  // column mapping
  mapTitle: { zh: '列映射：没有识别出表头，请指定各列', en: 'Column mapping: the header was not recognised; map the columns' },
  mapTitleApplied: { zh: '列映射（已应用）', en: 'Column mapping (applied)' },
  mapHeaderRow: { zh: '表头行', en: 'Header row' },
  mapLine: { zh: '第 {n} 行', en: 'line {n}' },
  mapColumn: { zh: '第 {n} 列', en: 'column {n}' },
  mapHeader: { zh: '表头', en: 'Header' },
  mapField: { zh: '对应字段', en: 'Field' },
  mapUnused: { zh: '（不使用）', en: '(not used)' },
  mapGuessed: { zh: '猜测', en: 'guessed' },
  mapApply: { zh: '应用映射并评分', en: 'Apply the mapping and score' },
  mapClear: { zh: '取消映射', en: 'Drop the mapping' },
  mapNeed: { zh: '至少需要：指标名称列、目标值或实际值列、分值或得分列', en: 'Needed at least: a name column, a target or actual column, a weight or score column' },
  mapDuplicate: { zh: '“{f}”被指定给了多列', en: '"{f}" is mapped to more than one column' },
  mapApplied: { zh: '已按列映射读取填报表', en: 'The filing was read with the column mapping' },
  mapGo: { zh: '指定各列…', en: 'Map the columns…' },
  mapNotice: { zh: '填报表的表头没有识别出来：可以在“填报表”页手动指定各列。', en: "The filing's header was not recognised: map its columns on the Filing tab." },
  // filing grid and JSON editing
  filingModeGrid: { zh: '表格', en: 'Grid' },
  filingModePaste: { zh: '粘贴', en: 'Paste' },
  filingMode: { zh: '填报表编辑方式', en: 'How to edit the filing' },
  gridLevel1: { zh: '一级指标', en: 'Level 1' },
  gridLevel2: { zh: '二级指标', en: 'Level 2' },
  gridLevel3: { zh: '三级指标', en: 'Level 3' },
  gridTarget: { zh: '年度指标值/目标', en: 'Target' },
  gridActual: { zh: '实际完成值', en: 'Actual' },
  gridStated: { zh: '得分', en: 'Score' },
  gridReason: { zh: '偏差原因', en: 'Reason for deviation' },
  gridIndicatorValue: { zh: '指标值列', en: 'indicator-value column' },
  gridInitialBudget: { zh: '年初预算数', en: 'Initial budget' },
  gridBudget: { zh: '全年预算数', en: 'Full-year budget' },
  gridSpent: { zh: '全年执行数', en: 'Spent' },
  gridBudgetBlock: { zh: '预算执行（万元）', en: 'Budget execution (10k yuan)' },
  gridStatedTotal: { zh: '总分（填报）', en: 'Total (stated)' },
  gridRows: { zh: '绩效指标', en: 'Indicators' },
  gridAddRow: { zh: '添加一行', en: 'Add a row' },
  gridDeleteRow: { zh: '删除该行', en: 'Delete the row' },
  gridKeys: {
    zh: 'Tab 在单元格间移动，Enter 移到下一行；Ctrl+Enter 在下方插入一行，Ctrl+Delete 删除该行',
    en: 'Tab moves across cells, Enter moves down; Ctrl+Enter inserts a row below, Ctrl+Delete deletes the row',
  },
  gridNotNumber: { zh: '应为数字（留空表示没有填）', en: 'A number is expected (empty means not filled in)' },
  gridNoFiling: { zh: '填报表无法读取：请在“粘贴”中改正，或恢复样例填报表', en: 'The filing cannot be read: fix it under Paste, or restore the example filing' },
  jsonHint: { zh: '可以直接编辑 JSON：通过校验后替换填报表并重新评分', en: 'Edit the JSON directly: once it validates it replaces the filing and is scored' },
  jsonInvalid: { zh: 'JSON 未通过校验，评分仍是上一次有效填报表的结果：', en: 'The JSON does not validate; the score is still that of the last valid filing:' },
  jsonEditor: { zh: 'JSON 填报表', en: 'JSON filing' },
  // findings
  findingRowHint: { zh: '点击选中该行', en: 'Click to select its row' },
  findingEditorHint: { zh: '点击在编辑器中显示', en: 'Click to show it in the editor' },
  rowRuleHint: { zh: '在编辑器中显示计分规则', en: 'Show the scoring rule in the editor' },
  notInTemplate: {
    zh: '编辑器中的模板没有写出“{name}”（可能来自所继承的模板）',
    en: 'The template in the editor does not declare "{name}" (it may come from the parent template)',
  },
  // workspace mode (served by jixiao serve): its words live beside it
  ...workspaceWords,
  // punctuation and places
  colon: { zh: '：', en: ': ' },
  lineN: { zh: '第 {n} 行', en: 'line {n}' },
  position: { zh: '第 {line} 行第 {column} 列', en: 'line {line}, column {column}' },
  helpLabel: { zh: '怎么改：', en: 'What to do: ' },
  // trust in the headline, scaling
  trustTitle: { zh: '这个得分基于有 {n} 个错误的填报表，还不能作为结果。', en: 'This score rests on a filing with {n} error(s): it is not a result yet.' },
  trustText: { zh: '请先更正下面列出的错误；更正之前，总分和等级只供参考。', en: 'Correct the errors listed below first; until then the total and the grade are provisional.' },
  provisional: { zh: '待更正', en: 'provisional' },
  scaledTag: { zh: '按比例折算', en: 'Scaled' },
  scaledText: { zh: '各行分值合计 {sum}，不等于分值 {cap}，得分按比例折算：', en: "the rows' weights sum to {sum}, not the cap {cap}, so the score is scaled:" },
  calculation: { zh: '计算过程', en: 'Calculation' },
  barLabel: { zh: '{name} 得分 {score} / {cap}', en: '“{name}”: {score} of {cap}' },
  // findings
  timesN: { zh: '共 {n} 处', en: '{n} times' },
  fixApply: { zh: '一键修复', en: 'Fix' },
  docOpen: { zh: '查看 {code} 的说明', en: 'What {code} means' },
  docTitle: { zh: '问题代码说明', en: 'What the code means' },
  docLoading: { zh: '正在载入说明…', en: 'Loading the explanation…' },
  docMissing: { zh: '没有找到 {code} 的说明', en: 'No explanation of {code} was found' },
  close: { zh: '关闭', en: 'Close' },
  notesKept: { zh: '读取粘贴的原表时的提示（改用表格或 JSON 编辑后仍保留）', en: 'Notes from reading the pasted table (kept after editing in the grid or as JSON)' },
  notesDismiss: { zh: '知道了，关闭这些提示', en: 'Got it, dismiss these notes' },
  otherFormTitle: { zh: '填报表是“{form}”表，而模板是“{template}”。', en: 'The filing is a “{form}” form; the template is “{template}”.' },
  otherFormText: {
    zh: '它的 {n} 行一级指标都不在这个模板中，按这个模板评分没有意义。',
    en: 'Its {n} rows name sections this template does not have: scoring it under this template means nothing.',
  },
  otherFormUse: { zh: '改用“{form}”模板', en: 'Use the “{form}” template' },
  otherFormSample: { zh: '恢复“{form}”样例填报表', en: 'Restore the “{form}” sample filing' },
  // the filing tab
  resetFilingOf: { zh: '恢复样例填报表（{form}）', en: 'Restore the sample filing ({form})' },
  filingPlaceholder: { zh: '在这里粘贴（Ctrl+V）从 Excel 或 WPS 复制的整张自评表', en: 'Paste (Ctrl+V) the whole self-evaluation table copied from Excel or WPS here' },
  filingAligned: { zh: '粘贴的表格，按列对齐（左边是行号）', en: 'The pasted table, aligned by column (line numbers on the left)' },
  filingAlignedJson: {
    zh: '填报表现在是 JSON（在表格或 JSON 页编辑过），请在“表格”中查看',
    en: 'The filing is JSON now (edited in the grid or on the JSON tab): see it under Grid',
  },
  filingAlignedEmpty: { zh: '还没有粘贴表格', en: 'Nothing pasted yet' },
  gridTargetShort: { zh: '目标', en: 'Target' },
  gridActualShort: { zh: '实际', en: 'Actual' },
  gridRowN: { zh: '第 {n} 行', en: 'Row {n}' },
  legendError: { zh: '有错误', en: 'error' },
  legendWarning: { zh: '有警告', en: 'warning' },
  legendInfo: { zh: '提示', en: 'note' },
  legendHow: { zh: '框出的行：光标移到该行的格子里，表格下方显示原因', en: 'Outlined rows: move into one of their cells to read why, under the grid' },
  // the editor
  editorLoading: { zh: '正在打开编辑器…', en: 'Opening the editor…' },
  editorLoadFailed: { zh: '编辑器没能打开（网络中断？），再点一下模板重试', en: 'The editor could not be opened (network down?): click the template to try again' },
  editorViewHint: { zh: '点击模板或用 Tab 键进入即可编辑', en: 'Click the template, or move into it with Tab, to edit it' },
  snipSection: { zh: '插入一整行一级指标（单位填报）', en: 'Insert a whole level-1 indicator line (filled in by units)' },
  snipSectionChildren: { zh: '插入一级指标及其二级指标', en: 'Insert a level-1 indicator with level-2 indicators' },
  snipRule: { zh: '插入一条计分规则的框架', en: 'Insert the skeleton of a scoring rule' },
  snipDeduction: { zh: '插入一条扣分', en: 'Insert a deduction' },
  snipGrades: { zh: '插入等级划分', en: 'Insert the grade bands' },
  snipIf: { zh: '插入 如果 … 则 … 否则 …', en: 'Insert 如果 … 则 … 否则 … (if … then … else …)' },
  // layout
  leftPane: { zh: '模板', en: 'Template' },
  rightPane: { zh: '填报表与评分', en: 'Filing and score' },
  dividerLabel: { zh: '调整左右两栏的宽度', en: 'Resize the two panes' },
  dividerHint: { zh: '拖动，或按 ← → 键调整宽度', en: 'Drag it, or use ← → to resize' },
  // the 对比 tab
  diffResolved: { zh: '比较展开继承后的模板（实际生效的规则）', en: 'Compare the templates with “继承” resolved (the rules in force)' },
  diffResolvedNote: { zh: '已展开继承，不含注释', en: 'resolved, without comments' },
  diffFilesLabel: { zh: '再看对多份填报表的影响：', en: 'Impact on more filings:' },
  diffFilesPick: { zh: '选择填报表文件…', en: 'Choose filing files…' },
  diffFilesExamples: { zh: '载入样例填报表', en: 'Load the sample filings' },
  diffFilesClear: { zh: '清空', en: 'Clear' },
  diffFilesCount: { zh: '已载入 {n} 份', en: '{n} loaded' },
  setTitle: { zh: '对已载入的填报表的影响', en: 'Impact on the loaded filings' },
  setFiling: { zh: '填报表', en: 'Filing' },
  setSummary: { zh: '{n} 份中 {moved} 份总分变化，{graded} 份等级变化', en: '{moved} of {n} change their total, {graded} their grade' },
  diffFormulas: { zh: '改动前后的公式', en: 'The formulas before and after' },
  // the guided start
  guideOpen: { zh: '入门指引', en: 'Getting started' },
  guidePrev: { zh: '上一步', en: 'Back' },
  guideNext: { zh: '下一步', en: 'Next' },
  guideDone: { zh: '完成', en: 'Done' },
  guideClose: { zh: '关闭', en: 'Close' },
  guideNever: { zh: '不再显示', en: 'Do not show again' },
  guideStep: { zh: '第 {i} 步，共 {n} 步', en: 'Step {i} of {n}' },
  guide1Title: { zh: '左边是规则，右边是填报表和得分', en: 'Rules on the left, the filing and its score on the right' },
  guide1Text: {
    zh: '左栏是评分模板：各项指标的分值和计分规则。右栏是一份填报表按这个模板算出的得分、发现的问题和各行的计算过程。中间的分隔条可以拖动。',
    en: 'The left pane is the scoring template: the weights of the indicators and the scoring rules. The right pane shows a filing scored under it: the total, the problems found and how each row was computed. Drag the bar between them to resize.',
  },
  guide2Title: { zh: '粘贴一张自评表', en: 'Paste a self-evaluation table' },
  guide2Text: {
    zh: '在 Excel 或 WPS 中选中整张自评表（连同标题和表头）复制，打开“填报表”页，在文本框中粘贴（Ctrl+V）。表格会按列对齐显示，得分立即更新；表头认不出时会请你指定各列。',
    en: 'Select the whole table in Excel or WPS (with its title and header), copy it, open the Filing tab and paste it into the text box (Ctrl+V). It is shown aligned and scored at once; if its header is not recognised you are asked to map the columns.',
  },
  guide3Title: { zh: '试着改一处规则', en: 'Try a change of the rules' },
  guide3Text: {
    zh: '点击左栏的模板即可编辑：比如把某个一级指标的分值改一改，右栏的得分和问题会随之变化；出错时有红色波浪线，带灯泡的错误可以一键修复。“对比”页可以比较两个年度的规则及其影响。',
    en: 'Click the template to edit it: change the weight of a level-1 indicator, say, and the score and the problems on the right follow. Errors are underlined in red; those with a light bulb can be fixed in one click. The Diff tab compares the rules of two years and their impact.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof table;

/** The page's text for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return table[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/**
 * The page's words in the current language. The language is page state (it lives in the
 * store), so this module keeps none: `words` binds the lookups to wherever it is read from.
 * The functions are plain closures, so `const { t, pick } = w` is safe.
 */
export interface Words {
  lang(): Lang;
  t(key: Key, vars?: Record<string, string | number>): string;
  /** Pick the current language from a bilingual message. */
  pick(m: Message): string;
}

export function words(lang: () => Lang): Words {
  return {
    lang,
    t: (key, vars) => translate(lang(), key, vars),
    pick: (m) => m[lang()],
  };
}
