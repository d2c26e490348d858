// Monaco's diff editor for the 对比 tab (loaded with Monaco, when the tab first opens).
import { monaco } from '../monaco.ts';
import { LANGUAGE_ID, registerLanguage } from '../language/jixiao.ts';
import { EDITOR_FONT } from '../ui/fonts.ts';

export class DiffEditor {
  readonly editor: monaco.editor.IStandaloneDiffEditor;
  private readonly original: monaco.editor.ITextModel;
  private readonly modified: monaco.editor.ITextModel;

  constructor(host: HTMLElement, ariaLabel: string) {
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
      ariaLabel,
    });
    this.editor.setModel({ original: this.original, modified: this.modified });
  }

  setTexts(from: string, to: string): void {
    if (this.original.getValue() !== from) this.original.setValue(from);
    if (this.modified.getValue() !== to) this.modified.setValue(to);
  }

  setLabel(ariaLabel: string): void {
    this.editor.updateOptions({ ariaLabel });
  }
}
