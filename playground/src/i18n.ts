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
  tabHint: { zh: 'Ctrl+M：切换编辑器内 Tab 键是否移动焦点', en: 'Ctrl+M: toggle whether Tab moves focus out of the editor' },
  formatFailed: { zh: '模板有语法错误，无法格式化', en: 'The template has syntax errors; it cannot be formatted' },
  editorLabel: { zh: '模板编辑器', en: 'Template editor' },
  hoverWeight: { zh: '分值', en: 'weight' },
  hoverScore: { zh: '得分', en: 'score' },
  hoverRule: { zh: '规则', en: 'rule' },
  hoverApplies: { zh: '适用', en: 'applies to' },
  hoverUses: { zh: '采用', en: 'uses' },
  // years diff
  tabDiff: { zh: '对比 (diff)', en: 'Diff' },
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
  gridKeys: { zh: 'Tab 在单元格间移动，Enter 移到下一行；Ctrl+Enter 在下方插入一行，Ctrl+Delete 删除该行', en: 'Tab moves across cells, Enter moves down; Ctrl+Enter inserts a row below, Ctrl+Delete deletes the row' },
  gridNotNumber: { zh: '应为数字（留空表示没有填）', en: 'A number is expected (empty means not filled in)' },
  gridNoFiling: { zh: '填报表无法读取：请在“粘贴”中改正，或恢复样例填报表', en: 'The filing cannot be read: fix it under Paste, or restore the example filing' },
  jsonHint: { zh: '可以直接编辑 JSON：通过校验后替换填报表并重新评分', en: 'Edit the JSON directly: once it validates it replaces the filing and is scored' },
  jsonInvalid: { zh: 'JSON 未通过校验，评分仍是上一次有效填报表的结果：', en: 'The JSON does not validate; the score is still that of the last valid filing:' },
  jsonEditor: { zh: 'JSON 填报表', en: 'JSON filing' },
  // findings
  findingRowHint: { zh: '点击选中该行', en: 'Click to select its row' },
  findingEditorHint: { zh: '点击在编辑器中显示', en: 'Click to show it in the editor' },
  rowRuleHint: { zh: '在编辑器中显示计分规则', en: 'Show the scoring rule in the editor' },
  notInTemplate: { zh: '编辑器中的模板没有写出“{name}”（可能来自所继承的模板）', en: 'The template in the editor does not declare "{name}" (it may come from the parent template)' },
  // workspace mode (served by jixiao serve): its words live beside it
  ...workspaceWords,
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
