// Build the playground, serve dist/ with vite preview on a free port of 127.0.0.1, and
// launch Chromium. Vite and playwright-core are the playground's devDependencies, so they
// are loaded from there (the root package stays free of them).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const playgroundRoot = join(repoRoot, 'playground');
export const outDir = join(repoRoot, 'test-output', 'browser');

const requireFromPlayground = createRequire(join(playgroundRoot, 'package.json'));

/** The little of playwright's Page that the tests use (typed here: its types live in the playground). */
export interface Page {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  addInitScript(script: string | { content: string }): Promise<void>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  hover(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  mouse: { move(x: number, y: number, opts?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void>; click(x: number, y: number): Promise<void> };
  setInputFiles(selector: string, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, opts?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<unknown>;
  keyboard: { type(text: string, opts?: { delay?: number }): Promise<void>; press(key: string): Promise<void>; insertText(text: string): Promise<void> };
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<unknown>;
  waitForSelector(selector: string, opts?: { timeout?: number; state?: 'visible' | 'attached' }): Promise<unknown>;
  locator(selector: string): {
    textContent(): Promise<string | null>;
    innerText(): Promise<string>;
    inputValue(): Promise<string>;
    count(): Promise<number>;
    first(): { innerText(): Promise<string> };
  };
  on(event: 'response', fn: (r: { url(): string; body(): Promise<Buffer>; request(): { resourceType(): string } }) => void): void;
  on(event: 'console' | 'pageerror', fn: (x: { text?: () => string; type?: () => string; message?: string }) => void): void;
  on(event: string, fn: (x: never) => void): void;
  url(): string;
  close(): Promise<void>;
  context(): { newCDPSession(page: Page): Promise<{ send(method: string, params?: object): Promise<unknown> }> };
}
export interface Browser {
  newPage(opts: { viewport: { width: number; height: number }; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

export interface Playground {
  url: string;
  browser: Browser;
  errors: string[];
  /** A page at 1366×768; the guided start is closed for good unless `guide` (a first visit). */
  newPage(opts?: { guide?: boolean; viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

interface Vite {
  build(c: object): Promise<unknown>;
  preview(c: object): Promise<{ resolvedUrls: { local: string[] } | null; close(): Promise<void> }>;
}
const loadVite = async (): Promise<Vite> => (await import(pathToFileURL(requireFromPlayground.resolve('vite')).href)) as Vite;

/** `vite build` of the playground into playground/dist (run once, by global-setup.ts). */
export async function buildPlayground(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const vite = await loadVite();
  await vite.build({ root: playgroundRoot, configFile: join(playgroundRoot, 'vite.config.ts'), logLevel: 'warn' });
}

/** Debian's Chromium through playwright-core, headless, from a fresh temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = requireFromPlayground('playwright-core') as {
    chromium: { launch(o: object): Promise<Browser> };
  };
  // launch() always starts from a fresh temporary profile (it refuses --user-data-dir)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/** Serve the built playground and launch Chromium. */
export async function startPlayground(): Promise<Playground> {
  mkdirSync(outDir, { recursive: true });
  const vite = await loadVite();
  const server = await vite.preview({
    root: playgroundRoot,
    configFile: join(playgroundRoot, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');

  const browser = await launchBrowser();
  const errors: string[] = [];
  return {
    url,
    browser,
    errors,
    async newPage(opts = {}) {
      const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1366, height: 768 }, locale: 'zh-CN' });
      // most tests are of a returning user: the guide would cover part of the page
      if (!opts.guide) await page.addInitScript("try { localStorage.setItem('jixiao.guide.done', '1') } catch {}");
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type?.() === 'error') errors.push(`console: ${m.text?.()}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The page's test hooks (playground/src/main.ts, window.__jixiao). */
export interface Hooks {
  markers(): { message: string; code: string; severity: string; startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number }[];
  analysedVersion(): number;
  settled(): boolean;
  loadEditor(): Promise<boolean>;
  editorLoaded(): boolean;
  page(): Record<string, unknown>;
  version(): number;
  template(): string;
  filing(): string;
  state(): { file: string; year: number; template: string; filing: string };
  score(): { kind: string; report?: { total: number; grade: string; sections: { name: string; cap: number; score: number }[]; findings: { code: string }[] } } | null;
  latencies(): number[];
  workerMs(): number | null;
  editor: {
    setPosition(p: { lineNumber: number; column: number }): void;
    revealLineInCenter(line: number): void;
    getPosition(): { lineNumber: number; column: number } | null;
    focus(): void;
    getAction(id: string): { run(): Promise<void> } | null;
    trigger(source: string, handler: string, payload: unknown): void;
  };
}

/** window.__jixiao inside page.evaluate callbacks (the root tsconfig has no DOM lib). */
export const hooks = (): Hooks => (globalThis as unknown as { __jixiao: Hooks }).__jixiao;

/**
 * Wait until the markers and the score panel show the editor's current text, with the
 * Monaco editor loaded (the first screen shows the template without it; most tests type).
 */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => !!(globalThis as unknown as { __jixiao?: Hooks }).__jixiao, undefined, { timeout });
  await page.evaluate(() => (globalThis as unknown as { __jixiao: Hooks }).__jixiao.loadEditor());
  await settledLight(page, timeout);
}

/** Wait until the analysis shows the current text, without loading Monaco (the first screen as a visitor gets it). */
export async function settledLight(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const j = (globalThis as unknown as { __jixiao?: Hooks }).__jixiao;
      return !!j && j.settled();
    },
    undefined,
    { timeout },
  );
}

export function shot(name: string): string {
  return join(outDir, name);
}
