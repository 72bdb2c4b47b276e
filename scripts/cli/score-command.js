'use strict';
const { requireBuilt } = require('./require-built');
const { withServerDatabase } = require('./server-database');

/** Exit code of an unknown or not yet scored system (1 is taken by "the catalog is invalid"). */
const EXIT_NO_SCORE = 3;

/**
 * `kuzet score explain SYSTEM`: the system's latest technology-debt score, explained as the
 * scorer does (score, grade, components, caps, each finding with its evidence and the rule's
 * source), read from the daily snapshot the running server wrote. Uses the server's own
 * configuration (DATABASE_URL, or the embedded database under KUZET_DATA_DIR: stop the server
 * first when it runs on the embedded database).
 */
function register(program, { root }) {
  const command = program.command('score').description('technology-debt scores (docs/scoring.md)');

  command
    .command('explain')
    .description("print how a system's latest score was reached: components, caps, findings with evidence and sources")
    .argument('<system>', 'the system code, e.g. egov-portal')
    .action(async (system) => {
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(system)) throw new Error(`SYSTEM: expected a system code (a-z, 0-9, -), got "${system}"`);
      const { explainScore } = requireBuilt(root, 'libs/scoring/src/index.ts');
      const [latest] = await withServerDatabase(root, (dataSource) => {
        const { dataSourceExecutor } = requireBuilt(root, 'apps/api/src/database/sql-executor.ts');
        const { ScoreSnapshotsRepository } = requireBuilt(root, 'apps/api/src/scoring/score-snapshots.repository.ts');
        return new ScoreSnapshotsRepository(dataSourceExecutor(dataSource)).latestSystems({ system });
      });
      if (!latest) {
        process.stderr.write(`kuzet: system ${system} has no score: unknown code, disabled, or not scored yet (the server scores every KUZET_SCORING_INTERVAL_S)\n`);
        process.exitCode = EXIT_NO_SCORE;
        return;
      }
      process.stdout.write(`${system} (${latest.agency}), scored ${latest.computedAt} (day ${latest.day})\n`);
      const text = explainScore(latest.score);
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}

module.exports = { register, EXIT_NO_SCORE };
