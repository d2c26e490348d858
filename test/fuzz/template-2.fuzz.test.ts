import { expect, it } from 'vitest';
import { fuzzTemplates, SEED, TOTAL, timeoutFor } from './template-fuzz.ts';

// Half of the template fuzz budget; the other half runs in parallel in template-1.
it(
  'survives mutated templates through parse, check, compile and evaluate (part 2)',
  () => {
    const stats = fuzzTemplates(202 + SEED, Math.ceil(TOTAL / 2));
    console.log('template fuzz part 2', JSON.stringify(stats));
    expect(stats.inputs).toBe(Math.ceil(TOTAL / 2));
    // the mutants must still reach the checker and the compiler, or the fuzz is shallow
    expect(stats.checked).toBeGreaterThan(stats.inputs / 50);
    expect(stats.compiled).toBeGreaterThan(0);
  },
  timeoutFor(Math.ceil(TOTAL / 2)),
);
