import { Logger } from '@nestjs/common';
import type { CatalogApplyResult } from '@kuzet/contracts';
import { loadAppConfig } from '../config/app-config';
import { CatalogApplyService } from './apply/catalog-apply.service';
import { CatalogFolderNotSetError, CatalogValidationError } from './catalog.errors';
import { CatalogService } from './catalog.service';
import { CatalogWatcherService } from './catalog-watcher.service';
import { CatalogLoaderService, LoadedFolder } from './loader/catalog-loader.service';

const empty = { categories: [], agencies: [], systems: [], checks: [], maintenance: [] };
const loaded: LoadedFolder = {
  catalog: empty,
  counts: { categories: 0, agencies: 0, systems: 0, checks: 0, maintenance: 0 },
  contentHash: 'h',
};
const counts = { added: 0, updated: 0, disabled: 0, unchanged: 0 };
const result: CatalogApplyResult = {
  changed: false,
  revision_id: null,
  content_hash: 'h',
  summary: { categories: counts, agencies: counts, systems: counts, checks: counts, maintenance: counts },
};

function setup(env: Record<string, string> = {}) {
  const config = loadAppConfig({ KUZET_LOG_LEVEL: 'silent', ...env });
  const loader = { loadFolder: jest.fn().mockResolvedValue(loaded), validateFiles: jest.fn() };
  const applier = { apply: jest.fn().mockResolvedValue(result) };
  let onChange: (() => void) | undefined;
  const watcher = {
    watch: jest.fn(async (_dir: string, cb: () => void) => {
      onChange = cb;
    }),
  };
  const service = new CatalogService(
    config,
    loader as unknown as CatalogLoaderService,
    applier as unknown as CatalogApplyService,
    watcher as unknown as CatalogWatcherService,
  );
  return { service, loader, applier, watcher, fireChange: () => onChange?.() };
}

describe('CatalogService', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('refuses to reload without a folder', async () => {
    await expect(setup({ KUZET_DEMO: 'on' }).service.reload()).rejects.toBeInstanceOf(
      CatalogFolderNotSetError,
    );
  });

  it('reloads KUZET_CATALOG_DIR with the configured policy as a full folder apply', async () => {
    const { service, loader, applier } = setup({
      KUZET_CATALOG_DIR: '/srv/catalog',
      KUZET_MIN_INTERVAL_S: '5',
      KUZET_PROBE_ALLOW: '10.0.0.0/8',
      EGOV_TOKEN: 'tok',
    });
    await service.reload();
    expect(loader.loadFolder).toHaveBeenCalledWith('/srv/catalog', {
      minIntervalS: 5,
      probeAllow: ['10.0.0.0/8'],
      env: expect.any(Function),
    });
    // `${env:NAME}` in the folder is resolved against the environment the server started with.
    expect(loader.loadFolder.mock.calls[0][1].env('EGOV_TOKEN')).toBe('tok');
    expect(applier.apply).toHaveBeenCalledWith(empty, { source: 'folder', scope: 'full', contentHash: 'h' });
  });

  it('watches the folder it loads only when watching is on, even if the first load fails', async () => {
    const on = setup({ KUZET_CATALOG_WATCH: 'on' });
    on.loader.loadFolder.mockRejectedValueOnce(
      new CatalogValidationError([{ file: 'a.yaml', line: 1, message: 'bad' }]),
    );
    await expect(on.service.loadFromFolder('/tmp/demo-catalog')).rejects.toBeInstanceOf(
      CatalogValidationError,
    );
    expect(on.watcher.watch).toHaveBeenCalledWith('/tmp/demo-catalog', expect.any(Function));
    expect(on.service.catalogFolder).toBe('/tmp/demo-catalog');
    expect(on.applier.apply).not.toHaveBeenCalled();

    const off = setup({ KUZET_CATALOG_WATCH: 'off' });
    await off.service.loadFromFolder('/tmp/demo-catalog');
    expect(off.watcher.watch).not.toHaveBeenCalled();
  });

  it('runs reloads one at a time and survives a failing one', async () => {
    const { service, loader, applier } = setup({ KUZET_CATALOG_DIR: '/srv/catalog' });
    const order: string[] = [];
    let release!: () => void;
    loader.loadFolder
      .mockImplementationOnce(async () => {
        order.push('first:start');
        await new Promise<void>((r) => (release = r));
        order.push('first:end');
        throw new CatalogValidationError([{ file: 'a.yaml', line: 3, message: 'bad' }]);
      })
      .mockImplementationOnce(async () => {
        order.push('second');
        return loaded;
      });
    const first = service.reload();
    const second = service.reload();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['first:start']);
    release();
    await expect(first).rejects.toBeInstanceOf(CatalogValidationError);
    await expect(second).resolves.toBe(result);
    expect(order).toEqual(['first:start', 'first:end', 'second']);
    expect(applier.apply).toHaveBeenCalledTimes(1);
  });

  it('a change seen by the watcher reloads; its errors do not escape', async () => {
    const { service, loader, fireChange } = setup({ KUZET_CATALOG_WATCH: 'on' });
    await service.loadFromFolder('/srv/catalog');
    loader.loadFolder.mockRejectedValueOnce(
      new CatalogValidationError([{ file: 'a.yaml', line: 1, message: 'bad' }]),
    );
    fireChange();
    await new Promise((r) => setTimeout(r, 10));
    expect(loader.loadFolder).toHaveBeenCalledTimes(2);
  });
});
