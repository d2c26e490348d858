// Grammar-aware mutation for fuzzing: start from valid templates (the official ones and
// generated ones), lex them, and damage the token stream the way hands and copy-paste
// do — delete, duplicate, swap and insert tokens, splice in random Unicode, huge
// numbers and deep nesting. A seeded PRNG keeps every run reproducible.
import { JxLexer } from '@jixiao/language';

export { prng } from '../support/prng.ts';

const extras = [
  '{',
  '}',
  '(',
  ')',
  '（',
  '）',
  '，',
  '；',
  '..',
  '%',
  '分',
  '≥',
  '<=',
  '=',
  '如果',
  '则',
  '否则',
  '得分',
  '=',
  '权重',
  '实际',
  '目标',
  '一级指标',
  '分值',
  '单位填报',
  '规则',
  '适用',
  '模板',
  '继承',
  '1e308',
  '99999999999999999999999',
  '0.0000000001',
  '-',
  '*',
  '/',
  '"',
  '“',
  '”',
  '#',
  '\n',
  '\u2028',
  '\u0000',
  '\uFFFF',
  '𠀀',
  '__proto__',
  'constructor',
  '${x}',
  '*/',
];

const unicodeChunk = (r: () => number) => {
  let s = '';
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) s += String.fromCodePoint(Math.floor(r() * 0x2ffff));
  return s;
};

/** Split into token images and the whitespace/comments between them, so joining is lossless. */
export function pieces(text: string): string[] {
  const toks = JxLexer.tokenize(text).tokens;
  const out: string[] = [];
  let last = 0;
  for (const t of toks) {
    if (t.startOffset > last) out.push(text.slice(last, t.startOffset));
    out.push(t.image);
    last = t.startOffset + t.image.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function mutate(base: string[], r: () => number): string {
  const p = base.slice();
  const ops = 1 + Math.floor(r() * 4);
  const at = () => Math.floor(r() * (p.length + 1));
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(r() * 8);
    const i = at();
    switch (op) {
      case 0:
        p.splice(i, 1);
        break;
      case 1:
        p.splice(i, 0, p[i] ?? '}');
        break;
      case 2: {
        const j = at();
        [p[i], p[j]] = [p[j] ?? '', p[i] ?? ''];
        break;
      }
      case 3:
        p.splice(i, 0, ' ', extras[Math.floor(r() * extras.length)]!, ' ');
        break;
      case 4:
        p.splice(i, 0, unicodeChunk(r));
        break;
      case 5:
        p.splice(i, 1, String(Math.floor(r() * 1e9)) + '0'.repeat(Math.floor(r() * 400)));
        break;
      case 6: {
        const n = Math.floor(r() * 300);
        p.splice(i, 0, '('.repeat(n), '权重', ')'.repeat(Math.floor(r() * n)));
        break;
      }
      default:
        p.splice(i, Math.floor(r() * 20));
        break;
    }
  }
  return p.join('');
}
