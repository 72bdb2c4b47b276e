import fc from 'fast-check';
import {
  AnyOperand,
  ConditionContext,
  ConditionParseError,
  DURATION_UNIT_MS,
  DurationUnit,
  evaluateConditions,
  LeftOperand,
  Operator,
  OPERATORS,
  parseCondition,
  PatOperand,
  PlaceholderOperand,
  printCondition,
  RightOperand,
  SimpleOperand,
  validateConditions,
} from './index';
import { isDurationText, isNumberText } from './tokenizer';

// Bounded so the unit tier stays fast; CONDITIONS_FUZZ_RUNS=20000 when hunting a bug.
const RUNS = { numRuns: Number(process.env.CONDITIONS_FUZZ_RUNS ?? 500) };

const placeholderArb: fc.Arbitrary<PlaceholderOperand> = fc.oneof(
  fc
    .constantFrom('STATUS', 'RESPONSE_TIME', 'CERTIFICATE_EXPIRATION', 'DNS_RCODE', 'CONNECTED', 'IP', 'TLS_VERSION' as const)
    .map((name) => ({ kind: 'placeholder' as const, name, path: [] })),
  fc
    .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_$-]{1,8}$/), fc.nat(1000)), { maxLength: 4 })
    .map((path) => ({ kind: 'placeholder' as const, name: 'BODY' as const, path })),
  fc
    .stringMatching(/^[A-Za-z0-9_.-]{1,12}$/)
    .map((header) => ({ kind: 'placeholder' as const, name: 'HEADERS' as const, path: [header] })),
);

const numberArb = fc
  .oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  // -0 prints as "0"; the two are the same number to a condition, but not to toEqual.
  .map((value) => ({ kind: 'number' as const, value: Object.is(value, -0) ? 0 : value }));

const durationArb = fc
  .record({ amount: fc.nat(100_000), unit: fc.constantFrom<DurationUnit>('ms', 's', 'm', 'h', 'd') })
  .map(({ amount, unit }) => ({ kind: 'duration' as const, amount, unit, ms: amount * DURATION_UNIT_MS[unit] }));

const stringArb = fc.oneof(fc.string(), fc.string({ unit: 'binary' })).map((value) => ({ kind: 'string' as const, value }));

const wordArb = fc
  .stringMatching(/^[A-Za-z_*.:/-][A-Za-z0-9_*.:/-]{0,10}$/)
  .filter((w) => !isNumberText(w) && !isDurationText(w))
  .map((value) => ({ kind: 'word' as const, value }));

const simpleArb: fc.Arbitrary<SimpleOperand> = fc.oneof(placeholderArb, numberArb, durationArb, stringArb, wordArb);

const leftArb: fc.Arbitrary<LeftOperand> = fc.oneof(
  simpleArb,
  simpleArb.map((arg) => ({ kind: 'len' as const, arg })),
  simpleArb.map((arg) => ({ kind: 'has' as const, arg })),
);

const patArb: fc.Arbitrary<PatOperand> = fc
  .oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9*.]{1,8}$/))
  .map((pattern) => ({ kind: 'pat' as const, pattern }));
const anyArb: fc.Arbitrary<AnyOperand> = fc
  .array(simpleArb, { minLength: 1, maxLength: 4 })
  .map((values) => ({ kind: 'any' as const, values }));

type Ast = { left: LeftOperand; operator: Operator; right: RightOperand };

const astArb: fc.Arbitrary<Ast> = fc.oneof(
  fc.record({ left: leftArb, operator: fc.constantFrom(...OPERATORS), right: leftArb }),
  fc.record({ left: leftArb, operator: fc.constantFrom<Operator>('==', '!='), right: patArb }),
  fc.record({ left: leftArb, operator: fc.constant<Operator>('=='), right: anyArb }),
);

/** Strings made of condition fragments reach deeper into the parser than uniform noise does. */
const fragmentTextArb = fc
  .array(
    fc.constantFrom(
      '[STATUS]', '[BODY]', '[HEADERS]', '[HEADERS].x', '.a', '[0]', '[', ']', '.', '==', '!=', '<', '<=', '>', '>=', '=', '!',
      '"', '"x"', '\\', '\\u12', '(', ')', ',', 'len', 'has', 'pat', 'any', 'foo', '*', ' ', '200', '-1.5', '5m', 'UP',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const anyTextArb = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fragmentTextArb, astArb.map(printCondition));

const contextArb: fc.Arbitrary<ConditionContext> = fc.record(
  {
    status: fc.integer({ min: 0, max: 999 }),
    responseTimeMs: fc.double(),
    body: fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))),
    headers: fc.dictionary(fc.string(), fc.string()),
    certificateExpiresInMs: fc.double(),
    dnsRcode: fc.constantFrom('NOERROR', 'NXDOMAIN', 'SERVFAIL'),
    connected: fc.boolean(),
    ip: fc.string(),
    tlsVersion: fc.string(),
  },
  { requiredKeys: [] },
);

describe('conditions (property-based)', () => {
  it('parseCondition returns or throws ConditionParseError with a position inside the text', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        try {
          parseCondition(text);
        } catch (err) {
          if (!(err instanceof ConditionParseError)) throw err;
          expect(err.position).toBeGreaterThanOrEqual(0);
          expect(err.position).toBeLessThanOrEqual(text.length);
          expect(err.message).toMatch(/^expected .+ at position \d+$/s);
        }
      }),
      RUNS,
    );
  });

  it('parse(print(ast)) gives back an equivalent AST', () => {
    fc.assert(
      fc.property(astArb, (ast) => {
        const text = printCondition(ast);
        const parsed = parseCondition(text);
        expect({ left: parsed.left, operator: parsed.operator, right: parsed.right }).toEqual(ast);
        expect(parsed.text).toBe(text);
        expect(validateConditions([text])).toEqual([]);
      }),
      RUNS,
    );
  });

  it('evaluateConditions never throws and returns one outcome per condition', () => {
    fc.assert(
      fc.property(fc.array(anyTextArb, { maxLength: 5 }), contextArb, (texts, ctx) => {
        const outcomes = evaluateConditions(texts, ctx);
        expect(outcomes).toHaveLength(texts.length);
        outcomes.forEach((outcome, i) => {
          expect(outcome.condition).toBe(texts[i]);
          expect(typeof outcome.success).toBe('boolean');
          if (outcome.actual !== undefined) expect(outcome.actual.length).toBeLessThanOrEqual(100);
          if (!outcome.success && outcome.error !== undefined) expect(outcome.error.length).toBeGreaterThan(0);
        });
      }),
      RUNS,
    );
  });
});
