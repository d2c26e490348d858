// How the page reads a finding (the engine's Finding, or a note kept from reading a
// pasted table): every read of a finding's code, severity, place and words goes through
// these helpers, so a change of the diagnostics model touches this file only.
import { FINDINGS, type Finding } from '@jixiao/engine';
import type { Message } from '@jixiao/language';
import type { Words } from '../i18n.ts';

export type Severity = 'error' | 'warning' | 'info';

/** What the panel needs of a finding; `Finding` has it, and so does a kept note. */
export interface FindingLike {
  code: string;
  severity: Severity;
  path?: string[];
  message: Message;
  help?: Message;
  line?: number;
}

export const codeOf = (f: FindingLike): string => f.code;
export const severityOf = (f: FindingLike): Severity => f.severity;
export const pathOf = (f: FindingLike): string[] => f.path ?? [];
export const messageOf = (f: FindingLike, w: Words): string => w.pick(f.message);
export const helpOf = (f: FindingLike, w: Words): string | null => (f.help ? w.pick(f.help) : null);
export const isError = (f: FindingLike): boolean => f.severity === 'error';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; the engine's order within a severity (sort is stable). */
export function sortFindings<F extends FindingLike>(fs: readonly F[]): F[] {
  return [...fs].sort((a, b) => (SEVERITY_RANK[severityOf(a)] ?? 3) - (SEVERITY_RANK[severityOf(b)] ?? 3));
}

const TITLES = new Map<string, Message>(Object.values(FINDINGS).map((c) => [c.code, c.title]));

/** The catalogue's title of a finding code (JX3016 一级指标不在模板中), when it has one. */
export function titleOf(code: string, w: Words): string | null {
  const t = TITLES.get(code);
  return t ? w.pick(t) : null;
}

export type { Finding };
