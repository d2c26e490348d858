// The run loop of one server process. Work is claimed from the database in batches with
// FOR UPDATE SKIP LOCKED, so several processes sharing one PostgreSQL server share a run
// without scoring any filing twice; each batch is scored on a worker thread and written
// back — its reports and its items marked done — in one transaction, so no half-written
// report is ever visible. A process that dies leaves its claims behind; any live process
// hands them back to the queue once it sees the dead one's advisory lock free (recover()).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { ScorePool } from './pool.ts';
import type { RunTemplate, TaskItem, TaskResult } from './task.ts';
import { audit } from '../store/audit.ts';

export interface RunnerOptions {
  /** filings claimed at once */
  batch?: number;
  /** ms between looks at the queue when idle */
  pollMs?: number;
  /** ms between looks for dead processes' claims */
  recoverMs?: number;
}

const lockKey = (instance: string) => `instance:${instance}`;

export class Runner {
  readonly instanceId = randomUUID();
  private stopped = false;
  private wakers: (() => void)[] = [];
  private loops: Promise<void>[] = [];
  private recoverTimer: NodeJS.Timeout | null = null;
  private readonly batch: number;
  private readonly pollMs: number;
  private readonly recoverMs: number;
  /** filings this process scored, for tests and the bench */
  scored = 0;

  constructor(
    private readonly db: Db,
    private readonly pool: ScorePool,
    opts: RunnerOptions = {},
  ) {
    this.batch = opts.batch ?? 64;
    this.pollMs = opts.pollMs ?? 1000;
    this.recoverMs = opts.recoverMs ?? 5000;
  }

  /** Register this process as alive, hand back dead processes' claims, start the loops. */
  async start(): Promise<void> {
    await this.db.query(`INSERT INTO instances (id, host, pid) VALUES ($1, $2, $3)`, [this.instanceId, hostname(), process.pid]);
    await this.db.holdLock(lockKey(this.instanceId));
    await this.recover();
    this.recoverTimer = setInterval(() => void this.recover().catch(() => {}), this.recoverMs);
    this.recoverTimer.unref();
    // one loop per thread keeps every thread busy while another batch is read or written
    for (let i = 0; i < this.pool.threads; i++) this.loops.push(this.loop());
  }

  /** Look at the queue now (a run was created). */
  wake(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const f of w) f();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((res) => {
      const t = setTimeout(res, ms);
      this.wakers.push(() => {
        clearTimeout(t);
        res();
      });
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let did = false;
      try {
        did = await this.step();
      } catch (e) {
        if (this.stopped) return;
        console.error(`jixiao: 评分运行出错 (run loop error): ${(e as Error).message}`);
      }
      if (!did && !this.stopped) await this.sleep(this.pollMs);
    }
  }

  /** Claim one batch of some active run, score it, write it back. False when there is nothing to do. */
  async step(): Promise<boolean> {
    const runs = await this.db.query<{ id: number; template: RunTemplate }>(`SELECT id, template FROM runs WHERE status IN ('queued', 'running') ORDER BY id`);
    for (const run of runs) {
      const claimed = await this.db.tx(async (q) => {
        const items = await q.query<{ seq: number; filing_id: number; revision_id: number }>(
          `UPDATE run_items SET state = 'claimed', claimed_by = $2, claimed_at = now()
            WHERE run_id = $1 AND seq IN (
              SELECT seq FROM run_items WHERE run_id = $1 AND state = 'pending' ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING seq, filing_id, revision_id`,
          [run.id, this.instanceId, this.batch],
        );
        if (items.length) await q.query(`UPDATE runs SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND status = 'queued'`, [run.id]);
        return items;
      });
      if (claimed.length === 0) {
        await this.finishIfDone(run.id);
        continue;
      }
      const models = await this.db.query<{ id: number; unit: string; model: string; diagnostics: string }>(
        `SELECT r.id, f.unit, r.model::text AS model, r.diagnostics::text AS diagnostics FROM filing_revisions r JOIN filings f ON f.id = r.filing_id WHERE r.id = ANY($1::int[])`,
        [claimed.map((c) => c.revision_id)],
      );
      const byRev = new Map(models.map((m) => [m.id, m]));
      const items: TaskItem[] = claimed.map((c) => {
        const m = byRev.get(c.revision_id)!;
        return { seq: c.seq, filingId: c.filing_id, revisionId: c.revision_id, unit: m.unit, model: m.model, diagnostics: m.diagnostics };
      });
      const results = await this.pool.run({ template: run.template, items });
      await this.write(run.id, results);
      this.scored += results.length;
      await this.finishIfDone(run.id);
      return true;
    }
    return false;
  }

  /** Reports and the items' state in one transaction; items no longer ours (handed back as dead) are skipped. */
  private async write(runId: number, results: TaskResult[]): Promise<void> {
    await this.db.tx(async (q) => {
      const mine = await q.query<{ seq: number }>(
        `UPDATE run_items i SET state = CASE WHEN u.failed THEN 'failed' ELSE 'done' END
           FROM unnest($2::int[], $3::bool[]) AS u(seq, failed)
          WHERE i.run_id = $1 AND i.seq = u.seq AND i.state = 'claimed' AND i.claimed_by = $4
          RETURNING i.seq`,
        [runId, results.map((r) => r.seq), results.map((r) => r.error !== null), this.instanceId],
      );
      const keep = new Set(mine.map((m) => m.seq));
      const rs = results.filter((r) => keep.has(r.seq));
      if (rs.length === 0) return;
      await q.query(
        `INSERT INTO reports (run_id, seq, filing_id, revision_id, unit, total, grade, stated_total, errors, warnings, codes, report, error)
         SELECT $1, u.seq, u.fid, u.rid, u.unit, u.total, u.grade, u.stated, u.errors, u.warnings, string_to_array(u.codes, ','), u.report::jsonb, u.error::jsonb
           FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::float8[], $7::text[], $8::float8[], $9::int[], $10::int[], $11::text[], $12::text[], $13::text[])
             AS u(seq, fid, rid, unit, total, grade, stated, errors, warnings, codes, report, error)
         ON CONFLICT (run_id, filing_id) DO NOTHING`,
        [
          runId,
          rs.map((r) => r.seq),
          rs.map((r) => r.filingId),
          rs.map((r) => r.revisionId),
          rs.map((r) => r.unit),
          rs.map((r) => r.total),
          rs.map((r) => r.grade),
          rs.map((r) => r.statedTotal),
          rs.map((r) => r.errors),
          rs.map((r) => r.warnings),
          rs.map((r) => r.codes),
          rs.map((r) => r.report),
          rs.map((r) => r.error),
        ],
      );
      const failed = rs.filter((r) => r.error !== null).length;
      await q.query(`UPDATE runs SET done = done + $2, failed = failed + $3 WHERE id = $1`, [runId, rs.length - failed, failed]);
    });
  }

  private async finishIfDone(runId: number): Promise<void> {
    await this.db.query(
      `UPDATE runs SET status = 'done', finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM run_items WHERE run_id = $1 AND state IN ('pending', 'claimed'))`,
      [runId],
    );
  }

  /**
   * Claims of processes that died go back to the queue: a process holds its advisory lock
   * while it lives, so a free lock means its holder is gone. What it had claimed was never
   * written (reports are written with the claim's release, in one transaction), so scoring
   * it again writes each report once: the run resumes where it stood.
   */
  async recover(): Promise<void> {
    const others = await this.db.query<{ claimed_by: string }>(`SELECT DISTINCT claimed_by FROM run_items WHERE state = 'claimed' AND claimed_by <> $1`, [this.instanceId]);
    const gone = await this.db.query<{ id: string }>(`SELECT id FROM instances WHERE id <> $1`, [this.instanceId]);
    const ids = new Set([...others.map((o) => o.claimed_by), ...gone.map((g) => g.id)]);
    for (const id of ids) {
      if (!(await this.db.lockFree(lockKey(id)))) continue;
      await this.db.tx(async (q) => {
        const back = await q.query<{ run_id: number }>(
          `UPDATE run_items SET state = 'pending', claimed_by = NULL, claimed_at = NULL WHERE state = 'claimed' AND claimed_by = $1 RETURNING run_id`,
          [id],
        );
        await q.query(`DELETE FROM instances WHERE id = $1`, [id]);
        const runs = [...new Set(back.map((b) => b.run_id))];
        for (const r of runs) await audit(q, 'jixiao', 'run.resume', `run:${r}`, { deadProcess: id, handedBack: back.filter((b) => b.run_id === r).length });
      });
    }
    if (ids.size) this.wake();
  }

  /** Stop claiming, wait for the batches in hand, hand back nothing (all written) and leave. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.recoverTimer) clearInterval(this.recoverTimer);
    this.wake();
    await Promise.allSettled(this.loops);
    await this.db.query(`UPDATE run_items SET state = 'pending', claimed_by = NULL WHERE state = 'claimed' AND claimed_by = $1`, [this.instanceId]).catch(() => {});
    await this.db.query(`DELETE FROM instances WHERE id = $1`, [this.instanceId]).catch(() => {});
  }
}
