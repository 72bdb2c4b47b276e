import { ForbiddenException } from '@nestjs/common';
import type { SessionUser } from '@kuzet/contracts';
import type { DataSource } from 'typeorm';
import { AgencyScope } from './agency-scope.service';

const user = (role: SessionUser['role'], agency: string | null = null): SessionUser => ({ id: 1, email: 'u@kz', name: '', role, agency });

describe('AgencyScope', () => {
  const owners: Record<string, string> = { 'egov-portal': 'nit', registry: 'mju' };
  // A DataSource whose query runner answers the owner lookups from the table above.
  const dataSource = {
    createQueryRunner: () => ({
      query: async (sql: string, params: unknown[]) => ({
        records: sql.includes('WHERE a.code')
          ? Object.entries(owners).filter(([, a]) => a === params[0]).map(([code]) => ({ code }))
          : owners[String(params[0])]
            ? [{ code: owners[String(params[0])] }]
            : [],
      }),
      release: async () => undefined,
    }),
  } as unknown as DataSource;
  const scope = new AgencyScope(dataSource);
  const operator = user('agency_operator', 'nit');

  it('leaves every role but the agency operator unscoped', async () => {
    for (const role of ['admin', 'duty_officer', 'viewer'] as const) {
      expect(scope.agencyFilter(user(role), 'mju')).toBe('mju');
      expect(scope.agencyFilter(user(role), undefined)).toBeUndefined();
      await expect(scope.assertSystem(user(role), 'registry')).resolves.toBeUndefined();
      expect(await scope.visibleSystems(user(role))).toBeNull();
    }
  });

  it("filters an operator's lists to its agency; asking for another is 403", () => {
    expect(scope.agencyFilter(operator, undefined)).toBe('nit');
    expect(scope.agencyFilter(operator, 'nit')).toBe('nit');
    expect(() => scope.agencyFilter(operator, 'mju')).toThrow(ForbiddenException);
    expect(scope.filter(operator, [{ a: 'nit' }, { a: 'mju' }], (x) => x.a)).toEqual([{ a: 'nit' }]);
  });

  it("403 for another agency's resource; unknown ones pass for the handler's 404", async () => {
    await expect(scope.assertSystem(operator, 'egov-portal')).resolves.toBeUndefined();
    await expect(scope.assertSystem(operator, 'registry')).rejects.toThrow(ForbiddenException);
    await expect(scope.assertSystem(operator, 'nope')).resolves.toBeUndefined();
    expect(() => scope.assertAgency(operator, 'mju')).toThrow(ForbiddenException);
    expect([...(await scope.visibleSystems(operator))!]).toEqual(['egov-portal']);
  });

  it('hides heartbeat push tokens from viewers only', () => {
    expect(scope.redactCheck(user('viewer'), { push_token: 'secret' }).push_token).toBeNull();
    expect(scope.redactCheck(user('duty_officer'), { push_token: 'secret' }).push_token).toBe('secret');
  });
});
