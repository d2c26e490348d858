// The lines of an NDJSON file, read in large chunks: a batch of a million filings reads
// gigabytes, and a promise per line (readline's async iterator) costs as much as scoring.
// Lines end as readline ends them (crlfDelay Infinity): at \n, \r\n or a lone \r, a \r\n
// split between two chunks being one end; the last line needs no end. Empty lines are
// counted, so that every line keeps its number.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface Line {
  /** 1-based, counting every line of the file */
  no: number;
  text: string;
}

/** Splits text, given chunk after chunk, into lines. */
export class LineSplitter {
  private rest = '';
  private no = 0;
  /** the last chunk ended in \r: a \n beginning the next one ends no second line */
  private afterCr = false;

  /** The lines that `chunk` completes. */
  push(chunk: string, out: Line[]): void {
    let text = chunk;
    if (text === '') return;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === 10) text = text.slice(1);
    }
    let start = 0;
    if (text.indexOf('\r') < 0) {
      // the common case: \n only, found by indexOf
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        out.push({ no: ++this.no, text: this.take(text, start, nl) });
        start = nl + 1;
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        out.push({ no: ++this.no, text: this.take(text, start, i) });
        if (c === 13) {
          if (i + 1 === text.length) this.afterCr = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
    }
    this.rest += text.slice(start);
  }

  /** The last line, when the text does not end with a line end. */
  end(out: Line[]): void {
    if (this.rest.length > 0) out.push({ no: ++this.no, text: this.rest });
    this.rest = '';
  }

  private take(text: string, from: number, to: number): string {
    const line = this.rest + text.slice(from, to);
    this.rest = '';
    return line;
  }
}

/** The lines of a UTF-8 file, a chunk's worth at a time (invalid bytes read as U+FFFD, as readline reads them). */
export async function* readLines(path: string, chunkBytes = 1 << 20): AsyncGenerator<Line[]> {
  const decoder = new StringDecoder('utf8');
  const split = new LineSplitter();
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const lines: Line[] = [];
    split.push(decoder.write(chunk as Buffer), lines);
    if (lines.length > 0) yield lines;
  }
  const last: Line[] = [];
  split.push(decoder.end(), last);
  split.end(last);
  if (last.length > 0) yield last;
}
