// The semantic diff of two checked templates (usually two years of one form): what a
// policy officer changed, per area and per indicator, not which lines of text moved.
// Isomorphic: the CLI prints it, the playground shows it.
import type { CheckedTemplate, GradeBand, SectionModel, TierModel } from '@jixiao/compiler';
import { formatNumber } from '@jixiao/compiler';
import { quote, type Message } from '@jixiao/language';
import { formulaChangeWords } from './words.ts';

export type DiffArea = 'titles' | 'total' | 'rounding' | 'grades' | 'tiers' | 'rules' | 'indicators' | 'deductions' | 'aggregation';
export type DiffChange = 'added' | 'removed' | 'renamed' | 'changed';

export interface DiffItem {
  area: DiffArea;
  change: DiffChange;
  /** what changed: an indicator's path of names (new names), or a rule/grade/tier/deduction name */
  path: string[];
  /**
   * which property changed (for `changed`): weight, kind, formula, rule, aliases, shapes, negatives,
   * band, range, perItemMax, totalMax, floor, value, decimals, mode, how, titles
   */
  field?: string;
  /** old and new value as text (a formula printed as `fmt` writes it); null when absent */
  from: string | null;
  to: string | null;
  message: Message;
  /** a formula change in words, one line per case added, removed or changed (formula changes only) */
  details?: Message[];
}

export interface TemplateDiff {
  from: { form: string; year: number };
  to: { form: string; year: number };
  changes: DiffItem[];
}

export const AREA_LABEL: Record<DiffArea, Message> = {
  titles: { zh: '标题', en: 'titles' },
  total: { zh: '总分', en: 'total' },
  rounding: { zh: '保留小数', en: 'rounding' },
  grades: { zh: '等级', en: 'grades' },
  tiers: { zh: '定性分档', en: 'tiers' },
  rules: { zh: '规则', en: 'rules' },
  indicators: { zh: '指标', en: 'indicators' },
  deductions: { zh: '扣分', en: 'deductions' },
  aggregation: { zh: '汇总', en: 'aggregation' },
};

const ROUNDING_ZH = { 'half-up': '四舍五入', truncate: '截断', 'half-even': '银行家舍入' } as const;
const KIND_ZH = { formula: '得分公式', fixed: '固定下级指标', filled: '单位填报', leaf: '按规则计分' } as const;
const AGG_WHAT = { absolute: '绝对值', relative: '相对值', qualitative: '定性' } as const;
const AGG_HOW = { sum: '累加', 'funding-weighted': '按资金加权', mean: '平均' } as const;
const SHAPE_TEXT = (s: string) => (s === 'qualitative' ? '定性' : s === 'deadline' ? '期限' : s);

/** A grade band as policy staff write it: `≥ 90`, `80..90`, `< 60`, `其余`. */
export function bandText(b: GradeBand): string {
  const lo = Number.isFinite(b.lo);
  const hi = Number.isFinite(b.hi);
  if (lo && hi) return b.lo === b.hi ? `= ${formatNumber(b.lo)}` : `${formatNumber(b.lo)}..${formatNumber(b.hi)}`;
  if (lo) return `${b.loClosed ? '≥' : '>'} ${formatNumber(b.lo)}`;
  if (hi) return `${b.hiClosed ? '≤' : '<'} ${formatNumber(b.hi)}`;
  return '其余';
}

const pct = (e: { value: number }) => `${formatNumber(e.value * 100)}%`;
export function tierText(t: TierModel): string {
  return `${pct(t.lo)}..${pct(t.hi)}`;
}

class Out {
  readonly items: DiffItem[] = [];
  add(area: DiffArea, change: DiffChange, path: string[], field: string | undefined, from: string | null, to: string | null, zh: string, en: string): void {
    const d: DiffItem = { area, change, path, from, to, message: { zh, en } };
    if (field !== undefined) d.field = field;
    this.items.push(d);
  }
  /** the last change, in words too */
  detail(lines: { zh: string; en: string }[]): void {
    const d = this.items[this.items.length - 1];
    if (d && lines.length) d.details = lines;
  }
}

function listDiff(a: readonly string[], b: readonly string[]): { added: string[]; removed: string[] } {
  return { added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) };
}

function plusMinus(added: string[], removed: string[]): string {
  return [...added.map((x) => `+${x}`), ...removed.map((x) => `−${x}`)].join(' ');
}

/** In English the names added or removed are quoted: they are the template's own words. */
function plusMinusEn(added: string[], removed: string[]): string {
  return [...added.map((x) => `+${quote(x)}`), ...removed.map((x) => `−${quote(x)}`)].join(' ');
}

/** The semantic diff from template `a` to template `b`. */
export function diffTemplates(a: CheckedTemplate, b: CheckedTemplate): TemplateDiff {
  const out = new Out();

  // titles
  const titles = listDiff(a.titles, b.titles);
  if (titles.added.length || titles.removed.length)
    out.add(
      'titles',
      'changed',
      [],
      'titles',
      a.titles.join('、'),
      b.titles.join('、'),
      `标题 ${plusMinus(titles.added, titles.removed)}`,
      `titles ${plusMinusEn(titles.added, titles.removed)}`,
    );

  // total and rounding
  if (a.total.text !== b.total.text)
    out.add('total', 'changed', [], 'value', a.total.text, b.total.text, `总分 ${a.total.text} → ${b.total.text}`, `total ${a.total.text} → ${b.total.text}`);
  if (a.decimals !== b.decimals)
    out.add(
      'rounding',
      'changed',
      [],
      'decimals',
      String(a.decimals),
      String(b.decimals),
      `保留小数 ${a.decimals} 位 → ${b.decimals} 位`,
      `rounding places ${a.decimals} → ${b.decimals}`,
    );
  if (a.rounding !== b.rounding)
    out.add(
      'rounding',
      'changed',
      [],
      'mode',
      ROUNDING_ZH[a.rounding],
      ROUNDING_ZH[b.rounding],
      `舍入方式 ${ROUNDING_ZH[a.rounding]} → ${ROUNDING_ZH[b.rounding]}`,
      `rounding mode ${a.rounding} → ${b.rounding}`,
    );

  // grades, by name
  for (const g of b.grades) {
    const old = a.grades.find((x) => x.name === g.name);
    if (!old) out.add('grades', 'added', [g.name], undefined, null, bandText(g), `新增等级${quote(g.name)}${bandText(g)}`, `grade ${quote(g.name)} added: ${bandText(g)}`);
    else if (bandText(old) !== bandText(g))
      out.add(
        'grades',
        'changed',
        [g.name],
        'band',
        bandText(old),
        bandText(g),
        `等级${quote(g.name)}${bandText(old)} → ${bandText(g)}`,
        `grade ${quote(g.name)} ${bandText(old)} → ${bandText(g)}`,
      );
  }
  for (const g of a.grades)
    if (!b.grades.some((x) => x.name === g.name))
      out.add('grades', 'removed', [g.name], undefined, bandText(g), null, `删除等级${quote(g.name)}（${bandText(g)}）`, `grade ${quote(g.name)} removed (${bandText(g)})`);

  // tiers, by name
  for (const t of b.tiers) {
    const old = a.tiers.find((x) => x.name === t.name);
    if (!old) {
      out.add('tiers', 'added', [t.name], undefined, null, tierText(t), `新增定性分档${quote(t.name)}${tierText(t)}`, `tier ${quote(t.name)} added: ${tierText(t)}`);
      continue;
    }
    if (tierText(old) !== tierText(t))
      out.add(
        'tiers',
        'changed',
        [t.name],
        'range',
        tierText(old),
        tierText(t),
        `定性分档${quote(t.name)}${tierText(old)} → ${tierText(t)}`,
        `tier ${quote(t.name)} ${tierText(old)} → ${tierText(t)}`,
      );
    const al = listDiff(old.aliases, t.aliases);
    if (al.added.length || al.removed.length)
      out.add(
        'tiers',
        'changed',
        [t.name],
        'aliases',
        old.aliases.join('、'),
        t.aliases.join('、'),
        `定性分档${quote(t.name)}别名 ${plusMinus(al.added, al.removed)}`,
        `tier ${quote(t.name)} aliases ${plusMinusEn(al.added, al.removed)}`,
      );
  }
  for (const t of a.tiers)
    if (!b.tiers.some((x) => x.name === t.name))
      out.add('tiers', 'removed', [t.name], undefined, tierText(t), null, `删除定性分档${quote(t.name)}（${tierText(t)}）`, `tier ${quote(t.name)} removed (${tierText(t)})`);

  // rules, by name
  const negatives = (r: CheckedTemplate['rules'][number]) => r.negatives.map((v) => (v === 'actual' ? '实际' : '目标')).join(', ') || '（无）';
  const shapes = (r: CheckedTemplate['rules'][number]) => r.shapes.map(SHAPE_TEXT).join(', ') || '（仅由 采用 选用）';
  for (const r of b.rules) {
    const old = a.rules.find((x) => x.name === r.name);
    if (!old) {
      out.add(
        'rules',
        'added',
        [r.name],
        undefined,
        null,
        r.text,
        `新增规则${quote(r.name)}适用 ${shapes(r)}：得分 = ${r.text}`,
        `rule ${quote(r.name)} added, for ${shapes(r)}: score = ${r.text}`,
      );
      continue;
    }
    if (shapes(old) !== shapes(r))
      out.add(
        'rules',
        'changed',
        [r.name],
        'shapes',
        shapes(old),
        shapes(r),
        `规则${quote(r.name)}适用 ${shapes(old)} → ${shapes(r)}`,
        `rule ${quote(r.name)} applies to ${shapes(old)} → ${shapes(r)}`,
      );
    // 允许负数: which inputs may be negative is part of what a rule accepts
    if (negatives(old) !== negatives(r))
      out.add(
        'rules',
        'changed',
        [r.name],
        'negatives',
        negatives(old),
        negatives(r),
        `规则${quote(r.name)}允许负数 ${negatives(old)} → ${negatives(r)}`,
        `rule ${quote(r.name)} allows negative ${negatives(old)} → ${negatives(r)}`,
      );
    if (old.text !== r.text) {
      out.add(
        'rules',
        'changed',
        [r.name],
        'formula',
        old.text,
        r.text,
        `规则${quote(r.name)}得分 = ${old.text} → 得分 = ${r.text}`,
        `rule ${quote(r.name)} score = ${old.text} → score = ${r.text}`,
      );
      out.detail(formulaChangeWords(old.formula, r.formula, '权重'));
    }
  }
  for (const r of a.rules)
    if (!b.rules.some((x) => x.name === r.name))
      out.add(
        'rules',
        'removed',
        [r.name],
        undefined,
        r.text,
        null,
        `删除规则${quote(r.name)}（适用 ${shapes(r)}：得分 = ${r.text}）`,
        `rule ${quote(r.name)} removed (for ${shapes(r)}: score = ${r.text})`,
      );

  // indicators, recursively
  diffSections(a, b, a.sections, b.sections, [], out);

  // deductions, by name
  for (const d of b.deductions) {
    const old = a.deductions.find((x) => x.name === d.name);
    const desc = (x: typeof d) => `每项最多 ${x.perItemMax?.text ?? '—'} 分，合计最多 ${x.totalMax.text} 分，总分不低于 ${x.floor.text} 分`;
    if (!old) {
      out.add(
        'deductions',
        'added',
        [d.name],
        undefined,
        null,
        desc(d),
        `新增扣分${quote(d.name)}：${desc(d)}`,
        `deduction ${quote(d.name)} added: per item ${d.perItemMax?.text ?? '—'}, total ${d.totalMax.text}, floor ${d.floor.text}`,
      );
      continue;
    }
    const fields: [string, string, string, string][] = [
      ['perItemMax', '每项最多', 'per item max', ''],
      ['totalMax', '合计最多', 'total max', ''],
      ['floor', '总分不低于', 'floor', ''],
    ];
    for (const [f, zh, en] of fields) {
      const o = (old as unknown as Record<string, { text: string } | null>)[f]?.text ?? '—';
      const n = (d as unknown as Record<string, { text: string } | null>)[f]?.text ?? '—';
      if (o !== n) out.add('deductions', 'changed', [d.name], f, o, n, `扣分${quote(d.name)}${zh} ${o} 分 → ${n} 分`, `deduction ${quote(d.name)} ${en} ${o} → ${n}`);
    }
  }
  for (const d of a.deductions)
    if (!b.deductions.some((x) => x.name === d.name))
      out.add('deductions', 'removed', [d.name], undefined, d.totalMax.text, null, `删除扣分${quote(d.name)}`, `deduction ${quote(d.name)} removed`);

  // aggregation, by what is aggregated
  for (const what of ['absolute', 'relative', 'qualitative'] as const) {
    const o = a.aggregation.find((x) => x.what === what)?.how;
    const n = b.aggregation.find((x) => x.what === what)?.how;
    if (o === n) continue;
    const oz = o ? AGG_HOW[o] : '（未声明）';
    const nz = n ? AGG_HOW[n] : '（未声明）';
    out.add(
      'aggregation',
      o && n ? 'changed' : n ? 'added' : 'removed',
      [AGG_WHAT[what]],
      'how',
      o ? AGG_HOW[o] : null,
      n ? AGG_HOW[n] : null,
      `汇总${quote(AGG_WHAT[what])}${oz} → ${nz}`,
      `aggregation of ${what}: ${o ?? '(none)'} → ${n ?? '(none)'}`,
    );
  }

  return { from: { form: a.form, year: a.year }, to: { form: b.form, year: b.year }, changes: out.items };
}

function ruleName(t: CheckedTemplate, i: number | null): string | null {
  return i === null ? null : (t.rules[i]?.name ?? null);
}

function diffSections(ta: CheckedTemplate, tb: CheckedTemplate, as: readonly SectionModel[], bs: readonly SectionModel[], parent: string[], out: Out): void {
  const matched = new Set<SectionModel>();
  // A rename is recorded on the template that made it (重命名 → renamedFrom), whichever side
  // of the comparison that is: 2023 → 2024 finds it on the new section, 2024 → 2023 on the old.
  const renamed = (from: SectionModel, to: SectionModel) =>
    ((to.renamedFrom ?? []).includes(from.name) && !bs.some((y) => y.name === from.name)) || ((from.renamedFrom ?? []).includes(to.name) && !as.some((x) => x.name === to.name));
  const pairs: [SectionModel | null, SectionModel][] = bs.map((s) => {
    let old = as.find((x) => x.name === s.name && !matched.has(x));
    if (!old) old = as.find((x) => !matched.has(x) && renamed(x, s));
    if (old) matched.add(old);
    return [old ?? null, s];
  });
  const LEVEL = ['', '一级指标', '二级指标', '三级指标'];
  for (const [old, s] of pairs) {
    const path = [...parent, s.name];
    const where = path.join(' › ');
    if (!old) {
      out.add(
        'indicators',
        'added',
        path,
        undefined,
        null,
        s.weight.text,
        `新增${LEVEL[s.level]}${quote(where)}分值 ${s.weight.text}（${KIND_ZH[s.kind]}）`,
        `indicator ${quote(where)} added, weight ${s.weight.text} (${s.kind})`,
      );
      continue;
    }
    if (old.name !== s.name)
      out.add(
        'indicators',
        'renamed',
        path,
        'name',
        old.name,
        s.name,
        `${LEVEL[s.level]}${quote([...parent, old.name].join(' › '))}改名为${quote(s.name)}`,
        `indicator ${quote([...parent, old.name].join(' › '))} renamed to ${quote(s.name)}`,
      );
    if (old.weight.text !== s.weight.text)
      out.add(
        'indicators',
        'changed',
        path,
        'weight',
        old.weight.text,
        s.weight.text,
        `${quote(where)}分值 ${old.weight.text} → ${s.weight.text}`,
        `${quote(where)} weight ${old.weight.text} → ${s.weight.text}`,
      );
    if (old.kind !== s.kind)
      out.add(
        'indicators',
        'changed',
        path,
        'kind',
        KIND_ZH[old.kind],
        KIND_ZH[s.kind],
        `${quote(where)}计分方式 ${KIND_ZH[old.kind]} → ${KIND_ZH[s.kind]}`,
        `${quote(where)} scored by ${old.kind} → ${s.kind}`,
      );
    if ((old.formulaText ?? null) !== (s.formulaText ?? null)) {
      out.add(
        'indicators',
        'changed',
        path,
        'formula',
        old.formulaText,
        s.formulaText,
        `${quote(where)}得分 = ${old.formulaText ?? '—'} → 得分 = ${s.formulaText ?? '—'}`,
        `${quote(where)} score = ${old.formulaText ?? '—'} → ${s.formulaText ?? '—'}`,
      );
      if (old.formula && s.formula) out.detail(formulaChangeWords(old.formula, s.formula, '分值'));
    }
    const ro = old.kind === 'formula' ? null : ruleName(ta, old.pinnedRule);
    const rn = s.kind === 'formula' ? null : ruleName(tb, s.pinnedRule);
    if (ro !== rn)
      out.add(
        'indicators',
        'changed',
        path,
        'rule',
        ro,
        rn,
        `${quote(where)}采用规则 ${ro ?? '（按目标形状）'} → ${rn ?? '（按目标形状）'}`,
        `${quote(where)} uses rule ${ro ?? '(by target shape)'} → ${rn ?? '(by target shape)'}`,
      );
    // a rename keeps the old name as an alias: that is the rename, not an alias change (in
    // either direction: undoing a rename drops that alias)
    const implied = new Set([old.name, s.name, ...(s.renamedFrom ?? []), ...(old.renamedFrom ?? [])]);
    const al = listDiff(
      old.aliases.filter((x) => !(implied.has(x) && !s.aliases.includes(x))),
      s.aliases.filter((x) => !(implied.has(x) && !old.aliases.includes(x))),
    );
    if (al.added.length || al.removed.length)
      out.add(
        'indicators',
        'changed',
        path,
        'aliases',
        old.aliases.join('、'),
        s.aliases.join('、'),
        `${quote(where)}别名 ${plusMinus(al.added, al.removed)}`,
        `${quote(where)} aliases ${plusMinusEn(al.added, al.removed)}`,
      );
    diffSections(ta, tb, old.children, s.children, path, out);
  }
  for (const old of as) {
    if (matched.has(old)) continue;
    const where = [...parent, old.name].join(' › ');
    out.add(
      'indicators',
      'removed',
      [...parent, old.name],
      undefined,
      old.weight.text,
      null,
      `删除${LEVEL[old.level]}${quote(where)}（分值 ${old.weight.text}）`,
      `indicator ${quote(where)} removed (weight ${old.weight.text})`,
    );
  }
}
