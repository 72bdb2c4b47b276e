import type { PublicIncidentView, PublicLanguage } from '@kuzet/contracts';
import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import { LABELS, STATE_WORDS, STATUS_WORDS } from './public-texts';

export type FeedFormat = 'rss' | 'atom';

export interface FeedInput {
  /** The public site's base URL (KUZET_PUBLIC_URL), no trailing slash. */
  base: string;
  lang: PublicLanguage;
  /** The feed's own path under base, e.g. /api/public/v1/feed.rss. */
  selfPath: string;
  /** A system's feed: its code and name; the global feed: null. */
  system: { code: string; name: string } | null;
  incidents: readonly PublicIncidentView[];
  updated: Date;
}

/**
 * An RSS 2.0 or Atom 1.0 feed of incidents and their public updates, in one language. Officers'
 * texts are escaped: the feed's HTML fields carry them as text, never as markup.
 */
export function buildFeed(input: FeedInput, format: FeedFormat): string {
  const { base, lang } = input;
  const pageLink = input.system ? `${base}/${lang}/systems/${input.system.code}` : `${base}/${lang}/`;
  const self = `${base}${input.selfPath}?lang=${lang}`;
  const title = input.system ? `${input.system.name} · ${LABELS[lang].feedTitle}` : LABELS[lang].feedTitle;
  const feed = new Feed({
    title,
    description: title,
    id: self,
    link: pageLink,
    language: lang,
    updated: input.updated,
    copyright: LABELS[lang].licence,
    generator: 'Kuzet',
    feedLinks: { [format]: self },
  });
  for (const i of input.incidents) {
    const latest = i.updates[i.updates.length - 1];
    const link = `${base}/${lang}/incidents/${i.id}`;
    const state = STATE_WORDS[lang][i.public_state];
    const content = [
      `<p>${escapeHtml(STATUS_WORDS[lang][i.status])}</p>`,
      ...[...i.updates]
        .reverse()
        .map((u) => `<p><strong>${escapeHtml(STATE_WORDS[lang][u.public_state])}</strong> (${u.at}): ${escapeHtml(u.text[lang])}</p>`),
    ].join('\n');
    feed.addItem({
      title: `${i.title[lang]}: ${state}`,
      id: link,
      link,
      date: new Date(latest?.at ?? i.resolved_at ?? i.started_at),
      published: new Date(i.started_at),
      description: escapeHtml(latest ? latest.text[lang] : STATUS_WORDS[lang][i.status]),
      content,
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
