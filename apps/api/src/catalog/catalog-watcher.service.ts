import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { FSWatcher, watch } from 'chokidar';

/** Editors write a file in several steps (truncate, write, rename); wait for the burst to end. */
export const CATALOG_WATCH_DEBOUNCE_MS = 300;

/**
 * Watches one folder (recursively) and calls back once per burst of changes. Only the side
 * effect lives here; what a change means (reload) is the caller's.
 */
@Injectable()
export class CatalogWatcherService implements OnModuleDestroy {
  private readonly logger = new Logger(CatalogWatcherService.name);
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private watchedDir: string | undefined;

  /** Starts watching dir (stopping any previous watch); resolves when the watch is ready. */
  async watch(dir: string, onChange: () => void, debounceMs = CATALOG_WATCH_DEBOUNCE_MS): Promise<void> {
    if (this.watchedDir === dir && this.watcher) return;
    await this.stop();
    const watcher = watch(dir, {
      ignoreInitial: true,
      // Hidden entries are editor swap files and VCS metadata, never catalog content.
      ignored: (path: string) => /(^|[\\/])\.[^\\/]/.test(path.slice(dir.length)),
    });
    this.watcher = watcher;
    this.watchedDir = dir;
    watcher.on('all', (event, path) => {
      this.logger.debug({ event: 'catalog.file_changed', change: event, path });
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        onChange();
      }, debounceMs);
    });
    watcher.on('error', (error) =>
      this.logger.error({ event: 'catalog.watch_error', dir, error: String(error) }),
    );
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.logger.log({ event: 'catalog.watching', dir });
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const watcher = this.watcher;
    this.watcher = undefined;
    this.watchedDir = undefined;
    if (watcher) await watcher.close();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}
