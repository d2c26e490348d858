// Rows of a flat table (one indicator column: 指标名称 | 计量单位 | 指标性质 | 指标值 | …)
// have no level-1 or level-2 names. Scoring places each under the template indicator of
// the same name (its name, an alias, or the same name once caps, quotes and a closing 指标
// are set aside), and says where; a name the template does not have, or has more than
// once, is said too, never guessed by likeness.

import type { CheckedTemplate, SectionModel } from '@jixiao/compiler';
import type { Filing, IndicatorRow } from '../filing/model.ts';
import { quote } from '../filing/message.ts';
import type { Finding } from '../score/findings.ts';
import { normaliseName } from '../score/match.ts';

/** Every section of the template with the names of its ancestors and its own. */
function allSections(t: CheckedTemplate): { s: SectionModel; path: string[] }[] {
  const out: { s: SectionModel; path: string[] }[] = [];
  const walk = (s: SectionModel, path: string[]) => {
    out.push({ s, path });
    for (const c of s.children) walk(c, [...path, c.name]);
  };
  for (const s of t.sections) walk(s, [s.name]);
  return out;
}

function sameName(s: SectionModel, name: string): boolean {
  if (s.name === name || s.aliases.includes(name)) return true;
  const n = normaliseName(name);
  return n !== '' && [s.name, ...s.aliases].some((a) => normaliseName(a) === n);
}

/** A row no level column names: level 1 and 2 empty, the name in level 3. */
function isFlat(row: IndicatorRow): boolean {
  return row.level1 === '' && row.level2 === '' && row.level3 !== '';
}

/** The filing with its flat rows placed under the template's indicators, and a finding for each row that cannot be placed. */
export function placeFlatRows(t: CheckedTemplate, filing: Filing): { filing: Filing; findings: Finding[] } {
  if (!filing.rows.some(isFlat)) return { filing, findings: [] };
  const sections = allSections(t);
  const findings: Finding[] = [];
  const rows = filing.rows.map((row) => {
    if (!isFlat(row)) return row;
    const name = row.level3;
    const hits = sections.filter((x) => sameName(x.s, name));
    if (hits.length === 1) {
      // said once for the table at import (IMP009); the report's row shows where it went
      const path = hits[0]!.path;
      return { ...row, level1: path[0]!, level2: path[1] ?? '', level3: path[2] ?? '' };
    }
    const why =
      hits.length === 0
        ? { zh: '模板中没有同名的指标', en: 'the template has no indicator of that name' }
        : {
            zh: `模板中有 ${hits.length} 个同名的指标（${hits.map((h) => h.path.join(' › ')).join('；')}）`,
            en: `the template has ${hits.length} indicators of that name (${hits.map((h) => quote(h.path.join(' › '))).join('; ')})`,
          };
    findings.push({
      code: 'IMP029',
      severity: 'warning',
      path: [name],
      message: {
        zh: `指标 ${quote(name)} 没有一级、二级指标，${why.zh}，无法确定它属于哪个一级指标，不计分`,
        en: `indicator ${quote(name)} has no level-1 or level-2 indicator and ${why.en}; its section cannot be told and it is not scored`,
      },
      help: { zh: '在表中补上一级、二级指标列，或改用模板中的指标名称', en: "add the level-1 and level-2 columns to the table, or use the template's indicator names" },
      data: { name, matches: hits.map((h) => h.path) },
    });
    return row;
  });
  return { filing: { ...filing, rows }, findings };
}
