// The message model (Message, msg, quote) is the language's (@jixiao/language diagnostics.ts);
// re-exported for the modules of filing/ and import/ that import it from here.
export { msg, quote, type Message } from '@jixiao/language';
