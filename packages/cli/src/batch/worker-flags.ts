// What a worker says of each line it was sent (batch/worker.ts), as bits: kept apart so that
// the main thread reads them without loading the worker's module.
/** a blank line: skipped, and not counted */
export const BLANK = 4;
export const FAILED = 1;
export const WITH_ERRORS = 2;
