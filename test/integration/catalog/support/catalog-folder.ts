import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../../../fixtures/catalog');

/** A scratch copy of a fixture folder that a test may edit. */
export class ScratchCatalog {
  readonly dir: string;

  constructor(fixture: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'kuzet-catalog-'));
    cpSync(join(FIXTURES, fixture), this.dir, { recursive: true });
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  write(file: string, content: string): void {
    mkdirSync(dirname(join(this.dir, file)), { recursive: true });
    writeFileSync(join(this.dir, file), content);
  }

  remove(file: string): void {
    rmSync(join(this.dir, file), { force: true });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
