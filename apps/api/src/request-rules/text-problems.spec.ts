import { findTextProblem } from './text-problems';

describe('findTextProblem', () => {
  it('names the first field holding NUL: top level, nested, in an array, in a key', () => {
    expect(findTextProblem({ email: 'a\u0000@b.kz' })).toEqual({ field: 'email', message: 'must not contain a NUL character' });
    expect(findTextProblem({ name: { kk: 'a', en: 'x\u0000' } })?.field).toBe('name.en');
    expect(findTextProblem({ tags: ['ok', '\u0000'] })?.field).toBe('tags.1');
    expect(findTextProblem({ ['k\u0000']: 1 })?.field).toBe('k\\0');
    expect(findTextProblem('\u0000')?.field).toBe('(body)');
    expect(findTextProblem({ a: { b: 'x\u0000' }, c: '\u0000' })?.field).toBe('a.b');
  });

  it('passes clean values, unicode included, and refuses absurd nesting', () => {
    expect(findTextProblem({ a: 'Қазақстан 𝕂', b: [1, null, true], c: { d: '' } })).toBeUndefined();
    expect(findTextProblem(undefined)).toBeUndefined();
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(findTextProblem(deep)?.message).toMatch(/nested deeper/);
  });
});
