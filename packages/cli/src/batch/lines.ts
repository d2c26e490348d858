// The lines of an NDJSON file, read in large chunks and split as bytes: a batch of a million
// filings reads gigabytes, and a promise per line (readline's async iterator) costs as much
// as scoring. Lines end as readline ends them (crlfDelay Infinity): at \n, \r\n or a lone
// \r, a \r\n split between two chunks being one end; the last line needs no end. Empty
// lines are counted, so that every line keeps its number.
//
// Splitting bytes rather than text lets --jobs N hand the bytes to the workers, which
// decode them: the main thread does not decode the file. Line ends are ASCII bytes, which
// are never part of a UTF-8 sequence, and a decoder ends any sequence it holds at an ASCII
// byte, so a line decoded alone reads as it reads in the decoded file (invalid bytes as
// U+FFFD, as readline reads them; test/lines.test.ts holds the two to the same lines).
import { createReadStream } from 'node:fs';

/** Complete lines in `bytes`: line k is bytes[starts[k], ends[k]), numbered firstNo + k. */
export interface LineChunk {
  bytes: Buffer;
  starts: number[];
  ends: number[];
  firstNo: number;
}

const LF = 10;
const CR = 13;

/** Splits bytes, given chunk after chunk, into lines. */
export class LineSplitter {
  /** the bytes of a line begun and not yet ended (a line longer than a chunk spans several) */
  private rest: Buffer[] = [];
  private no = 0;
  /** the last chunk ended in \r: a \n beginning the next one ends no second line */
  private afterCr = false;

  /** The lines that `chunk` completes, with the bytes they lie in; null when none. */
  push(chunk: Buffer): LineChunk | null {
    let piece = chunk;
    if (this.afterCr && piece.length > 0) {
      this.afterCr = false;
      if (piece[0] === LF) piece = piece.subarray(1);
    }
    if (piece.length === 0) return null;
    const noCr = piece.indexOf(CR) < 0;
    if (noCr && piece.indexOf(LF) < 0) {
      this.rest.push(piece);
      return null;
    }
    const bytes = this.rest.length > 0 ? Buffer.concat([...this.rest, piece]) : piece;
    this.rest = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let start = 0;
    if (noCr) {
      // the common case: \n only, found by indexOf
      for (let nl = bytes.indexOf(LF); nl >= 0; nl = bytes.indexOf(LF, start)) {
        starts.push(start);
        ends.push(nl);
        start = nl + 1;
      }
    } else {
      for (let i = 0; i < bytes.length; i++) {
        const c = bytes[i];
        if (c !== LF && c !== CR) continue;
        starts.push(start);
        ends.push(i);
        if (c === CR) {
          if (i + 1 === bytes.length) this.afterCr = true;
          else if (bytes[i + 1] === LF) i++;
        }
        start = i + 1;
      }
    }
    if (start < bytes.length) this.rest.push(bytes.subarray(start));
    const firstNo = this.no + 1;
    this.no += starts.length;
    return { bytes, starts, ends, firstNo };
  }

  /** The last line, when the file does not end with a line end. */
  end(): LineChunk | null {
    if (this.rest.length === 0) return null;
    const bytes = Buffer.concat(this.rest);
    this.rest = [];
    return { bytes, starts: [0], ends: [bytes.length], firstNo: ++this.no };
  }
}

/** The lines of a file, a chunk's worth at a time. */
export async function* readLineChunks(path: string, chunkBytes = 1 << 20): AsyncGenerator<LineChunk> {
  const split = new LineSplitter();
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const lines = split.push(chunk as Buffer);
    if (lines) yield lines;
  }
  const last = split.end();
  if (last) yield last;
}

/** A line's text: its bytes decoded as UTF-8 (a byte order mark kept, as readline keeps it). */
export function lineText(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end);
}
