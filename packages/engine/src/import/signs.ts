// Sign columns: a 计算符号 / 指标性质 column and a 计量单位 column beside the value
// (R3 四川 2023: 指标性质 | 指标值 | 度量单位) are joined into the one target text the value
// reader and the rules read, in whichever spelling the table writes its signs.

import { parseValue, type CmpOp } from '../filing/value.ts';

/**
 * Combine 计算符号 / value / 计量单位 columns into one target text ("≥" "90" "%" → "≥90%"),
 * which the value reader and the rules read as if the cell had said it.
 */
export function combine(op: string, value: string, unit: string): string {
  if (value === '') return '';
  let t = value;
  const sign = columnSign(op);
  // a value that states its own sign (≥90, 90以上) keeps it
  const own = parseValue(t);
  if (sign !== null && !(own.kind === 'number' && own.op !== null) && !/^[≥≤><=＞＜＝≧≦═]/.test(t)) t = `${sign}${t}`;
  if (unit !== '' && /\d$/.test(t) && !/^(—|-|\/)$/.test(unit)) t = `${t}${unit}`;
  return t;
}

/** A sign as a 指标性质 / 计算符号 column writes it, by the shape it gives the target. */
const COLUMN_SIGNS: [RegExp, CmpOp, string][] = [
  [/^(?:≥|≧|>=|=>|＞＝|大于等于|大于或等于|不低于|不少于|不小于|至少|(?:及|或)?以上|正向(?:指标)?)$/, '>=', '≥'],
  [/^(?:≤|≦|<=|=<|＜＝|小于等于|小于或等于|不高于|不多于|不大于|不超过|最多|(?:及|或)?以[内下]|之内|反向(?:指标)?)$/, '<=', '≤'],
  [/^(?:>|＞|大于|高于|超过)$/, '>', '>'],
  [/^(?:<|＜|小于|低于)$/, '<', '<'],
  [/^(?:=|＝|═|==|等于)$/, '=', '='],
];

/**
 * The prefix a sign column puts before the value: the sign as written where the value
 * reader reads it as a prefix (＞, 不低于), else its symbol (以上 → ≥, ═ → =), so that the
 * target reads with the shape the column gives; null for no sign (定性, 定量, a dash). A
 * sign no table uses is put before the value as written: the value then reads as unreadable
 * and scoring names it, rather than a guessed shape.
 */
function columnSign(op: string): string | null {
  const o = op.replace(/\s+/g, '');
  if (o === '' || /^(?:定性|定量|[—\-－/／])$/.test(o)) return null;
  for (const [re, shape, symbol] of COLUMN_SIGNS) {
    if (!re.test(o)) continue;
    const read = parseValue(`${o}1`);
    return read.kind === 'number' && read.op === shape ? o : symbol;
  }
  return o;
}
