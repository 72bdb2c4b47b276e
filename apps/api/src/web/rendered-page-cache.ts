import { CompressedBody } from '../http/compressed-body';
import type { RenderedPublicPage } from './public-page-renderer';

/** Pages kept: every language × route × Accept-Language variant a surge asks for fits. */
export const RENDERED_PAGE_LIMIT = 256;

/** One rendered page and its compressed copies. */
export class RenderedPage extends CompressedBody {
  constructor(readonly page: RenderedPublicPage) {
    super(page.html);
  }
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
