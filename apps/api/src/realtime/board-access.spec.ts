import type { SessionUser } from '@kuzet/contracts';
import { boardRoomsFor, boardRoomsOf, isSameOrigin } from './board-access';

const user = (role: SessionUser['role'], agency: string | null = null): SessionUser => ({
  id: 1,
  email: 'u@example.kz',
  name: 'U',
  role,
  agency,
});

describe('board access', () => {
  it('puts admins, duty officers and viewers in the national room, operators in their agency only', () => {
    expect(boardRoomsFor(user('admin'))).toEqual(['national']);
    expect(boardRoomsFor(user('duty_officer'))).toEqual(['national']);
    expect(boardRoomsFor(user('viewer'))).toEqual(['national']);
    expect(boardRoomsFor(user('agency_operator', 'nit'))).toEqual(['agency:nit']);
    expect(boardRoomsFor(user('agency_operator', null))).toBeNull();
    expect(boardRoomsFor(user('root' as never))).toBeNull();
    expect(boardRoomsOf('mju')).toEqual(['national', 'agency:mju']);
  });

  it('accepts a same-origin or origin-less handshake, refuses another site', () => {
    expect(isSameOrigin({ host: 'kuzet.gov.kz' })).toBe(true);
    expect(isSameOrigin({ host: 'kuzet.gov.kz', origin: 'https://kuzet.gov.kz' })).toBe(true);
    expect(isSameOrigin({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).toBe(true);
    expect(isSameOrigin({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' })).toBe(false);
    expect(isSameOrigin({ host: 'kuzet.gov.kz', origin: 'https://evil.example' })).toBe(false);
    expect(isSameOrigin({ host: 'kuzet.gov.kz', origin: 'https://kuzet.gov.kz.evil.example' })).toBe(false);
    expect(isSameOrigin({ host: 'kuzet.gov.kz', origin: 'null' })).toBe(false);
    expect(isSameOrigin({ origin: 'https://kuzet.gov.kz' })).toBe(false);
    expect(
      isSameOrigin({ host: 'api:3000', 'x-forwarded-host': 'kuzet.gov.kz', origin: 'https://kuzet.gov.kz' }),
    ).toBe(true);
  });
});
