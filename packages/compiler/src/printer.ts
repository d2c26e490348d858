// Expressions are printed back with the language package's formatter so that
// messages quote formulas exactly as `fmt` would write them.

export { printExpr, printQuantity } from '@jixiao/language';
