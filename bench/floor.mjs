// The I/O floor of a batch (bench/run.ts, section 3): what `jixiao score file.ndjson --json`
// cannot do without — read the lines, JSON.parse each, JSON.stringify an object of a
// report's size and write it — in a plain Node loop with the reading and writing the CLI
// uses (packages/cli/src/batch/: 1 MiB chunks split as bytes at line ends, output gathered and
// written in pieces of at least 16 Ki characters). The object written is a real report of a filing of
// the same file, of their mean size (bench/run.ts picks it), with the line's name put first
// as the CLI puts it.
//
//   node bench/floor.mjs <file.ndjson> <report.json>   (the report as `jixiao score --json` prints it)
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

const [file, reportFile] = process.argv.slice(2);
const { file: _name, ...report } = JSON.parse(readFileSync(reportFile, 'utf8'));
let no = 0;
let rows = 0;
let out = [];
let size = 0;
let full = false;

/** Gathered output, written in pieces of at least 16 Ki characters (packages/cli/src/batch/output.ts). */
function write() {
  if (size === 0) return;
  const chunk = out.join('');
  out = [];
  size = 0;
  if (!process.stdout.write(chunk)) full = true;
}

/** One line: true when the reader is behind and the loop must wait for 'drain'. */
function line(text) {
  no++;
  if (text.trim() === '') return false;
  rows += JSON.parse(text).rows.length; // parsed, and read, as the CLI reads it
  const s = `{"file":${JSON.stringify(`${file}:${no}`)},${JSON.stringify(report).slice(1)}\n`;
  out.push(s);
  size += s.length;
  if (size >= 1 << 14) write();
  return full;
}

async function drained() {
  if (!full) return;
  await once(process.stdout, 'drain');
  full = false;
}

// split as bytes at \n (the bench's files have no \r), each line decoded alone, as the CLI does
let rest = null;
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
  const bytes = rest ? Buffer.concat([rest, chunk]) : chunk;
  let start = 0;
  for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
    if (line(bytes.toString('utf8', start, nl))) await drained();
    start = nl + 1;
  }
  rest = start < bytes.length ? bytes.subarray(start) : null;
}
if (rest) line(rest.toString('utf8'));
write();
await drained();
process.stderr.write(`${no} lines, ${rows} rows\n`);
