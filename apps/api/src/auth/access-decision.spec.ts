import type { Role } from '@kuzet/contracts';
import { AccessFacts, decideAccess } from './access-decision';

const facts = (over: Partial<AccessFacts>): AccessFacts => ({
  isPublic: false,
  method: 'GET',
  role: 'viewer',
  allowed: undefined,
  csrfHeader: 'tok',
  csrfMatches: true,
  ...over,
});

describe('decideAccess', () => {
  it('lets anyone reach a public route', () => {
    expect(decideAccess(facts({ isPublic: true, role: undefined, method: 'POST', csrfMatches: false }))).toBe('allow');
  });

  it('needs a session everywhere else', () => {
    expect(decideAccess(facts({ role: undefined }))).toBe('unauthenticated');
    expect(decideAccess(facts({ role: undefined, method: 'POST' }))).toBe('unauthenticated');
  });

  it('opens undeclared reads to every role and undeclared writes to admins only', () => {
    for (const role of ['admin', 'duty_officer', 'agency_operator', 'viewer'] as Role[])
      expect(decideAccess(facts({ role }))).toBe('allow');
    expect(decideAccess(facts({ role: 'admin', method: 'DELETE' }))).toBe('allow');
    for (const role of ['duty_officer', 'agency_operator', 'viewer'] as Role[])
      expect(decideAccess(facts({ role, method: 'PATCH' }))).toBe('forbidden');
  });

  it('checks the CSRF token on writes only, before the role', () => {
    expect(decideAccess(facts({ method: 'POST', role: 'admin', csrfMatches: false }))).toBe('csrf');
    expect(decideAccess(facts({ method: 'POST', role: 'viewer', csrfMatches: false }))).toBe('csrf');
    expect(decideAccess(facts({ method: 'GET', csrfMatches: false, csrfHeader: undefined }))).toBe('allow');
    expect(decideAccess(facts({ method: 'HEAD', csrfMatches: false }))).toBe('allow');
  });

  it('applies @Roles to reads and writes', () => {
    expect(decideAccess(facts({ allowed: ['admin'], role: 'duty_officer' }))).toBe('forbidden');
    expect(decideAccess(facts({ allowed: ['admin', 'duty_officer'], role: 'duty_officer', method: 'POST' }))).toBe('allow');
    expect(decideAccess(facts({ allowed: ['admin', 'duty_officer'], role: 'viewer', method: 'POST' }))).toBe('forbidden');
  });
});
