import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/audit-entry';
import { PasswordHasher } from './password-hasher';
import { UserChangeConflictError } from './users.errors';
import { UsersService } from './users.service';

describe('UsersService', () => {
  const failingWith = (code: string) =>
    ({
      transaction: () => Promise.reject(Object.assign(new Error(`database said ${code}`), { code })),
    }) as unknown as DataSource;
  const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });

  it.each(['40P01', '40001'])('turns SQLSTATE %s of a user change into a conflict (409), not a 500', async (code) => {
    const users = new UsersService(failingWith(code), hasher);
    await expect(users.update(1, { role: 'viewer' }, SYSTEM_ACTOR)).rejects.toBeInstanceOf(UserChangeConflictError);
    await expect(
      users.create({ email: 'a@b.kz', role: 'viewer', password: 'long-password' }, SYSTEM_ACTOR),
    ).rejects.toBeInstanceOf(UserChangeConflictError);
  });

  it('lets other database failures through unchanged', async () => {
    const users = new UsersService(failingWith('08006'), hasher);
    await expect(users.update(1, { role: 'viewer' }, SYSTEM_ACTOR)).rejects.toThrow('database said 08006');
  });
});
