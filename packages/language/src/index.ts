export * from './ast.ts';
export { parse, type ParseResult, type Comment, MAX_SOURCE_CHARS } from './parse.ts';
export { allTokens, tokenClass, keywordSpellings, JxLexer, type TokenClass } from './tokens.ts';
export { format, printExpr, printName, printQuantity, shapeText } from './format.ts';
export * from './diagnostics.ts';
export { LANGUAGE_CODES, type LanguageCodeKey, type SyntaxData } from './codes.ts';
