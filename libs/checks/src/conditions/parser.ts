import {
  AnyOperand,
  LeftOperand,
  Operator,
  ParsedCondition,
  PatOperand,
  RightOperand,
  SimpleOperand,
} from './ast';
import { ConditionParseError } from './condition-parse-error';
import { Token, tokenize } from './tokenizer';

/**
 * Recursive-descent parser for one condition:
 *
 *   condition := operand OPERATOR operand EOF
 *   operand   := simple | len '(' simple ')' | has '(' simple ')'
 *              | pat '(' PATTERN ')'          right side of == / != only
 *              | any '(' simple (',' simple)* ')'   right side of == only
 *   simple    := PLACEHOLDER | NUMBER | DURATION | STRING | WORD
 *
 * Functions do not nest; the grammar is small enough that a generator would add weight, not help.
 */
export function parseCondition(text: string): ParsedCondition {
  return new Parser(text).parse();
}

const FUNCTIONS = ['len', 'has', 'pat', 'any'] as const;
const VALUE = 'a placeholder or value';
const OPERATOR = 'an operator (==, !=, <, <=, >, >=)';

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parse(): ParsedCondition {
    const left = this.operand(undefined) as LeftOperand;
    const opToken = this.peek();
    if (opToken.kind !== 'operator') throw new ConditionParseError(opToken.position, OPERATOR);
    this.index++;
    const right = this.operand(opToken.operator);
    this.expect('eof', 'the end of the condition');
    return { text: this.text, left, operator: opToken.operator, right };
  }

  /** `operator` is undefined for the left side, which rules out pat() and any(). */
  private operand(operator: Operator | undefined): RightOperand {
    const token = this.peek();
    if (token.kind !== 'word' || this.peek(1).kind !== 'lparen') return this.simple();
    const name = token.raw;
    if (!(FUNCTIONS as readonly string[]).includes(name)) {
      throw new ConditionParseError(token.position, `${VALUE} or a function (${FUNCTIONS.join(', ')})`);
    }
    if (name === 'pat' && operator !== '==' && operator !== '!=') {
      throw new ConditionParseError(token.position, `${VALUE} (pat() is only allowed on the right of == or !=)`);
    }
    if (name === 'any' && operator !== '==') {
      throw new ConditionParseError(token.position, `${VALUE} (any() is only allowed on the right of ==)`);
    }
    this.index += 2; // name and '('
    let result: RightOperand;
    if (name === 'pat') result = this.patArgument();
    else if (name === 'any') result = this.anyArguments();
    else result = { kind: name as 'len' | 'has', arg: this.simple() };
    this.expect('rparen', name === 'any' ? "',' or ')'" : "')'");
    return result;
  }

  private patArgument(): PatOperand {
    const token = this.peek();
    this.index++;
    switch (token.kind) {
      case 'string':
        return { kind: 'pat', pattern: token.value };
      case 'word':
      case 'number':
      case 'duration':
        // The glob is the text as written; `200` or `5m` in a pattern are not numbers.
        return { kind: 'pat', pattern: token.raw };
      default:
        throw new ConditionParseError(token.position, 'a glob pattern (e.g. *UP* or "* UP *")');
    }
  }

  private anyArguments(): AnyOperand {
    const values: SimpleOperand[] = [this.simple()];
    while (this.peek().kind === 'comma') {
      this.index++;
      values.push(this.simple());
    }
    return { kind: 'any', values };
  }

  private simple(): SimpleOperand {
    const token = this.peek();
    switch (token.kind) {
      case 'placeholder':
        this.index++;
        return { kind: 'placeholder', name: token.name, path: token.path };
      case 'number':
        this.index++;
        return { kind: 'number', value: token.value };
      case 'duration':
        this.index++;
        return { kind: 'duration', amount: token.amount, unit: token.unit, ms: token.ms };
      case 'string':
        this.index++;
        return { kind: 'string', value: token.value };
      case 'word':
        if (this.peek(1).kind === 'lparen') {
          throw new ConditionParseError(token.position, `${VALUE} (functions do not nest)`);
        }
        this.index++;
        return { kind: 'word', value: token.raw };
      default:
        throw new ConditionParseError(token.position, VALUE);
    }
  }

  private expect(kind: Token['kind'], expected: string): void {
    const token = this.peek();
    if (token.kind !== kind) throw new ConditionParseError(token.position, expected);
    this.index++;
  }

  private peek(ahead = 0): Token {
    // The eof token is always last, so clamping keeps lookahead safe at the end.
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }
}
