import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';

/**
 * Maps a field path of a parsed YAML document to the line that holds it, so that a schema error
 * on ['systems', 2, 'checks', 0, 'interval'] points at the `interval:` line. For a path that does
 * not exist (a missing required field) the deepest existing ancestor's line is used.
 */
export class YamlSourceMap {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  line(path: readonly (string | number)[]): number {
    let node: unknown = this.doc.contents;
    let line = this.lineOf(node) ?? 1;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        line = this.lineOf(pair.key) ?? this.lineOf(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
        line = this.lineOf(node) ?? line;
      } else {
        break;
      }
    }
    return line;
  }

  private lineOf(node: unknown): number | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }
}
