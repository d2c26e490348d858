// Monaco's diff editor for the 对比 tab (loaded with Monaco, when the tab first opens).
import { monaco } from '../monaco.ts';
import { LANGUAGE_ID, registerLanguage } from '../language/jixiao.ts';
import type { Words } from '../i18n.ts';
import { EDITOR_FONT } from '../ui/fonts.ts';

export class DiffEditor {
  readonly editor: monaco.editor.IStandaloneDiffEditor;
  private readonly original: monaco.editor.ITextModel;
  private readonly modified: monaco.editor.ITextModel;

  constructor(
    host: HTMLElement,
    private readonly w: Words,
  ) {
    // highlighted like the template editor, which may not have loaded
    registerLanguage();
    this.original = monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/diff/original.jx'));
    this.modified = monaco.editor.createModel('', LANGUAGE_ID, monaco.Uri.parse('inmemory://jixiao/diff/modified.jx'));
    this.editor = monaco.editor.createDiffEditor(host, {
      theme: 'jixiao',
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      fontSize: 13,
      fontFamily: EDITOR_FONT,
      lineNumbersMinChars: 3,
      wordWrap: 'on',
      diffWordWrap: 'on',
      renderOverviewRuler: false,
      ariaLabel: w.t('diffEditorLabel'),
    });
    this.editor.setModel({ original: this.original, modified: this.modified });
    this.relabel();
  }

  setTexts(from: string, to: string): void {
    if (this.original.getValue() !== from) this.original.setValue(from);
    if (this.modified.getValue() !== to) this.modified.setValue(to);
  }

  /** The diff editor and each of its sides (an editor of its own) named for the screen reader, in the page's language. */
  relabel(): void {
    const { t } = this.w;
    this.editor.updateOptions({ ariaLabel: t('diffEditorLabel') });
    this.editor.getOriginalEditor().updateOptions({ ariaLabel: t('diffOriginalLabel') });
    this.editor.getModifiedEditor().updateOptions({ ariaLabel: t('diffModifiedLabel') });
  }
}
