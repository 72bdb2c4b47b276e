import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PublicPageData } from './public-page-data';

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

  constructor(
    templateFile: string,
    private readonly ssr: PublicSsrModule,
    private readonly data: PublicPageData,
  ) {
    this.template = readFileSync(templateFile, 'utf8');
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
