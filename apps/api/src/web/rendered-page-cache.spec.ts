import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { RenderedPageCache } from './rendered-page-cache';

const page = (html: string) => ({ status: 200, lang: 'en', html });

describe('RenderedPageCache', () => {
  it('renders once per key however many ask at once, and compresses each encoding once', async () => {
    const cache = new RenderedPageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      return page('<p>status</p>'.repeat(100));
    };
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.get('v1 /en/status', render)));
    expect(renders).toBe(1);
    expect(new Set(all).size).toBe(1);
    const [br, gz, raw] = await Promise.all([all[0].body('br'), all[0].body('gzip'), all[0].body('identity')]);
    expect(brotliDecompressSync(br).toString()).toBe(raw.toString());
    expect(gunzipSync(gz).toString()).toBe(raw.toString());
    expect(br.length).toBeLessThan(raw.length / 10);
    expect(await all[0].body('br')).toBe(br);
    await cache.get('v2 /en/status', render);
    expect(renders).toBe(2);
  });

  it('forgets a failed render, and the least recently used page past its limit', async () => {
    const cache = new RenderedPageCache(2);
    await expect(cache.get('bad', async () => Promise.reject(new Error('no data')))).rejects.toThrow('no data');
    await new Promise((r) => setImmediate(r));
    expect(cache.size).toBe(0);
    let renders = 0;
    const render = async () => page(`<p>${++renders}</p>`);
    await cache.get('a', render);
    await cache.get('b', render);
    await cache.get('a', render); // a is now the most recent
    await cache.get('c', render); // b goes
    expect(cache.size).toBe(2);
    expect(renders).toBe(3);
    await cache.get('a', render);
    expect(renders).toBe(3);
    await cache.get('b', render);
    expect(renders).toBe(4);
  });
});
