// Shared by the in-process feature benchmarks: repeated timing of one call after two warm-up calls.

/** Median and best wall time and median CPU time (user + system of this process) of `repeats` calls, in ms. */
export function measure(f: () => unknown, repeats: number): { wall: number; cpu: number; bestWall: number } {
  f(); f();
  const w: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    w.push(performance.now() - t0);
    const dc = process.cpuUsage(c0);
    c.push((dc.user + dc.system) / 1000);
  }
  const med = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { wall: med(w), cpu: med(c), bestWall: Math.min(...w) };
}

/** A fixed 3.3M-iteration typed-array loop: how loaded the machine is (~2–3 ms on an idle core). */
export function loadProbe(repeats: number): { wall: number; cpu: number; bestWall: number } {
  const a = new Int32Array(4_000_000);
  for (let i = 0; i < a.length; i++) a[i] = i % 7;
  return measure(() => { let s = 0; for (let i = 0; i < 3_300_000; i++) s += a[i + 13]; return s; }, repeats);
}
