import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PublicPageData } from './public-page-data';
import { RenderedPage, RenderedPageCache } from './rendered-page-cache';

export interface PublicPageRequest {
  path: string;
  search: string;
  cookie?: string;
  acceptLanguage?: string;
}
export interface RenderedPublicPage {
  status: number;
  lang: string;
  html: string;
}

/** The shape of apps/web/dist-ssr/public-ssr.cjs (built from apps/web/src/public/public-ssr.tsx). */
export interface PublicSsrModule {
  renderPublicPage(request: PublicPageRequest, source: PublicPageData | null, template: string): Promise<RenderedPublicPage>;
}

/** Loads the built server entry; null when the web app was built without it. */
export function loadPublicSsr(file: string): PublicSsrModule | null {
  try {
    return createRequire(__filename)(file) as PublicSsrModule;
  } catch {
    return null;
  }
}

/**
 * Renders the public pages on the server with the web app's own components, inside the built
 * index.html (its hashed script and style links), so they read before any script runs. When the
 * data source fails the page still renders, with the skeleton the browser then fills in.
 */
export class PublicPageRenderer {
  private readonly logger = new Logger(PublicPageRenderer.name);
  private readonly template: string;
  private readonly cache = new RenderedPageCache();

  constructor(
    templateFile: string,
    private readonly ssr: PublicSsrModule,
    private readonly data: PublicPageData,
  ) {
    this.template = readFileSync(templateFile, 'utf8');
  }

  /**
   * The page from the cache while the data it shows has not changed (PublicPageData.version);
   * rendered afresh, and not kept, when the source has no version or cannot say it.
   */
  async renderCached(request: PublicPageRequest): Promise<RenderedPage> {
    let version: string | undefined;
    try {
      version = await this.data.version?.();
    } catch {
      version = undefined;
    }
    if (version === undefined) return new RenderedPage(await this.render(request));
    // What the page depends on besides the data: the URL, the language cookie, Accept-Language.
    const langCookie = /(?:^|;\s*)kuzet_lang=([^;]*)/.exec(request.cookie ?? '')?.[1] ?? '';
    const key = [version, request.path, request.search, langCookie, request.acceptLanguage ?? ''].join('\n');
    return this.cache.get(key, () => this.render(request));
  }

  async render(request: PublicPageRequest): Promise<RenderedPublicPage> {
    try {
      return await this.ssr.renderPublicPage(request, this.data, this.template);
    } catch (error) {
      this.logger.warn({ msg: 'public page rendered without data', path: request.path, err: String(error) });
      return this.ssr.renderPublicPage(request, null, this.template);
    }
  }
}
