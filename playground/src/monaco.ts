// Monaco, reduced to the editor core and its contributions: no bundled languages.
import 'monaco-editor/features/register.all';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker.start?worker';

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
