import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

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
