// A user's mistake (a missing file, an unknown form, an unreadable filing): shown as its
// message and code with exit 2, never as a stack trace. Kept apart from the modules that
// load the engine so that every command can throw it without loading more.
import { buildFrom, type Coded, type DataOf, type Message } from '@jixiao/language/diagnostics';
import { CLI_CODES, type CliCodeKey } from './codes.ts';

export class UserError extends Error {
  readonly code: string;
  readonly text: Message;
  readonly data: Coded['data'];
  constructor(d: Pick<Coded, 'code' | 'message' | 'data'>) {
    super(d.message.en);
    this.code = d.code;
    this.text = d.message;
    this.data = d.data;
  }
}

/** The error of a CLI code, worded by the catalogue. */
export function userError<K extends CliCodeKey>(key: K, data: DataOf<(typeof CLI_CODES)[K]>): UserError {
  return new UserError(buildFrom(CLI_CODES, key, data));
}

/** A filing that cannot be read keeps the code of the import error that stopped it (else JX4006). */
export function unreadableFiling(data: DataOf<(typeof CLI_CODES)['unreadableFiling']>): UserError {
  const d = buildFrom(CLI_CODES, 'unreadableFiling', data);
  return new UserError('cause' in data && data.cause ? { ...d, code: data.cause.code } : d);
}

/** How a batch reports a job that failed: a user's mistake as it is, anything else as an internal error (JX4000). */
export function failureOf(e: unknown): { code: string; message: Message } {
  if (e instanceof UserError) return { code: e.code, message: e.text };
  const d = buildFrom(CLI_CODES, 'internal', { error: (e as Error)?.message ?? String(e) });
  return { code: d.code, message: d.message };
}
