// Monaco, reduced to the editor core and its contributions: no bundled languages.
import 'monaco-editor/features/register.all';
// contributions editor.main adds beyond register.all (go to definition, suggest, find, …)
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/common/standaloneStrings';
import * as monaco from 'monaco-editor/editor/editor.api';
// the self-starting worker entry (editor.worker.start only exports start(): a worker that never answers)
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

monaco.editor.defineTheme('jixiao', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '0b4fa8', fontStyle: 'bold' },
    { token: 'identifier', foreground: '1f2328' },
    { token: 'variable.predefined', foreground: '8a3ffc' },
    { token: 'string', foreground: '0a7d3b' },
    { token: 'number', foreground: 'b35900' },
    { token: 'type.unit', foreground: 'a0522d' },
    { token: 'operator', foreground: 'c0392b' },
    { token: 'delimiter', foreground: '57606a' },
    { token: 'comment', foreground: '6e7781' },
    { token: 'predefined', foreground: '0f766e' },
    { token: 'invalid', foreground: 'd1242f', fontStyle: 'bold underline' },
  ],
  colors: {},
});

export { monaco };
