// Grade bands: names, units, and that the bands, tried in order, give every
// total in [0, 总分] exactly one grade with no band unreachable.

import type { GradesDecl, GradeBand as BandDecl } from '@jixiao/language';
import type { DiagnosticSink } from './diag.ts';
import { fmtNum } from './interval.ts';
import type { GradeBand } from './model.ts';
import { printQuantity } from './printer.ts';
import { expectPoints } from './units.ts';

function contains(b: GradeBand, x: number): boolean {
  return (b.loClosed ? x >= b.lo : x > b.lo) && (b.hiClosed ? x <= b.hi : x < b.hi);
}

function bandOf(d: BandDecl, total: number | null, sink: DiagnosticSink): GradeBand | null {
  const name = d.name.text;
  for (const q of [d.bound, d.low, d.high]) if (q && !expectPoints(q, { of: 'grade', name }, sink)) return null;
  if (d.low && d.high) {
    if (!(d.low.value < d.high.value)) {
      sink.report('invalidValue', d.range, { kind: 'gradeRange', name, low: printQuantity(d.low), high: printQuantity(d.high) });
      return null;
    }
    return { name, lo: d.low.value, loClosed: true, hi: d.high.value, hiClosed: total !== null && d.high.value === total };
  }
  if (d.op && d.bound) {
    const x = d.bound.value;
    switch (d.op) {
      case '>=':
        return { name, lo: x, loClosed: true, hi: Infinity, hiClosed: false };
      case '>':
        return { name, lo: x, loClosed: false, hi: Infinity, hiClosed: false };
      case '<=':
        return { name, lo: -Infinity, loClosed: false, hi: x, hiClosed: true };
      case '<':
        return { name, lo: -Infinity, loClosed: false, hi: x, hiClosed: false };
      case '=':
        return { name, lo: x, loClosed: true, hi: x, hiClosed: true };
      case '!=':
        sink.report('invalidValue', d.range, { kind: 'gradeNotEqual', name });
        return null;
    }
  }
  return { name, lo: -Infinity, loClosed: false, hi: Infinity, hiClosed: false };
}

export function checkGrades(decl: GradesDecl, total: number | null, sink: DiagnosticSink): GradeBand[] {
  const seen = new Set<string>();
  const bands: (GradeBand | null)[] = [];
  for (const d of decl.bands) {
    if (seen.has(d.name.text)) {
      sink.report('duplicateGrade', d.name.range, { name: d.name.text });
    }
    seen.add(d.name.text);
    bands.push(bandOf(d, total, sink));
  }
  if (total === null || bands.some((b) => b === null)) return bands.filter((b): b is GradeBand => b !== null);
  coverage(decl, bands as GradeBand[], total, sink);
  return bands as GradeBand[];
}

interface TestPoint {
  x: number;
  exact: boolean;
  prev: number;
  next: number;
}

/** Membership is constant between consecutive bounds, so testing every bound and every midpoint decides coverage exactly. */
function coverage(decl: GradesDecl, bands: GradeBand[], total: number, sink: DiagnosticSink): void {
  const cuts = new Set<number>([0, total]);
  for (const b of bands) for (const x of [b.lo, b.hi]) if (x > 0 && x < total) cuts.add(x);
  const xs = [...cuts].sort((p, q) => p - q);
  const pts: TestPoint[] = [];
  xs.forEach((x, i) => {
    pts.push({ x, exact: true, prev: x, next: x });
    const n = xs[i + 1];
    if (n !== undefined) pts.push({ x: (x + n) / 2, exact: false, prev: x, next: n });
  });
  const hit = bands.map(() => false);
  const owner = pts.map((p) => bands.findIndex((b) => contains(b, p.x)));
  owner.forEach((o) => {
    if (o >= 0) hit[o] = true;
  });
  // explicit overlap between two range bands
  const isRange = decl.bands.map((d) => d.low !== null && d.high !== null);
  const reported = new Set<string>();
  for (const p of pts) {
    const inRanges = bands.map((b, i) => (isRange[i] && contains(b, p.x) ? i : -1)).filter((i) => i >= 0);
    if (inRanges.length > 1) {
      const [i, j] = [inRanges[0]!, inRanges[1]!];
      const key = `${i}-${j}`;
      if (reported.has(key)) continue;
      reported.add(key);
      sink.report('gradeOverlap', decl.bands[j]!.range, { grade: bands[j]!.name, other: bands[i]!.name, at: fmtNum(p.x) });
    }
  }
  hit.forEach((h, i) => {
    if (h || reported.size > 0) return;
    sink.report('gradeOverlap', decl.bands[i]!.range, { grade: bands[i]!.name, total: fmtNum(total) });
  });
  // gaps
  let i = 0;
  while (i < pts.length) {
    if (owner[i]! >= 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < pts.length && owner[j + 1]! < 0) j++;
    const a = pts[i]!;
    const b = pts[j]!;
    const text = `${a.exact ? '[' : '('}${fmtNum(a.exact ? a.x : a.prev)}, ${fmtNum(b.exact ? b.x : b.next)}${b.exact ? ']' : ')'}`;
    sink.report('gradeGap', decl.range, { range: text });
    i = j + 1;
  }
}
