/**
 * A progress bar for batch commands, drawn on stderr only when it is a terminal (never in pipes, logs or CI).
 */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private readonly start = Date.now();
  private readonly enabled: boolean;

  constructor(private readonly total: number, private readonly label = '', stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY) && total > 0;
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  /** Marks one item finished (ok or failed) and redraws. */
  tick(ok = true): void {
    this.done++;
    if (!ok) this.failed++;
    if (!this.enabled) return;
    const width = 30;
    const frac = this.done / this.total;
    const filled = Math.round(frac * width);
    const secs = (Date.now() - this.start) / 1000;
    const eta = this.done > 0 ? (secs / this.done) * (this.total - this.done) : 0;
    const fail = this.failed ? `, ${this.failed} failed` : '';
    this.stream.write(`\r${this.label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}${fail} ${secs.toFixed(1)}s eta ${eta.toFixed(0)}s `);
  }

  /** Ends the line. */
  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
