import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startSimulator } from '@kuzet/simulator';
import { CatalogFolderReader } from '../../../apps/api/src/catalog/loader/catalog-folder.reader';
import { CatalogLoaderService } from '../../../apps/api/src/catalog/loader/catalog-loader.service';
import { quietLogger } from './support/quiet-logger';

/**
 * Contract: the demo catalog the simulator writes is accepted, as written, by the API's own
 * catalog loader (the demo's policy: loopback allowed, intervals down to 1 s).
 */
describe('simulator catalog vs the API catalog loader', () => {
  const loader = new CatalogLoaderService(new CatalogFolderReader());
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it.each([[undefined], [1]])('loads the whole fleet with interval %s', async (intervalS) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kuzet-sim-contract-'));
    dirs.push(dir);
    const sim = await startSimulator({ catalogDir: dir, intervalS, logger: quietLogger() });
    try {
      const { counts } = await loader.loadFolder(dir, { minIntervalS: 1, probeAllow: ['127.0.0.0/8'], env: () => undefined });
      expect(counts).toMatchObject({
        agencies: 15,
        systems: sim.systems.length,
        checks: 4 * sim.systems.length,
      });
    } finally {
      await sim.stop();
    }
  });
});
