import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DataExceptionFilter, sqlState } from './data-exception.filter';

function httpHost() {
  const reply = { status: jest.fn().mockReturnThis(), send: jest.fn().mockReturnThis() };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { reply, host };
}

describe('DataExceptionFilter', () => {
  it('reads the SQLSTATE of class 22 from pg and TypeORM errors only', () => {
    expect(sqlState(Object.assign(new Error('x'), { code: '22021' }))).toBe('22021');
    expect(sqlState(new QueryFailedError('SELECT', [], Object.assign(new Error('nul'), { code: '22P05' })))).toBe('22P05');
    expect(sqlState(Object.assign(new Error('x'), { code: '23505' }))).toBeUndefined();
    expect(sqlState(new Error('plain'))).toBeUndefined();
  });

  it('answers 400 for a data exception', () => {
    const { reply, host } = httpHost();
    new DataExceptionFilter().catch(Object.assign(new Error('invalid byte sequence'), { code: '22021' }), host);
    expect(reply.status).toHaveBeenCalledWith(400);
    expect(reply.send).toHaveBeenCalledWith(expect.objectContaining({ statusCode: 400, errors: [expect.objectContaining({ field: '(request)' })] }));
  });
});
