// Monaco modules the playground imports by path that ship without type declarations.
declare module 'monaco-editor/editor/browser/config/tabFocus' {
  /** The page-wide Tab-focus mode: Tab moves focus out of editors (toggled by Ctrl+M). */
  export const TabFocus: { getTabFocusMode(): boolean; setTabFocusMode(on: boolean): void };
}
