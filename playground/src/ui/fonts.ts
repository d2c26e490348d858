// The editor's metrics, shared by Monaco and the light view of the template shown before
// Monaco has loaded (panes/template-view.ts): the switch from one to the other must not move a line.
export const EDITOR_FONT = '"Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, "Microsoft YaHei", monospace';
export const EDITOR_FONT_SIZE = 14;
export const EDITOR_LINE_HEIGHT = 20;
