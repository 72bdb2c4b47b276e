import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../../../apps/api/src/database/data-source-options';
import { dataSourceExecutor } from '../../../apps/api/src/database/sql-executor';
import { ProbeTokensRepository } from '../../../apps/api/src/probing/tokens/probe-tokens.repository';
import { ProbeTokensService } from '../../../apps/api/src/probing/tokens/probe-tokens.service';

const root = join(__dirname, '../../..');
const kuzet = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts/kuzet.js'), ...args], {
    env: { PATH: process.env.PATH, DATABASE_URL: process.env.DATABASE_URL },
    encoding: 'utf8',
    timeout: 60_000,
  });

// The CLI runs the compiled code (npm test builds first).
describe('kuzet probe-token (CLI against the real database)', () => {
  let dataSource: DataSource;
  let tokens: ProbeTokensService;

  beforeAll(async () => {
    dataSource = await new DataSource(createDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    tokens = new ProbeTokensService(new ProbeTokensRepository(dataSourceExecutor(dataSource)));
  });
  afterAll(() => dataSource.destroy());

  it('creates a token that verifies for its region, lists it without its value, and revokes it', async () => {
    const created = kuzet(['probe-token', 'create', '--region', 'cli-region', '--name', 'cli-test']);
    expect(created.status).toBe(0);
    const [header, token] = created.stdout.trim().split('\n');
    const id = Number(/^token (\d+) for region cli-region/.exec(header)?.[1]);
    expect(id).toBeGreaterThan(0);
    await expect(tokens.verify(token)).resolves.toMatchObject({ tokenId: id, region: 'cli-region', name: 'cli-test' });

    const listed = kuzet(['probe-token', 'list']);
    expect(listed.stdout).toContain(`${id}\tcli-region\tcli-test\tactive`);
    expect(listed.stdout).not.toContain(token);

    expect(kuzet(['probe-token', 'revoke', String(id)]).status).toBe(0);
    await expect(tokens.verify(token)).resolves.toBeUndefined();
    const again = kuzet(['probe-token', 'revoke', String(id)]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`no active token with id ${id}`);
  });

  it('refuses a bad region naming the option', () => {
    const bad = kuzet(['probe-token', 'create', '--region', 'Not A Region']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--region');
  });
});
