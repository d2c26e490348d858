import { fuzzHalf } from './template-fuzz.ts';

// Half of the template fuzz budget; the other half runs in parallel in template-1.
fuzzHalf(2);
