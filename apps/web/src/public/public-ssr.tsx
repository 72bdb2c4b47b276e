import { renderToString } from 'react-dom/server';
import type { PublicLanguage } from '@kuzet/contracts/public/public-api.dto';
import { loadPublicPage, type PublicDataSource, type PublicPageState } from './public-data';
import { publicText } from './public-i18n';
import { LANG_COOKIE, parsePublicUrl, readCookie, resolveLang } from './public-routes';
import { PublicClient } from './PublicClient';

// The server entry of the public pages (built by Vite into apps/web/dist-ssr, loaded by
// apps/api/src/web): the same components as the browser, rendered to HTML so the page reads
// without scripts; the state goes along as JSON for hydrateRoot.

export const STATE_ELEMENT_ID = 'kuzet-public-state';

export interface PublicPageRequest {
  path: string;
  search: string;
  cookie?: string;
  acceptLanguage?: string;
}

export interface RenderedPublicPage {
  status: 200 | 404;
  lang: PublicLanguage;
  html: string;
}

/** Every source answers null: the page renders its skeleton and "loading", the client fills it in. */
export const EMPTY_SOURCE: PublicDataSource = {
  getSummary: async () => null,
  getSystem: async () => null,
  getUptime: async () => null,
  getUptimes: async () => null,
  getIncident: async () => null,
  getIncidents: async () => null,
};

/** JSON inside a <script type="application/json">: no "</script>" or "<!--" can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Puts the rendered page into the built index.html (keeps its hashed script and style links). */
export function fillTemplate(template: string, state: PublicPageState, body: string): string {
  const text = publicText(state.lang);
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${state.lang}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(`${text.t('title')} · Kuzet`)}</title>`)
    .replace(/<meta name="description" content="[^"]*"/, `<meta name="description" content="${escapeHtml(text.t('title'))}"`)
    .replace(
      '<div id="root"></div>',
      `<div id="root" data-ssr="public">${body}</div><script id="${STATE_ELEMENT_ID}" type="application/json">${scriptJson(state)}</script>`,
    );
}

export function pageStatus(state: PublicPageState): 200 | 404 {
  const r = state.route;
  if (r.kind === 'not_found') return 404;
  if (state.missing) return 200;
  if (r.kind === 'system' && !state.system) return 404;
  if (r.kind === 'incident' && !state.incident) return 404;
  return 200;
}

export async function renderPublicPage(request: PublicPageRequest, source: PublicDataSource | null, template: string): Promise<RenderedPublicPage> {
  const { lang: urlLang, route } = parsePublicUrl(request.path, request.search);
  const lang = resolveLang(urlLang, readCookie(request.cookie, LANG_COOKIE), request.acceptLanguage);
  const state = await loadPublicPage(source ?? EMPTY_SOURCE, lang, route);
  const body = renderToString(<PublicClient initial={state} />);
  return { status: pageStatus(state), lang, html: fillTemplate(template, state, body) };
}
