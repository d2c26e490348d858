// Matching what a filing calls its level-1 indicators to the template's sections.
// Real tables write "满意度指标" for 服务对象满意度, "产出指标(70分)" for 产出指标,
// or drop a character in OCR ("务对象满意度"); matching tries, in order: the exact name
// or an alias, the normalised name, then containment either way.
import type { SectionModel } from '@jixiao/compiler';

/** Strip caps in brackets, the 指标 suffix, quotes, spaces and punctuation. */
export function normaliseName(s: string): string {
  return s
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s“”"'‘’「」『』《》、，,。.:：]/g, '')
    .replace(/指标$/, '')
    .trim();
}

export interface SectionMatch {
  section: SectionModel;
  how: 'exact' | 'alias' | 'normalised' | 'contains';
}

export function matchSection(sections: readonly SectionModel[], name: string): SectionMatch | null {
  for (const s of sections) if (s.name === name) return { section: s, how: 'exact' };
  for (const s of sections) if (s.aliases.includes(name)) return { section: s, how: 'alias' };
  const n = normaliseName(name);
  if (n === '') return null;
  for (const s of sections) if ([s.name, ...s.aliases].some((a) => normaliseName(a) === n)) return { section: s, how: 'normalised' };
  // Containment is only trusted when it picks exactly one section.
  const hits = sections.filter((s) =>
    [s.name, ...s.aliases].some((a) => {
      const m = normaliseName(a);
      return m.length >= 2 && n.length >= 2 && (m.includes(n) || n.includes(m));
    }),
  );
  return hits.length === 1 ? { section: hits[0]!, how: 'contains' } : null;
}
