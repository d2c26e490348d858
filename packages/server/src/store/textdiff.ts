// A line diff of two texts (longest common subsequence), for the 409 answer of a save
// over someone else's change: what they changed, line by line.
export interface DiffLine {
  op: ' ' | '+' | '-';
  line: string;
}

export function lineDiff(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  // common head and tail first: most saves change a few lines in the middle
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const n = xs.length;
  const m = ys.length;
  const out: DiffLine[] = x.slice(0, head).map((line) => ({ op: ' ', line }));
  if (n * m > 4_000_000) {
    // too large to align: everything old out, everything new in
    out.push(...xs.map((line) => ({ op: '-' as const, line })), ...ys.map((line) => ({ op: '+' as const, line })));
  } else {
    const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = xs[i] === ys[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (xs[i] === ys[j]) {
        out.push({ op: ' ', line: xs[i]! });
        i++;
        j++;
      } else if (L[i + 1]![j]! >= L[i]![j + 1]!) out.push({ op: '-', line: xs[i++]! });
      else out.push({ op: '+', line: ys[j++]! });
    }
    while (i < n) out.push({ op: '-', line: xs[i++]! });
    while (j < m) out.push({ op: '+', line: ys[j++]! });
  }
  out.push(...x.slice(x.length - tail).map((line) => ({ op: ' ' as const, line })));
  return out;
}
