// Is the page served by `jixiao serve`? One request to /api/me says; only then is the
// workspace (its panes, charts and echarts) loaded, so the static playground's first
// screen carries none of it.
import { probe } from './api.ts';
import type { WorkspaceHooks, WorkspacePage } from './workspace.ts';

export async function startWorkspace(p: WorkspacePage): Promise<WorkspaceHooks | null> {
  const found = await probe();
  if (found.kind === 'none') return null;
  const { openWorkspace } = await import('./workspace.ts');
  return openWorkspace(p, found.kind === 'ok' ? found.me : null);
}
