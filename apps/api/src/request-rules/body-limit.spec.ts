import { BODY_LIMIT_BYTES, drainsRefusedBody, OVERSIZED_BODY_DRAIN_BYTES } from './body-limit';

describe('drainsRefusedBody', () => {
  const length = (n: number) => ({ 'content-length': String(n) });

  it('drains a 413 whose declared length is over the limit and within the drain bound', () => {
    expect(drainsRefusedBody(413, length(BODY_LIMIT_BYTES + 1))).toBe(true);
    expect(drainsRefusedBody(413, length(OVERSIZED_BODY_DRAIN_BYTES))).toBe(true);
  });

  it('closes when the body is too big to drain, chunked (part of it already read), or the answer is not 413', () => {
    expect(drainsRefusedBody(413, length(OVERSIZED_BODY_DRAIN_BYTES + 1))).toBe(false);
    expect(drainsRefusedBody(413, { 'transfer-encoding': 'chunked' })).toBe(false);
    expect(drainsRefusedBody(413, { ...length(BODY_LIMIT_BYTES + 1), 'transfer-encoding': 'chunked' })).toBe(false);
    expect(drainsRefusedBody(413, length(BODY_LIMIT_BYTES))).toBe(false);
    expect(drainsRefusedBody(413, { 'content-length': 'abc' })).toBe(false);
    expect(drainsRefusedBody(400, length(BODY_LIMIT_BYTES + 1))).toBe(false);
  });
});
