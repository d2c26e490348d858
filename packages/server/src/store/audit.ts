// The audit log: every write says who did what to which object, in the write's own
// transaction (a write that rolls back leaves no entry; one that commits always has one).
import type { Queryable } from '../db/db.ts';

export async function audit(q: Queryable, actor: string, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  await q.query(`INSERT INTO audit_log (actor, action, target, detail) VALUES ($1, $2, $3, $4::jsonb)`, [actor, action, target, JSON.stringify(detail)]);
}
