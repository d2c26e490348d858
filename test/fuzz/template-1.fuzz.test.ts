import { fuzzHalf } from './template-fuzz.ts';

// Half of the template fuzz budget; the other half runs in parallel in template-2.
fuzzHalf(1);
