import { CatalogProblem, CatalogSection, formatFieldPath } from '@kuzet/contracts';
import { YamlSourceMap } from './yaml-source-map';

/** A catalog item together with where it was written, to point errors at the right line. */
export interface LocatedItem<T> {
  section: CatalogSection;
  /** The item's own path in its file, e.g. ['systems', 2]. */
  path: (string | number)[];
  file: string;
  map: YamlSourceMap;
  /** The code as written, when it is a string (also for items that failed validation). */
  code: string | undefined;
  /** The validated document; undefined when the item itself has errors. */
  value: T | undefined;
}

/** A problem at a field below an item, e.g. problemAt(system, ['depends_on', 1], 'unknown system'). */
export function problemAt(
  item: LocatedItem<unknown>,
  subPath: (string | number)[],
  message: string,
): CatalogProblem {
  const path = [...item.path, ...subPath];
  return { file: item.file, line: item.map.line(path), field: formatFieldPath(path), message };
}

/** "file:line" of an item, for messages that name a second place. */
export function placeOf(item: LocatedItem<unknown>, subPath: (string | number)[] = []): string {
  return `${item.file}:${item.map.line([...item.path, ...subPath])}`;
}
