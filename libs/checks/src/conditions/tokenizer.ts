import {
  DURATION_UNIT_MS,
  DurationUnit,
  Operator,
  PathSegment,
  PLACEHOLDER_NAMES,
  PlaceholderName,
} from './ast';
import { ConditionParseError } from './condition-parse-error';

/**
 * Splits condition text into tokens. Hand-written because the language is tiny; every token keeps
 * its start `position` so the parser can report errors at the offending character.
 *
 * Bare runs of characters (anything but whitespace and `( ) , " = ! < >`) become a number,
 * a duration or a word; that is what lets `NOERROR`, `TLSv1.3`, `10.0.0.1` and globs like `*UP*`
 * appear unquoted, as in Gatus.
 */
export type Token =
  | { kind: 'placeholder'; position: number; name: PlaceholderName; path: PathSegment[] }
  | { kind: 'number'; position: number; raw: string; value: number }
  | { kind: 'duration'; position: number; raw: string; amount: number; unit: DurationUnit; ms: number }
  | { kind: 'string'; position: number; value: string }
  | { kind: 'word'; position: number; raw: string }
  | { kind: 'operator'; position: number; operator: Operator }
  | { kind: 'lparen' | 'rparen' | 'comma' | 'eof'; position: number }
  /** A stray `=` or `!`: left to the parser so it can say what it expected there instead. */
  | { kind: 'invalid'; position: number };

const NUMBER_RE = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DURATION_RE = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const PLACEHOLDER_NAME_CHAR = /[A-Za-z0-9_]/;
const BODY_KEY_CHAR = /[A-Za-z0-9_$-]/;
/** Header names may contain dots, so [HEADERS] takes the whole run as one name. */
const HEADER_NAME_CHAR = /[A-Za-z0-9_.-]/;
const WORD_STOP = new Set(['(', ')', ',', '"', '=', '!', '<', '>']);

export function isNumberText(text: string): boolean {
  return NUMBER_RE.test(text) && Number.isFinite(Number(text));
}

export function isDurationText(text: string): boolean {
  return DURATION_RE.test(text);
}

/** True when `text` would tokenize back as one bare word (used by the printer to skip quotes). */
export function isBareWordText(text: string): boolean {
  if (text.length === 0 || text[0] === '[') return false;
  for (const ch of text) if (isWhitespace(ch) || WORD_STOP.has(ch)) return false;
  return true;
}

function isWhitespace(ch: string): boolean {
  return /\s/.test(ch);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isWhitespace(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', position: start });
      i++;
    } else if (ch === '=' || ch === '!' || ch === '<' || ch === '>') {
      const two = text.slice(i, i + 2);
      if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
        tokens.push({ kind: 'operator', position: start, operator: two });
        i += 2;
      } else if (ch === '<' || ch === '>') {
        tokens.push({ kind: 'operator', position: start, operator: ch });
        i++;
      } else {
        tokens.push({ kind: 'invalid', position: start });
        i++;
      }
    } else if (ch === '"') {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', position: start, value });
      i = end;
    } else if (ch === '[') {
      const { token, end } = readPlaceholder(text, i);
      tokens.push(token);
      i = end;
    } else {
      while (i < text.length && !isWhitespace(text[i]!) && !WORD_STOP.has(text[i]!)) i++;
      tokens.push(classifyBare(text.slice(start, i), start));
    }
  }
  tokens.push({ kind: 'eof', position: text.length });
  return tokens;
}

function classifyBare(raw: string, position: number): Token {
  if (isNumberText(raw)) return { kind: 'number', position, raw, value: Number(raw) };
  const duration = DURATION_RE.exec(raw);
  if (duration) {
    const amount = Number(duration[1]);
    const unit = duration[2] as DurationUnit;
    return { kind: 'duration', position, raw, amount, unit, ms: amount * DURATION_UNIT_MS[unit] };
  }
  return { kind: 'word', position, raw };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
};

/** JSON-style escapes, so JSON.stringify output is always a valid string literal. */
function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return { value, end: i + 1 };
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      throw new ConditionParseError(i, 'a valid escape (\\" \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX)');
    }
  }
  throw new ConditionParseError(text.length, 'a closing \'"\'');
}

function readPlaceholder(text: string, start: number): { token: Token; end: number } {
  let i = start + 1;
  while (i < text.length && PLACEHOLDER_NAME_CHAR.test(text[i]!)) i++;
  const name = text.slice(start + 1, i);
  if (!(PLACEHOLDER_NAMES as readonly string[]).includes(name)) {
    throw new ConditionParseError(start + 1, `a placeholder name (${PLACEHOLDER_NAMES.join(', ')})`);
  }
  if (text[i] !== ']') throw new ConditionParseError(i, "']'");
  i++;
  const placeholder = name as PlaceholderName;
  const path: PathSegment[] = [];
  if (placeholder === 'BODY') {
    while (text[i] === '.' || text[i] === '[') {
      if (text[i] === '.') {
        const keyStart = i + 1;
        i = keyStart;
        while (i < text.length && BODY_KEY_CHAR.test(text[i]!)) i++;
        if (i === keyStart) throw new ConditionParseError(keyStart, 'a path key');
        path.push(text.slice(keyStart, i));
      } else {
        const indexStart = i + 1;
        i = indexStart;
        while (i < text.length && /[0-9]/.test(text[i]!)) i++;
        if (i === indexStart) throw new ConditionParseError(indexStart, 'an array index');
        if (text[i] !== ']') throw new ConditionParseError(i, "']'");
        path.push(Number(text.slice(indexStart, i)));
        i++;
      }
    }
  } else if (placeholder === 'HEADERS') {
    if (text[i] !== '.') throw new ConditionParseError(i, "'.' and a header name after [HEADERS]");
    const nameStart = i + 1;
    i = nameStart;
    while (i < text.length && HEADER_NAME_CHAR.test(text[i]!)) i++;
    if (i === nameStart) throw new ConditionParseError(nameStart, 'a header name');
    path.push(text.slice(nameStart, i));
  } else if (text[i] === '.' || text[i] === '[') {
    throw new ConditionParseError(i, `no path after [${placeholder}] (only [BODY] and [HEADERS] take one)`);
  }
  return { token: { kind: 'placeholder', position: start, name: placeholder, path }, end: i };
}
