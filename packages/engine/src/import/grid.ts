// Text pasted from Excel/WPS (TSV) → a grid of cells with their source positions.
//
// Excel writes rows separated by CRLF (WPS and editors often LF), cells by TAB, and
// quotes a cell that holds a newline, a tab or a double quote: "a\nb", with "" for
// a quote inside. A cell that merely starts with a quote but does not close as a
// quoted cell is read literally. A leading BOM is dropped.

import type { ImportDiagnostic } from './diagnostics.ts';
import { diag } from './diagnostics.ts';

export interface Cell {
  /** the cell text, trimmed of surrounding whitespace */
  text: string;
  /** 1-based line of the cell's first character in the pasted text (xlsx: row number) */
  line: number;
  /** 1-based column (in characters) of the cell's first character (xlsx: column number) */
  column: number;
}

export interface GridRow {
  cells: Cell[];
  /** 1-based line where the row starts (xlsx: row number) */
  line: number;
}

export interface Grid {
  rows: GridRow[];
}

export function trimCell(s: string): string {
  return s.replace(/^[\s\u00A0\u3000\uFEFF]+|[\s\u00A0\u3000\uFEFF]+$/g, '');
}

/** Parse TSV text into a grid. Never throws. */
export function parseTsv(input: string, diagnostics: ImportDiagnostic[] = []): Grid {
  let text = input;
  let offsetCol = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    offsetCol = 1;
  }
  const rows: GridRow[] = [];
  let line = 1;
  let col = 1 + offsetCol; // column of the next character
  let i = 0;
  const n = text.length;
  let cells: Cell[] = [];
  let rowLine = 1;

  const advance = (ch: string, next: string | undefined): void => {
    if (ch === '\n' || (ch === '\r' && next !== '\n')) {
      line++;
      col = 1;
    } else if (ch !== '\r') col++;
  };

  while (i <= n) {
    // start of a cell
    const cellLine = line;
    const cellCol = col;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      // try to read a quoted cell; it must close with " followed by TAB, EOL or EOF
      let j = i + 1;
      let buf = '';
      let closed = false;
      while (j < n) {
        const ch = text[j]!;
        if (ch === '"') {
          if (text[j + 1] === '"') {
            buf += '"';
            j += 2;
            continue;
          }
          const after = text[j + 1];
          if (after === undefined || after === '\t' || after === '\r' || after === '\n') closed = true;
          break;
        }
        buf += ch;
        j++;
      }
      if (closed) {
        quoted = true;
        for (let k = i; k <= j; k++) advance(text[k]!, text[k + 1]);
        i = j + 1;
        value = buf.replace(/\r\n/g, '\n');
      } else if (buf.includes('\n') || buf.includes('\t')) {
        diagnostics.push(
          diag('IMP012', 'warning', cellLine, cellCol, {
            zh: `第 ${cellLine} 行第 ${cellCol} 列：引号没有闭合，该单元格按原文读取`,
            en: `line ${cellLine}, column ${cellCol}: unterminated quote; the cell is read literally`,
          }),
        );
      }
    }
    if (!quoted) {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      value = text.slice(i, j);
      for (let k = i; k < j; k++) advance(text[k]!, text[k + 1]);
      i = j;
    }
    cells.push({ text: trimCell(value), line: cellLine, column: cellCol });
    // delimiter
    const d = text[i];
    if (d === '\t') {
      advance('\t', undefined);
      i++;
      continue;
    }
    // end of row (EOL or EOF)
    rows.push({ cells: trimTrailingEmpty(cells), line: rowLine });
    cells = [];
    if (d === undefined) break;
    if (d === '\r' && text[i + 1] === '\n') {
      i += 2;
    } else i++;
    line++;
    col = 1;
    rowLine = line;
    if (i === n) break; // a final newline does not open an empty row
  }
  return { rows };
}

function trimTrailingEmpty(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.text === '') end--;
  return cells.slice(0, end);
}

/** Build a grid from plain string rows (xlsx, tests). Positions are 1-based row/column numbers. */
export function gridFromRows(rows: string[][], firstLine = 1): Grid {
  return {
    rows: rows.map((r, ri) => ({
      line: firstLine + ri,
      cells: trimTrailingEmpty(r.map((t, ci) => ({ text: trimCell(t), line: firstLine + ri, column: ci + 1 }))),
    })),
  };
}
