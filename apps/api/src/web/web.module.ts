import { Module } from '@nestjs/common';
import { NullPublicPageData, PUBLIC_PAGE_DATA } from './public-page-data';

/**
 * The web app's server side: the data the server-rendered public pages read. The status module
 * replaces the null source with its snapshot (provide PUBLIC_PAGE_DATA with useExisting).
 */
@Module({ providers: [{ provide: PUBLIC_PAGE_DATA, useClass: NullPublicPageData }], exports: [PUBLIC_PAGE_DATA] })
export class WebModule {}
