// Indicator names as cells write them: quotes around them, caps inside them.

const QUOTES = /^[“”"'‘’「」『』]+|[“”"'‘’「」『』]+$/g;

export function stripNameQuotes(name: string): string {
  return name.replace(QUOTES, '').trim();
}

/** "产出指标(70分)" / "产出指标（70分）" / "产出指标 70分" → name and cap. */
export function splitCap(text: string): { name: string; cap: number | null } {
  const m = /^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/.exec(text) ?? /^(.*?[^\d\s.])\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(text);
  if (m && m[1]!.trim() !== '') return { name: m[1]!.trim(), cap: Number(m[2]) };
  return { name: text, cap: null };
}
