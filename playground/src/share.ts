// Share by URL: the whole state, compressed into the hash. Nothing leaves the browser;
// the link carries the text itself.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export interface SharedState {
  /** the official template the editor started from, e.g. rules/甘肃/2023/部门整体支出.jx */
  file: string;
  year: number;
  template: string;
  filing: string;
  lang?: 'zh' | 'en';
}

const PREFIX = '#s=';

export function encodeState(s: SharedState): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, ...s }));
}

/** The state in a hash, or null when there is none; throws on a damaged one. */
export function decodeState(hash: string): SharedState | null {
  if (!hash.startsWith(PREFIX)) return null;
  const json = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  if (!json) throw new Error('undecodable');
  const o = JSON.parse(json) as Partial<SharedState> & { v?: number };
  if (o.v !== 1 || typeof o.template !== 'string' || typeof o.filing !== 'string' || typeof o.file !== 'string' || typeof o.year !== 'number') throw new Error('bad state');
  const s: SharedState = { file: o.file, year: o.year, template: o.template, filing: o.filing };
  if (o.lang === 'zh' || o.lang === 'en') s.lang = o.lang;
  return s;
}

/** The state a page opens on: a link's, none, or a damaged link (`failed`: the page says so). */
export function readLink(hash: string): { shared: SharedState | null; failed: boolean } {
  try {
    return { shared: decodeState(hash), failed: false };
  } catch {
    return { shared: null, failed: true };
  }
}
