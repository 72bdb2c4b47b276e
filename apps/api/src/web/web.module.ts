import { Module } from '@nestjs/common';
import { NullPublicPageData, PUBLIC_PAGE_DATA } from './public-page-data';

/**
 * The web app's server side: the data the server-rendered public pages read. The status module
 * provides PUBLIC_PAGE_DATA itself (StatusPageData); this null source is for an app without it.
 */
@Module({ providers: [{ provide: PUBLIC_PAGE_DATA, useClass: NullPublicPageData }], exports: [PUBLIC_PAGE_DATA] })
export class WebModule {}
