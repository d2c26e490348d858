// The 评分 tab: the score panel of the last analysis (ui/score-panel.ts renders it). It
// goes stale (dimmed) as the template is edited, until the analysis of the edit arrives.
import type { Words } from '../i18n.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import { renderScore, type ScoreContext } from '../ui/score-panel.ts';
import type { AnalyseReply } from '../worker/protocol.ts';
import type { TemplateEditor } from './editor.ts';

export class ScoreTab {
  readonly panel = h('div', { id: 'score' });

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    private readonly editor: TemplateEditor,
    /** go to the mapping step on the 填报表 tab */
    private readonly openMapping: () => void,
  ) {
    store.subscribe((s, prev, a) => {
      if (a.type === 'analysis/reply') this.render(a.reply, false);
      else if (a.type === 'template/edit') renderScore(this.panel, w, s.last?.score ?? null, true, s.last ? this.context(s.last) : undefined);
      else if (s.lang !== prev.lang && s.last) this.render(s.last, false);
    });
  }

  private render(reply: AnalyseReply, stale: boolean): void {
    renderScore(this.panel, this.w, reply.score, stale, this.context(reply));
  }

  private context(reply: AnalyseReply): ScoreContext {
    const { store, editor } = this;
    return {
      markers: reply.markers,
      lastGood: store.state.lastGood,
      jump(lineNumber: number, column: number, endLineNumber = lineNumber, endColumn = column) {
        editor.revealSpan({ startLineNumber: lineNumber, startColumn: column, endLineNumber, endColumn }, true);
      },
      reveal: (target) => editor.reveal(target),
      selectedRow: store.state.selectedRow,
      // the panel highlights the row itself: the store only remembers it for the next render
      selectRow: (key) => store.dispatch({ type: 'row/select', key }),
      openMapping: this.openMapping,
    };
  }
}
