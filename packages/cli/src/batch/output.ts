// Standard output of a batch, written in pieces of at least `limit` characters: short texts
// (error lines) are gathered, a report (some 17,000 characters) goes out by itself — joining
// reports into larger pieces copies them once more, and a large piece stays alive through
// the collections of the young generation, which copy it each time. When the reader is
// slower (a full pipe) the batch waits for it, so reports never pile up in memory. Standard
// error goes out at once, after what standard output holds, so that a terminal shows the
// two in the order they were made.
import { once } from 'node:events';

export class Output {
  private parts: string[] = [];
  private size = 0;
  /** the stream asked to wait for 'drain' */
  private full = false;

  constructor(
    private readonly stdout: NodeJS.WriteStream = process.stdout,
    private readonly limit = 1 << 14,
  ) {}

  /** Write `text` to standard output (gathered into pieces); true when the caller must await drained(). */
  out(text: string): boolean {
    if (text !== '') {
      this.parts.push(text);
      this.size += text.length;
      if (this.size >= this.limit) this.write();
    }
    return this.full;
  }

  /** Write UTF-8 bytes to standard output (after the text gathered); true when the caller must await drained(). */
  bytes(b: Uint8Array): boolean {
    this.write();
    if (b.length > 0 && !this.stdout.write(b)) this.full = true;
    return this.full;
  }

  /** Write `text` to standard error now, after what standard output holds. */
  err(text: string): void {
    if (text === '') return;
    this.write();
    process.stderr.write(text);
  }

  /** Wait until the reader has taken what was written, when the stream asked to. */
  async drained(): Promise<void> {
    if (!this.full) return;
    await once(this.stdout, 'drain');
    this.full = false;
  }

  /** Write what is gathered, and wait while the reader is behind. */
  async flush(): Promise<void> {
    this.write();
    await this.drained();
  }

  private write(): void {
    if (this.size === 0) return;
    const chunk = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stdout.write(chunk)) this.full = true;
  }
}
