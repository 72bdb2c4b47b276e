import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';

const root = join(__dirname, '../../..');
const kuzet = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts/kuzet.js'), ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: process.env.DATABASE_URL },
    encoding: 'utf8',
    timeout: 60_000,
  });

// The CLI runs the compiled code (npm test builds first).
describe('kuzet user (CLI against the real database)', () => {
  let ds: DataSource;
  const email = `cli-${process.pid}@kuzet.kz`;

  beforeAll(async () => {
    ds = await new DataSource(createDataSourceOptions(process.env.DATABASE_URL!)).initialize();
  });
  afterAll(() => ds.destroy());

  const passwordOf = (stdout: string) => /password \(shown once\): (\S+)/.exec(stdout)?.[1];

  it('creates a user with a generated password, lists it, sets its password and disables it', async () => {
    const created = kuzet(['user', 'create', '--email', email, '--role', 'duty_officer', '--name', 'Duty CLI']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`^user \\d+ ${email} \\(duty_officer\\) created`));
    const generated = passwordOf(created.stdout);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const [row] = await ds.query('SELECT role, name, password_hash FROM users WHERE email = $1', [email]);
    expect(row).toMatchObject({ role: 'duty_officer', name: 'Duty CLI' });
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(generated);

    const listed = kuzet(['user', 'list']);
    expect(listed.stdout).toMatch(new RegExp(`\\t${email}\\tduty_officer\\t-\\tactive\\tDuty CLI`));
    expect(listed.stdout).not.toContain('scrypt');

    const set = kuzet(['user', 'set-password', '--email', email, '--password', 'chosen-password']);
    expect(set.status).toBe(0);
    expect(set.stdout).not.toContain('shown once');
    const [after] = await ds.query('SELECT password_hash FROM users WHERE email = $1', [email]);
    expect(after.password_hash).not.toBe(row.password_hash);

    expect(kuzet(['user', 'disable', '--email', email]).status).toBe(0);
    const [disabled] = await ds.query('SELECT disabled FROM users WHERE email = $1', [email]);
    expect(disabled.disabled).toBe(true);
    const audit = await ds.query(`SELECT action FROM audit_log WHERE target = $1 AND actor_email = 'cli' ORDER BY id`, [`user:${email}`]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.create', 'user.password_reset', 'user.disable']);
  });

  it('refuses bad input naming the option or field', () => {
    const role = kuzet(['user', 'create', '--email', 'x@kuzet.kz', '--role', 'root']);
    expect(role.status).toBe(2);
    expect(role.stderr).toContain('--role');
    const agency = kuzet(['user', 'create', '--email', 'y@kuzet.kz', '--role', 'agency_operator']);
    expect(agency.status).toBe(2);
    expect(agency.stderr).toContain('agency');
    const short = kuzet(['user', 'create', '--email', 'z@kuzet.kz', '--role', 'viewer', '--password', 'short']);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('--password');
    const missing = kuzet(['user', 'set-password', '--email', 'nobody@kuzet.kz']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nobody@kuzet.kz');
  });
});
