import type { PublicLanguage } from '@kuzet/contracts/public/public-api.dto';

export const PUBLIC_LANGS: readonly PublicLanguage[] = ['kk', 'ru', 'en'];
/** Used when neither the URL, the cookie nor the browser names a language we have. */
export const DEFAULT_LANG: PublicLanguage = 'ru';
export const LANG_COOKIE = 'kuzet_lang';

export type PublicRoute =
  | { kind: 'home'; group: 'agency' | 'category' }
  | { kind: 'system'; code: string }
  | { kind: 'incident'; id: number }
  | { kind: 'history'; cursor: string | null }
  /** The e-mail sign-up form, preset to a system or an agency when the link names one. */
  | { kind: 'subscribe'; system: string | null; agency: string | null }
  | { kind: 'not_found' };

export interface ParsedPublicUrl {
  /** The language named by the URL prefix, if any. */
  lang: PublicLanguage | null;
  route: PublicRoute;
}

const isLang = (s: string | undefined): s is PublicLanguage => (PUBLIC_LANGS as readonly string[]).includes(s ?? '');
const SYSTEM_CODE = /^[a-z0-9][a-z0-9_.-]{0,99}$/i;

/** True for every path the public pages answer (the server renders these, the client hydrates them). */
export function isPublicPath(pathname: string): boolean {
  return /^\/((kk|ru|en)(\/.*)?|status(\/.*)?)?$/.test(pathname);
}

/**
 * `/`, `/status`, `/status/systems/{code}`, `/status/incidents/{id}`, `/status/history`,
 * `/status/subscribe`, each also under `/{kk|ru|en}`.
 */
export function parsePublicUrl(pathname: string, search = ''): ParsedPublicUrl {
  const parts = pathname.split('/').filter(Boolean);
  const first = parts[0];
  const lang = isLang(first) ? first : null;
  if (lang) parts.shift();
  const query = new URLSearchParams(search);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'status'))
    return { lang, route: { kind: 'home', group: query.get('group') === 'category' ? 'category' : 'agency' } };
  if (parts[0] !== 'status') return { lang, route: { kind: 'not_found' } };
  if (parts.length === 3 && parts[1] === 'systems' && SYSTEM_CODE.test(parts[2])) return { lang, route: { kind: 'system', code: parts[2] } };
  if (parts.length === 3 && parts[1] === 'incidents' && /^[1-9][0-9]{0,15}$/.test(parts[2]))
    return { lang, route: { kind: 'incident', id: Number(parts[2]) } };
  if (parts.length === 2 && parts[1] === 'history') return { lang, route: { kind: 'history', cursor: query.get('cursor') || null } };
  if (parts.length === 2 && parts[1] === 'subscribe') {
    const code = (name: string) => (SYSTEM_CODE.test(query.get(name) ?? '') ? query.get(name) : null);
    return { lang, route: { kind: 'subscribe', system: code('system'), agency: code('agency') } };
  }
  return { lang, route: { kind: 'not_found' } };
}

/** The path of a route in a language (always prefixed, so a shared link keeps its language). */
export function publicHref(lang: PublicLanguage, route: PublicRoute): string {
  switch (route.kind) {
    case 'home':
      return `/${lang}/status${route.group === 'category' ? '?group=category' : ''}`;
    case 'system':
      return `/${lang}/status/systems/${encodeURIComponent(route.code)}`;
    case 'incident':
      return `/${lang}/status/incidents/${route.id}`;
    case 'history':
      return `/${lang}/status/history${route.cursor ? `?cursor=${encodeURIComponent(route.cursor)}` : ''}`;
    case 'subscribe': {
      const scope = route.system ? `?system=${encodeURIComponent(route.system)}` : route.agency ? `?agency=${encodeURIComponent(route.agency)}` : '';
      return `/${lang}/status/subscribe${scope}`;
    }
    case 'not_found':
      return `/${lang}/status`;
  }
}

/** The value of one cookie in a Cookie header (or document.cookie). */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The first of Accept-Language's (or navigator.languages') tags we have, by quality. */
export function pickAcceptLanguage(header: string | readonly string[] | undefined): PublicLanguage | null {
  const tags =
    typeof header === 'string'
      ? header
          .split(',')
          .map((p, i) => {
            const [tag, ...params] = p.trim().split(';');
            const q = params.map((s) => s.trim()).find((s) => s.startsWith('q='));
            return { tag, q: q ? Number(q.slice(2)) || 0 : 1, i };
          })
          .filter((x) => x.q > 0)
          .sort((a, b) => b.q - a.q || a.i - b.i)
          .map((x) => x.tag)
      : [...(header ?? [])];
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return null;
}

/** URL prefix, then the `kuzet_lang` cookie, then Accept-Language / navigator.languages, then the default. */
export function resolveLang(urlLang: PublicLanguage | null, cookie: string | null, accept: string | readonly string[] | undefined): PublicLanguage {
  if (urlLang) return urlLang;
  if (isLang(cookie ?? undefined)) return cookie as PublicLanguage;
  return pickAcceptLanguage(accept) ?? DEFAULT_LANG;
}
