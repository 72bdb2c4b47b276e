'use strict';
const { requireBuilt } = require('./require-built');
const { withServerDatabase } = require('./server-database');

/**
 * `kuzet probe-token create|list|revoke`: region-bound tokens for remote probe agents. Uses the
 * server's own configuration (DATABASE_URL, or the embedded database under KUZET_DATA_DIR; stop
 * the server first when it runs on the embedded database) and the same migrations.
 */
function register(program, { root }) {
  const command = program.command('probe-token').description('manage the tokens of remote probe agents');

  const withTokens = (work) =>
    withServerDatabase(root, (dataSource) => {
      const { dataSourceExecutor } = requireBuilt(root, 'apps/api/src/database/sql-executor.ts');
      const { ProbeTokensRepository } = requireBuilt(root, 'apps/api/src/probing/tokens/probe-tokens.repository.ts');
      const { ProbeTokensService } = requireBuilt(root, 'apps/api/src/probing/tokens/probe-tokens.service.ts');
      return work(new ProbeTokensService(new ProbeTokensRepository(dataSourceExecutor(dataSource))));
    });

  command
    .command('create')
    .description('create a token; it is printed once, only its hash is stored')
    .requiredOption('--region <region>', 'the region the agent serves, e.g. almaty')
    .option('--name <name>', 'who or what holds the token', 'probe-agent')
    .action(async (options) => {
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(options.region)) throw new Error(`--region: expected a region code, got "${options.region}"`);
      const created = await withTokens((tokens) => tokens.create(options.region, options.name));
      process.stdout.write(`token ${created.id} for region ${created.region} (${created.name}):\n${created.token}\n`);
    });

  command
    .command('list')
    .description('list tokens (never their values)')
    .action(async () => {
      const rows = await withTokens((tokens) => tokens.list());
      for (const r of rows) process.stdout.write(`${r.id}\t${r.region}\t${r.name}\t${r.revoked_at ? 'revoked' : 'active'}\n`);
    });

  command
    .command('revoke')
    .description('revoke a token by id')
    .argument('<id>', 'the token id', (v) => Number.parseInt(v, 10))
    .action(async (id) => {
      const revoked = await withTokens((tokens) => tokens.revoke(id));
      if (!revoked) throw new Error(`no active token with id ${id}`);
      process.stdout.write(`token ${id} revoked\n`);
    });
}

module.exports = { register };
