import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  // Low cost keeps the unit test fast; the format and checks are the same.
  const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(hasher.verify('correct horse battery', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse batterY', stored)).resolves.toBe(false);
    await expect(hasher.verify('', stored)).resolves.toBe(false);
  });

  it('salts each hash at random', async () => {
    const a = await hasher.hash('same password');
    const b = await hasher.hash('same password');
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('reads the parameters from the stored hash, not from its own defaults', async () => {
    const stored = await new PasswordHasher({ N: 2048, r: 4, p: 2 }).hash('pw-12345678');
    await expect(hasher.verify('pw-12345678', stored)).resolves.toBe(true);
  });

  it('never matches a malformed or absurd stored hash', async () => {
    for (const stored of ['', 'plain', 'bcrypt$1$2$3$a$b', 'scrypt$x$8$1$AAAA$AAAA', 'scrypt$1024$8$1$AAAA$', 'scrypt$99999999$8$1$AAAA$AAAA'])
      await expect(hasher.verify('pw', stored)).resolves.toBe(false);
  });
});
