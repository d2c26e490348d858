// importFiling: choose the importer by file name, else by content.

import { diag } from './diagnostics.ts';
import { importJson } from './json.ts';
import type { ImportResult } from './table.ts';
import { importTsv } from './tsv.ts';
import { importXlsx } from './xlsx.ts';

export type FilingFormat = 'json' | 'tsv' | 'xlsx';

/** A filing larger than this is refused with a message naming the limit (a real
 * self-evaluation table is a few kilobytes; a department's merged table a few megabytes). */
export const MAX_FILING_BYTES = 50 * 1024 * 1024;
/** Indicator rows beyond this are refused: scoring stays fast and its report readable. */
export const MAX_FILING_ROWS = 100_000;

function tooLarge(what: { zh: string; en: string }): ImportResult {
  return { filing: null, diagnostics: [diag('IMP007', 'error', undefined, undefined, what, { zh: '拆分填报表后分别评分', en: 'split the filing and score the parts' })] };
}

export interface ImportOptions {
  /** used for its extension: .json, .tsv/.txt/.tab, .xlsx */
  filename?: string;
  /** force a format */
  format?: FilingFormat;
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (WPS/Excel exports on Chinese Windows). */
export function decodeText(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(b);
    } catch {
      return new TextDecoder('utf-8').decode(b);
    }
  }
}

function formatOf(filename: string | undefined): FilingFormat | null {
  const ext = /\.([^./\\]+)$/.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'tsv' || ext === 'txt' || ext === 'tab') return 'tsv';
  return null;
}

/** Import a filing from bytes or text. Never throws. */
export async function importFiling(input: string | Uint8Array | ArrayBuffer, options: ImportOptions = {}): Promise<ImportResult> {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_FILING_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return tooLarge({ zh: `填报表过大：${mb(size)} MB，上限为 ${mb(MAX_FILING_BYTES)} MB`, en: `filing too large: ${mb(size)} MB, the limit is ${mb(MAX_FILING_BYTES)} MB` });
  }
  const result = await importByFormat(input, options);
  const rows = result.filing?.rows.length ?? 0;
  if (rows > MAX_FILING_ROWS)
    return tooLarge({ zh: `填报表有 ${rows} 行指标，上限为 ${MAX_FILING_ROWS} 行`, en: `the filing has ${rows} indicator rows; the limit is ${MAX_FILING_ROWS}` });
  return result;
}

async function importByFormat(input: string | Uint8Array | ArrayBuffer, options: ImportOptions): Promise<ImportResult> {
  const bytes = typeof input === 'string' ? null : input instanceof Uint8Array ? input : new Uint8Array(input);
  let format = options.format ?? formatOf(options.filename);
  if (format === null) {
    if (bytes && isZip(bytes)) format = 'xlsx';
    else {
      const head = (typeof input === 'string' ? input : decodeText(bytes!)).replace(/^\uFEFF/, '').trimStart();
      format = head.startsWith('{') ? 'json' : 'tsv';
    }
  }
  if (format === 'xlsx') {
    if (!bytes) {
      return {
        filing: null,
        diagnostics: [
          diag('IMP005', 'error', undefined, undefined, {
            zh: 'xlsx 文件需要以二进制方式读取，不能作为文本传入',
            en: 'an xlsx file must be passed as bytes, not as text',
          }),
        ],
      };
    }
    if (!isZip(bytes))
      return {
        filing: null,
        diagnostics: [diag('IMP005', 'error', undefined, undefined, { zh: '文件不是有效的 xlsx 工作簿', en: 'the file is not an xlsx workbook' })],
      };
    return importXlsx(bytes);
  }
  const text = typeof input === 'string' ? input : decodeText(bytes!);
  return format === 'json' ? importJson(text) : importTsv(text);
}
