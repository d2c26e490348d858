// A user's mistake (a missing file, an unknown form, an unreadable filing): shown as its
// message and code with exit 2, never as a stack trace. Kept apart from the modules that
// load the engine so that every command can throw it without loading more.
import { CLI_CODES } from './codes.ts';

export class UserError extends Error {
  constructor(
    public readonly zh: string,
    public readonly en: string,
    public readonly code: string = CLI_CODES.generic.code,
  ) {
    super(en);
  }
}
