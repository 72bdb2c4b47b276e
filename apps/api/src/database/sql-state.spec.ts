import { QueryFailedError } from 'typeorm';
import { isConcurrencyFailure, sqlState } from './sql-state';

describe('sqlState', () => {
  it('reads the SQLSTATE of a pg error and of a TypeORM QueryFailedError', () => {
    expect(sqlState(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe('40P01');
    const failed = new QueryFailedError('UPDATE users', [], Object.assign(new Error('could not serialize'), { code: '40001' }));
    expect(sqlState(failed)).toBe('40001');
    expect(sqlState(Object.assign(new Error('socket'), { code: 'ECONNRESET' }))).toBeUndefined();
    expect(sqlState('40P01')).toBeUndefined();
  });

  it('calls deadlocks and serialization failures concurrency failures, nothing else', () => {
    expect(isConcurrencyFailure({ code: '40P01' })).toBe(true);
    expect(isConcurrencyFailure({ driverError: { code: '40001' } })).toBe(true);
    expect(isConcurrencyFailure({ code: '23505' })).toBe(false);
    expect(isConcurrencyFailure(new Error('x'))).toBe(false);
  });
});
