// The scoring worker thread (piscina): one task is one batch of filings.
import { scoreBatch } from './score-batch.ts';

export default scoreBatch;
