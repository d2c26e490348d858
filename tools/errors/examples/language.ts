// docs/errors.md: the language family (JX0), an example and a fix per code.
import { LANGUAGE_CODES } from '../../../packages/language/src/index.ts';
import type { Example, Family } from '../family.ts';

const examples: Record<string, Example> = {
  JX0001: {
    trigger: { kind: 'source', text: '模板 部门整体支出 2023 {\n  总分 100 分\n  一级指标 党建工作@ 分值 10 分 { 单位填报 }\n}\n' },
    fix: {
      zh: '名称中含有标点、括号或空格时加引号，如 `"党建工作(项)"`；删去从其他文档带入的特殊符号。',
      en: 'Quote names that contain punctuation, brackets or spaces, e.g. `"党建工作(项)"`; delete stray symbols pasted from other documents.',
    },
  },
  JX0002: {
    trigger: { kind: 'source', text: '模板 部门整体支出 2023 {\n  总分 100 分\n  一级指标 部门管理 分值 20 分 { 单位填报 }\n' },
    fix: {
      zh: '按提示补上缺少的部分（常见：漏写 `}`、`分值`、区间的 `..`）；写法见 docs/dsl.md。',
      en: 'Add what the message says is missing (often a `}`, `分值`, or the `..` of a range); see docs/dsl.md for the syntax.',
    },
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
};

export const language: Family = {
  id: 'language',
  file: 'tools/errors/examples/language.ts',
  heading: 'JX0001–JX0099 模板语法 (template syntax)',
  intro: {
    zh: '读取 `.jx` 模板文件时报告（`jixiao check`、评分前加载模板、演练场）。位置是 `文件:行:列`。有语法错误时不再做后面的检查。',
    en: 'Reported while reading a `.jx` template (`jixiao check`, loading a template before scoring, the playground), located at `file:line:column`. A template with a syntax error is not checked further.',
  },
  catalogue: LANGUAGE_CODES,
  examples,
};
