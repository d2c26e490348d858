// The lines of an NDJSON batch (batch/lines.ts) are the lines readline gives (crlfDelay
// Infinity), the way jixiao read them before: split as bytes at \n, \r\n and a lone \r,
// each decoded alone, whatever the chunk size, with invalid UTF-8, a byte order mark, a
// \r\n split between chunks and no line end after the last line.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineText, readLineChunks } from '../src/batch/lines.ts';
import { tempFile } from './run.ts';

async function byReadline(path: string, chunk: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: chunk }), crlfDelay: Infinity })) out.push(line);
  return out;
}

async function bySplitter(path: string, chunk: number): Promise<{ no: number; text: string }[]> {
  const out: { no: number; text: string }[] = [];
  for await (const { bytes, starts, ends, firstNo } of readLineChunks(path, chunk))
    for (let i = 0; i < starts.length; i++) out.push({ no: firstNo + i, text: lineText(bytes, starts[i]!, ends[i]!) });
  return out;
}

// bytes of every kind a file may hold: text, line ends, parts of multi-byte characters, invalid bytes
const piece = fc.oneof(
  fc.constantFrom('\n', '\r', '\r\n', '\n\n', '{"a":1}', ' ', '甘肃', '≥95%', '\uFEFF', '😀').map((s) => [...Buffer.from(s)]),
  fc.constantFrom([0xe7], [0x94, 0x98], [0xf0, 0x9f], [0x80], [0xff], [0xc3], [0xed, 0xa0, 0x80]),
  fc.uint8Array({ maxLength: 6 }).map((a) => [...a]),
);
const file = fc.array(piece, { maxLength: 40 }).map((ps) => Buffer.from(ps.flat()));

describe('the lines of an NDJSON batch', () => {
  it("are readline's lines, numbered from 1, for any bytes and any chunk size", async () => {
    const path = tempFile('lines.ndjson', '');
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        writeFileSync(path, bytes);
        const want = await byReadline(path, chunk);
        const got = await bySplitter(path, chunk);
        expect(got.map((l) => l.text)).toEqual(want);
        expect(got.map((l) => l.no)).toEqual(want.map((_, i) => i + 1));
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it('reads a line longer than a chunk whole, and \\r\\n split between chunks as one end', async () => {
    const long = 'x'.repeat(5000);
    const path = tempFile('long.ndjson', `a\r\n${long}\r\nb\rc`);
    for (const chunk of [1, 2, 3, 7, 1 << 20]) expect((await bySplitter(path, chunk)).map((l) => l.text)).toEqual(['a', long, 'b', 'c']);
  });
});
