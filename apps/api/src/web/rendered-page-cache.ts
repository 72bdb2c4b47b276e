import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { RenderedPublicPage } from './public-page-renderer';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Pages kept: every language × route × Accept-Language variant a surge asks for fits. */
export const RENDERED_PAGE_LIMIT = 256;

export type PageEncoding = 'br' | 'gzip' | 'identity';

/** A body and its compressed copies, each made once, when first asked for. */
export class CompressedBody {
  private readonly encoded = new Map<PageEncoding, Promise<Buffer>>();
  private readonly raw: Buffer;

  constructor(text: string) {
    this.raw = Buffer.from(text);
  }

  body(encoding: PageEncoding): Promise<Buffer> {
    let body = this.encoded.get(encoding);
    if (!body) {
      body =
        encoding === 'br'
          ? brotli(this.raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
          : encoding === 'gzip'
            ? gzipAsync(this.raw, { level: 6 })
            : Promise.resolve(this.raw);
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/** One rendered page and its compressed copies. */
export class RenderedPage extends CompressedBody {
  constructor(readonly page: RenderedPublicPage) {
    super(page.html);
  }
}

/** The encoding to answer with: brotli, then gzip, when the client accepts them (q=0 refuses). */
export function pickEncoding(acceptEncoding: string | string[] | undefined): PageEncoding {
  const header = (Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '')).toLowerCase();
  const accepted = new Set(
    header
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Server-rendered pages kept per (data version, request variant), so a surge of readers costs one
 * render per change rather than one per request. Least recently used pages go first.
 */
export class RenderedPageCache {
  private readonly pages = new Map<string, Promise<RenderedPage>>();

  constructor(private readonly limit = RENDERED_PAGE_LIMIT) {}

  get(key: string, render: () => Promise<RenderedPublicPage>): Promise<RenderedPage> {
    const hit = this.pages.get(key);
    if (hit) {
      this.pages.delete(key);
      this.pages.set(key, hit);
      return hit;
    }
    const page = render().then((p) => new RenderedPage(p));
    this.pages.set(key, page);
    // A failed render is not kept: the next request renders again.
    page.catch(() => this.pages.get(key) === page && this.pages.delete(key));
    while (this.pages.size > this.limit) this.pages.delete(this.pages.keys().next().value as string);
    return page;
  }

  get size(): number {
    return this.pages.size;
  }
}
