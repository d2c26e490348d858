// A message a user reads: Chinese first, English available.

export interface Message {
  zh: string;
  en: string;
}

export function msg(zh: string, en: string): Message {
  return { zh, en };
}

/** Quote user text in a message, shortened so one message stays one line. */
export function quote(text: unknown, max = 40): string {
  let s: string;
  if (typeof text === 'string') s = text;
  else if (text === undefined) s = 'undefined';
  else {
    try {
      s = JSON.stringify(text) ?? String(text);
    } catch {
      // a cycle or a value nested too deep to print: String() would recurse just as deep
      s = Array.isArray(text) ? '[…]' : typeof text === 'object' && text !== null ? '{…}' : typeof text;
    }
  }
  s = s.replace(/[\r\n\t]+/g, ' ');
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  return `“${s}”`;
}
