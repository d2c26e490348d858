// Monaco, reduced to what the playground uses: the editor core and the contributions a
// staffer meets — hover, problems (F8) and quick fixes, completion with snippets, find,
// go to definition, formatting, comment toggling, line operations (Ctrl+] indents),
// Tab-focus mode. No bundled languages, no command palette, no context menu. Loaded on
// demand (panes/template-view.ts): the first screen shows the template without it.
import './monaco-nls.ts';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/common/standaloneStrings';
import { TabFocus } from 'monaco-editor/editor/browser/config/tabFocus';
// the self-starting worker entry (editor.worker.start only exports start(): a worker that never answers)
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

// Tab leaves the editor, as everywhere else on the page (keyboard users are not trapped);
// Ctrl+] / Ctrl+[ indent, Ctrl+M lets Tab indent instead (the footer says so)
TabFocus.setTabFocusMode(true);

monaco.editor.defineTheme('jixiao', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '0b4fa8', fontStyle: 'bold' },
    { token: 'identifier', foreground: '1f2328' },
    { token: 'variable.predefined', foreground: '8a3ffc' },
    { token: 'string', foreground: '0a7d3b' },
    { token: 'number', foreground: '9a4d00' },
    { token: 'type.unit', foreground: 'a0522d' },
    { token: 'operator', foreground: 'c0392b' },
    { token: 'delimiter', foreground: '57606a' },
    { token: 'comment', foreground: '6e7781' },
    { token: 'predefined', foreground: '0f766e' },
    { token: 'invalid', foreground: 'd1242f', fontStyle: 'bold underline' },
  ],
  // lighter change backgrounds in the diff editor: the words on them keep their contrast
  colors: {
    'diffEditor.insertedTextBackground': '#2ea04333',
    'diffEditor.removedTextBackground': '#f8514933',
    'diffEditor.insertedLineBackground': '#2ea04314',
    'diffEditor.removedLineBackground': '#f8514914',
  },
});

export { monaco };
