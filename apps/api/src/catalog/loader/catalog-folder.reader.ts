import { Injectable } from '@nestjs/common';
import { readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { CatalogValidationError } from '../catalog.errors';
import { CatalogSourceFile, isCatalogDocumentPath } from './catalog-source';

/** The largest catalog file read; a bigger one is surely a mistake (a log, a dump). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface CatalogFolderSnapshot {
  /** The YAML documents, path-sorted, paths relative to the folder with '/'. */
  files: CatalogSourceFile[];
  /** Reads another file of the folder (a CA certificate) by relative path; undefined if missing. */
  readAuxFile(relPath: string): string | undefined;
}

/** All file-system access of the catalog: reading a folder recursively. */
@Injectable()
export class CatalogFolderReader {
  /** @throws CatalogValidationError when the folder is missing or unreadable */
  async read(dir: string): Promise<CatalogFolderSnapshot> {
    const root = resolve(dir);
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) {
      throw new CatalogValidationError([
        { file: root, line: 0, message: 'catalog folder not found (or not a folder)' },
      ]);
    }
    const paths = (await this.walk(root)).sort();
    const files: CatalogSourceFile[] = [];
    for (const abs of paths) {
      const rel = relative(root, abs).split(sep).join('/');
      const size = (await stat(abs)).size;
      if (size > MAX_FILE_BYTES) {
        throw new CatalogValidationError([
          { file: rel, line: 0, message: `file too large (${size} bytes, at most ${MAX_FILE_BYTES})` },
        ]);
      }
      files.push({ path: rel, content: await readFile(abs, 'utf8') });
    }
    return { files, readAuxFile: this.auxFileReader(root) };
  }

  /** A reader of other files of the folder (CA certificates), refusing anything outside it. */
  auxFileReader(dir: string): (relPath: string) => string | undefined {
    const root = resolve(dir);
    return (relPath: string) => {
      try {
        const realRoot = realpathSync(root);
        const real = realpathSync(join(root, relPath));
        // A symlink pointing out of the folder counts as outside it.
        if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
        return readFileSync(real, 'utf8');
      } catch {
        return undefined;
      }
    };
  }

  /** YAML files below dir; hidden entries (.git, editor swap files) are skipped. */
  private async walk(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await this.walk(abs)));
      else if ((entry.isFile() || entry.isSymbolicLink()) && isCatalogDocumentPath(entry.name)) out.push(abs);
    }
    return out;
  }
}
