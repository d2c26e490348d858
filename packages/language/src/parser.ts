// The grammar of .jx templates: a chevrotain CstParser with error recovery. It knows
// nothing of scoring; `visitor.ts` turns its CST into the typed AST. The CST's types are
// generated from this grammar into cst.generated.ts: after changing a rule, a LABEL or a
// SUBRULE, run `npx -y pnpm@12.4.2 gen:cst` (test/cst-types.test.ts fails until then).
// chevrotain 13 calls Object.groupBy (ES2024), which Node 20 lacks; core-js adds just that.
import 'core-js/actual/object/group-by';
import { CstParser, type TokenType } from 'chevrotain';
import * as T from './tokens.ts';
import { errorMessageProvider } from './messages.ts';

const cmpOps: TokenType[] = [T.GreaterEq, T.Greater, T.LessEq, T.Less, T.Equals, T.NotEq];

export class JxParser extends CstParser {
  /**
   * `validate`: run chevrotain's grammar validations (ambiguities, left recursion …).
   * They cost start-up time at every command, so the shared instance skips them and the
   * parser tests build one with them on (parser.test.ts).
   */
  constructor(opts: { validate?: boolean } = {}) {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      maxLookahead: 4,
      errorMessageProvider,
      skipValidations: !opts.validate,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.template));
  });

  private template = this.RULE('template', () => {
    this.CONSUME(T.Template);
    this.SUBRULE(this.name);
    this.CONSUME(T.NumberLit, { LABEL: 'year' });
    this.OPTION(() => {
      this.CONSUME(T.Extends);
      // `继承 2023` (this jurisdiction) or `继承 全国 2020`, `继承 四川/遂宁 2020`
      this.OPTION2(() => this.SUBRULE(this.regionPath));
      this.CONSUME2(T.NumberLit, { LABEL: 'parent' });
    });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.item));
    this.CONSUME(T.RBrace);
  });

  /** A jurisdiction from the country down: 全国, 甘肃, 四川/遂宁/大英县. */
  private regionPath = this.RULE('regionPath', () => {
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.CONSUME(T.Divide);
      this.SUBRULE2(this.name);
    });
  });

  // 定性 and 期限 are keywords (target shapes) but also natural rule names.
  private name = this.RULE('name', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.Qualitative) },
      { ALT: () => this.CONSUME(T.Deadline) },
    ]);
  });

  private sep = this.RULE('sep', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Semi) }, { ALT: () => this.CONSUME(T.Comma) }]);
  });

  private item = this.RULE('item', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.titleDecl) },
      { ALT: () => this.SUBRULE(this.totalDecl) },
      { ALT: () => this.SUBRULE(this.roundingDecl) },
      { ALT: () => this.SUBRULE(this.gradesDecl) },
      { ALT: () => this.SUBRULE(this.tiersDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.sectionDecl) },
      { ALT: () => this.SUBRULE(this.deductionDecl) },
      { ALT: () => this.SUBRULE(this.aggregationDecl) },
      { ALT: () => this.SUBRULE(this.removeDecl) },
      { ALT: () => this.SUBRULE(this.renameDecl) },
      { ALT: () => this.SUBRULE(this.naDecl) },
      { ALT: () => this.SUBRULE(this.inputDecl) },
    ]);
    this.OPTION(() => this.SUBRULE(this.sep));
  });

  // `不适用 按总分折算`: rows marked not applicable leave, the rest is rescaled so
  private naDecl = this.RULE('naDecl', () => {
    this.CONSUME(T.NotApplicable);
    this.CONSUME(T.NaMode);
  });

  // `输入 全年预算调剂金额 万元`: a figure the filing carries outside the indicator table
  private inputDecl = this.RULE('inputDecl', () => {
    this.CONSUME(T.Input);
    this.SUBRULE(this.name);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.UnitWord) }, { ALT: () => this.CONSUME(T.Percent) }]));
  });

  // `删除 一级指标 X`, `删除 规则 X`, `删除 扣分 X`: only in a template that extends another.
  private removeDecl = this.RULE('removeDecl', () => {
    this.CONSUME(T.Remove);
    this.OR([{ ALT: () => this.CONSUME(T.Section1) }, { ALT: () => this.CONSUME(T.Rule) }, { ALT: () => this.CONSUME(T.Deduction) }]);
    this.SUBRULE(this.name);
  });

  // `重命名 一级指标 旧名 为 新名`
  private renameDecl = this.RULE('renameDecl', () => {
    this.CONSUME(T.Rename);
    this.CONSUME(T.Section1);
    this.SUBRULE(this.name, { LABEL: 'from' });
    this.CONSUME(T.As);
    this.SUBRULE2(this.name, { LABEL: 'to' });
  });

  private titleDecl = this.RULE('titleDecl', () => {
    this.CONSUME(T.Title);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) });
  });

  private totalDecl = this.RULE('totalDecl', () => {
    this.CONSUME(T.Total);
    this.SUBRULE(this.quantity);
  });

  private roundingDecl = this.RULE('roundingDecl', () => {
    this.CONSUME(T.Decimals);
    this.SUBRULE(this.quantity);
    this.OPTION(() => this.CONSUME(T.Places));
    this.OPTION2(() => this.CONSUME(T.RoundingMode));
  });

  private gradesDecl = this.RULE('gradesDecl', () => {
    this.CONSUME(T.Grades);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.MANY(() => {
            this.SUBRULE(this.gradeBand);
            this.OPTION(() => this.SUBRULE(this.sep));
          });
          this.CONSUME(T.RBrace);
        },
      },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.gradeBand) }) },
    ]);
  });

  private gradeBand = this.RULE('gradeBand', () => {
    this.SUBRULE(this.name);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.SUBRULE(this.cmpOp);
            this.SUBRULE(this.quantity, { LABEL: 'bound' });
          },
        },
        { ALT: () => this.SUBRULE(this.range) },
      ]),
    );
  });

  private range = this.RULE('range', () => {
    this.SUBRULE(this.quantity, { LABEL: 'low' });
    this.OR([{ ALT: () => this.CONSUME(T.DotDot) }, { ALT: () => this.CONSUME(T.RangeSep) }]);
    this.SUBRULE2(this.quantity, { LABEL: 'high' });
  });

  private tiersDecl = this.RULE('tiersDecl', () => {
    this.CONSUME(T.Tiers);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.tier);
      this.OPTION(() => this.CONSUME(T.Semi));
    });
    this.CONSUME(T.RBrace);
  });

  // `达成 80%..100%`, or one point: `完成 100%` (only exactly that fraction)
  private tier = this.RULE('tier', () => {
    this.SUBRULE(this.name);
    this.SUBRULE(this.quantity, { LABEL: 'low' });
    this.OPTION2(() => {
      this.OR([{ ALT: () => this.CONSUME(T.DotDot) }, { ALT: () => this.CONSUME(T.RangeSep) }]);
      this.SUBRULE2(this.quantity, { LABEL: 'high' });
    });
    this.OPTION(() => this.SUBRULE(this.aliasList));
  });

  private aliasList = this.RULE('aliasList', () => {
    this.CONSUME(T.Alias);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) });
  });

  private ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.SUBRULE(this.name);
    // A rule without 适用 is only ever chosen by an indicator's 采用.
    this.OPTION3(() => {
      this.CONSUME(T.Applies);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.shape) });
    });
    // `允许负数 实际, 目标`: which inputs may be negative (the checker knows the names)
    this.OPTION4(() => {
      this.CONSUME(T.AllowNegative);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.name) });
    });
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.SUBRULE(this.scoreDecl);
          this.OPTION2(() => this.CONSUME(T.Semi));
          this.CONSUME(T.RBrace);
        },
      },
      { ALT: () => this.SUBRULE2(this.scoreDecl) },
    ]);
  });

  private shape = this.RULE('shape', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.cmpOp) }, { ALT: () => this.CONSUME(T.Qualitative) }, { ALT: () => this.CONSUME(T.Deadline) }]);
  });

  private scoreDecl = this.RULE('scoreDecl', () => {
    this.CONSUME(T.Score);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expr);
  });

  private sectionDecl = this.RULE('sectionDecl', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Section1) }, { ALT: () => this.CONSUME(T.Section2) }, { ALT: () => this.CONSUME(T.Section3) }]);
    this.SUBRULE(this.name);
    this.CONSUME(T.Weight);
    this.SUBRULE(this.quantity);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => {
        this.SUBRULE(this.sectionItem);
        this.OPTION2(() => this.SUBRULE(this.sep));
      });
      this.CONSUME(T.RBrace);
    });
  });

  private sectionItem = this.RULE('sectionItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.aliasList) },
      { ALT: () => this.SUBRULE(this.scoreDecl) },
      {
        ALT: () => {
          this.CONSUME(T.Use);
          this.SUBRULE(this.name);
        },
      },
      { ALT: () => this.CONSUME(T.FilledByUnit) },
      { ALT: () => this.SUBRULE(this.sectionDecl) },
      { ALT: () => this.SUBRULE(this.choiceDecl) },
    ]);
  });

  // `择一 { 二级指标 结转结余率 …; 二级指标 结转结余变动率 … }`
  private choiceDecl = this.RULE('choiceDecl', () => {
    this.CONSUME(T.Choice);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.sectionDecl);
      this.OPTION(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
  });

  private deductionDecl = this.RULE('deductionDecl', () => {
    this.CONSUME(T.Deduction);
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.CONSUME(T.PerItemMax);
      this.SUBRULE(this.quantity, { LABEL: 'perItem' });
      this.OPTION2(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.TotalMax);
    this.SUBRULE2(this.quantity, { LABEL: 'totalMax' });
    this.OPTION3(() => {
      this.OPTION4(() => this.CONSUME2(T.Comma));
      this.CONSUME(T.Floor);
      this.SUBRULE3(this.quantity, { LABEL: 'floor' });
    });
  });

  private aggregationDecl = this.RULE('aggregationDecl', () => {
    this.CONSUME(T.Aggregation);
    this.CONSUME(T.LBrace);
    this.MANY(() => {
      this.SUBRULE(this.aggregationEntry);
      this.OPTION(() => this.SUBRULE(this.sep));
    });
    this.CONSUME(T.RBrace);
  });

  private aggregationEntry = this.RULE('aggregationEntry', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Absolute) }, { ALT: () => this.CONSUME(T.Relative) }, { ALT: () => this.CONSUME(T.Qualitative) }]);
    this.OR2([{ ALT: () => this.CONSUME(T.Sum) }, { ALT: () => this.CONSUME(T.FundingWeighted) }, { ALT: () => this.CONSUME(T.Mean) }]);
  });

  private quantity = this.RULE('quantity', () => {
    this.CONSUME(T.NumberLit);
    this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(T.Percent) }, { ALT: () => this.CONSUME(T.UnitWord) }]));
  });

  private cmpOp = this.RULE('cmpOp', () => {
    this.OR(cmpOps.map((t) => ({ ALT: () => this.CONSUME(t) })));
  });

  // ── expressions, loosest first ──
  private expr = this.RULE('expr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr, { LABEL: 'operands' });
    });
  });

  private andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.cmpExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.cmpExpr, { LABEL: 'operands' });
    });
  });

  private cmpExpr = this.RULE('cmpExpr', () => {
    this.SUBRULE(this.addExpr, { LABEL: 'operands' });
    this.OPTION(() => {
      this.SUBRULE(this.cmpOp);
      this.SUBRULE2(this.addExpr, { LABEL: 'operands' });
    });
  });

  private addExpr = this.RULE('addExpr', () => {
    this.SUBRULE(this.mulExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'ops' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'ops' }) }]);
      this.SUBRULE2(this.mulExpr, { LABEL: 'operands' });
    });
  });

  private mulExpr = this.RULE('mulExpr', () => {
    this.SUBRULE(this.unaryExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Times, { LABEL: 'ops' }) }, { ALT: () => this.CONSUME(T.Divide, { LABEL: 'ops' }) }]);
      this.SUBRULE2(this.unaryExpr, { LABEL: 'operands' });
    });
  });

  private unaryExpr = this.RULE('unaryExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  private primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.quantity) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Weight) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.shareCall) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expr);
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  private call = this.RULE('call', () => {
    this.OR([{ ALT: () => this.CONSUME(T.FnMin) }, { ALT: () => this.CONSUME(T.FnMax) }]);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expr, { LABEL: 'args' }) });
    this.CONSUME(T.RParen);
  });

  // `占比(数量指标, 实际 >= 目标 且 实际 <= 目标 * 1.3)`
  private shareCall = this.RULE('shareCall', () => {
    this.CONSUME(T.FnShare);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.name);
    this.CONSUME(T.Comma);
    this.SUBRULE(this.expr, { LABEL: 'cond' });
    this.CONSUME(T.RParen);
  });

  private ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expr, { LABEL: 'cond' });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expr, { LABEL: 'then' });
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expr, { LABEL: 'else' });
  });
}

/** One parser instance is reused (chevrotain parsers are stateful but resettable). */
export const parserInstance = new JxParser();
