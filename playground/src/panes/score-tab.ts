// The 评分 tab: the score panel of the last analysis (ui/score-panel.ts renders it). It
// goes stale (dimmed) as the template is edited, until the analysis of the edit arrives.
// A re-render keeps the keyboard's place (ui/dom.ts keepFocus).
import type { Words } from '../i18n.ts';
import { sampleFor, templateForForm } from '../rules.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import { renderScore, type ScoreContext } from '../ui/score-panel.ts';
import type { AnalyseReply } from '../worker/protocol.ts';
import type { EditorHost } from './template-view.ts';

export class ScoreTab {
  readonly panel = h('div', { id: 'score', tabindex: -1 });

  constructor(
    private readonly store: Store,
    private readonly w: Words,
    private readonly editor: EditorHost,
    /** go to the mapping step on the 填报表 tab */
    private readonly openMapping: () => void,
  ) {
    store.subscribe((s, prev, a) => {
      if (a.type === 'analysis/reply') this.render(a.reply, false);
      else if (a.type === 'template/edit') renderScore(this.panel, w, s.last?.score ?? null, true, s.last ? this.context(s.last) : undefined);
      else if ((s.lang !== prev.lang || s.keptNotes !== prev.keptNotes) && s.last) this.render(s.last, s.last.version !== s.version);
    });
  }

  private render(reply: AnalyseReply, stale: boolean): void {
    renderScore(this.panel, this.w, reply.score, stale, this.context(reply));
  }

  private context(reply: AnalyseReply): ScoreContext {
    const { store, editor } = this;
    const s = store.state;
    // the filing says it is of another form than the template (its title or its JSON)
    const filed = reply.score.kind === 'report' ? reply.score.filing.json?.form : undefined;
    const form = reply.score.kind === 'report' ? reply.score.template.form : undefined;
    const otherForm =
      filed && form && filed !== form
        ? {
            form: filed,
            useTemplate: ((t) => (t ? () => store.dispatch({ type: 'template/select', file: t.file }) : null))(templateForForm(filed, s.file)),
            restoreSample: () => store.dispatch({ type: 'filing/reset', text: sampleFor(store.state.file).text }),
          }
        : null;
    return {
      markers: reply.markers,
      lastGood: s.lastGood,
      jump(lineNumber: number, column: number, endLineNumber = lineNumber, endColumn = column) {
        editor.revealSpan({ startLineNumber: lineNumber, startColumn: column, endLineNumber, endColumn }, true);
      },
      reveal: (target) => editor.reveal(target),
      selectedRow: s.selectedRow,
      // the panel highlights the row itself: the store only remembers it for the next render
      selectRow: (key) => store.dispatch({ type: 'row/select', key }),
      openMapping: this.openMapping,
      openDoc: (code) => store.dispatch({ type: 'doc', code }),
      applyFix: (fix) => editor.applyFix(fix),
      keptNotes: s.keptNotes,
      dismissNotes: () => store.dispatch({ type: 'notes/dismiss' }),
      otherForm,
    };
  }
}
