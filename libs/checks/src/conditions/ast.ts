/**
 * The parsed form of one condition: `<left> <operator> <right>`. Nodes carry no source positions
 * so two parses of equivalent text compare equal (the printer/parser round-trip relies on it).
 */

export type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export const OPERATORS: readonly Operator[] = ['==', '!=', '<', '<=', '>', '>='];

/** Placeholder names exactly as Gatus spells them (upper-case, case-sensitive). */
export type PlaceholderName =
  | 'STATUS'
  | 'RESPONSE_TIME'
  | 'BODY'
  | 'HEADERS'
  | 'CERTIFICATE_EXPIRATION'
  | 'DNS_RCODE'
  | 'CONNECTED'
  | 'IP'
  | 'TLS_VERSION';

export const PLACEHOLDER_NAMES: readonly PlaceholderName[] = [
  'STATUS',
  'RESPONSE_TIME',
  'BODY',
  'HEADERS',
  'CERTIFICATE_EXPIRATION',
  'DNS_RCODE',
  'CONNECTED',
  'IP',
  'TLS_VERSION',
];

/** `.key` is a string segment, `[3]` a number segment. */
export type PathSegment = string | number;

export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd';

export const DURATION_UNIT_MS: Readonly<Record<DurationUnit, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export interface PlaceholderOperand {
  kind: 'placeholder';
  name: PlaceholderName;
  /** JSON path for [BODY]; for [HEADERS] exactly one segment, the header name. Empty otherwise. */
  path: PathSegment[];
}
export interface NumberOperand {
  kind: 'number';
  value: number;
}
export interface DurationOperand {
  kind: 'duration';
  amount: number;
  unit: DurationUnit;
  /** amount * unit, what comparisons use. */
  ms: number;
}
export interface StringOperand {
  kind: 'string';
  value: string;
}
/** A bare word such as NOERROR, UP, true. */
export interface WordOperand {
  kind: 'word';
  value: string;
}

/** What may appear inside len(), has() and any(): no nested functions. */
export type SimpleOperand = PlaceholderOperand | NumberOperand | DurationOperand | StringOperand | WordOperand;

export interface LenOperand {
  kind: 'len';
  arg: SimpleOperand;
}
export interface HasOperand {
  kind: 'has';
  arg: SimpleOperand;
}
/** Only on the right of == / !=. */
export interface PatOperand {
  kind: 'pat';
  pattern: string;
}
/** Only on the right of ==. */
export interface AnyOperand {
  kind: 'any';
  values: SimpleOperand[];
}

export type LeftOperand = SimpleOperand | LenOperand | HasOperand;
export type RightOperand = LeftOperand | PatOperand | AnyOperand;
export type Operand = RightOperand;

export interface ParsedCondition {
  /** The source text, kept so outcomes can name the condition as written. */
  text: string;
  left: LeftOperand;
  operator: Operator;
  right: RightOperand;
}
