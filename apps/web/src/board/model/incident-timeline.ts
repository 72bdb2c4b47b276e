import type { LocalizedText } from '@kuzet/contracts/catalog/localized-text.schema';
import type { IncidentTimelineEntry } from '../../api/api-types';
import { type Lang, LANGS, t, tk, tOr } from '../../i18n';

/** Who acted: the detector and the sweep in words, a person by the e-mail the API records. */
export const actorName = (lang: Lang, actor: string): string => tOr(lang, `actor.${actor}`, actor);

const statusName = (lang: Lang, status: unknown): string => (typeof status === 'string' ? tk(lang, `st.${status}`) : '');

const isLocalized = (v: unknown): v is LocalizedText =>
  typeof v === 'object' && v !== null && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string');

/** A timeline entry in words: what happened (its kind), and its details (statuses, texts), never raw codes. */
export function timelineText(entry: IncidentTimelineEntry, lang: Lang): { kind: string; detail: string | null } {
  const d = entry.data;
  const kind = tk(lang, `ev.${entry.kind}`);
  switch (entry.kind) {
    case 'state_changed':
    case 'reopened':
      return { kind, detail: statusName(lang, d.status) || null };
    case 'status_changed':
      if (d.recovered === true) return { kind, detail: `${t(lang, 'recoveredNote')} · ${statusName(lang, d.status)}` };
      return { kind, detail: t(lang, 'statusChange', { from: statusName(lang, d.from), to: statusName(lang, d.to) }) };
    case 'note':
      return { kind, detail: typeof d.text === 'string' ? d.text : null };
    case 'public_update':
      return { kind, detail: [tk(lang, `pub.${String(d.public_state)}`), isLocalized(d.text) ? d.text[lang] : null].filter(Boolean).join(': ') };
    case 'linked_to_root':
      return { kind, detail: t(lang, 'rootIncident', { id: Number(d.root_incident_id) }) };
    case 'flapping_changed':
      return { kind, detail: t(lang, d.flapping === true ? 'flappingOn' : 'flappingOff') };
    default:
      return { kind, detail: null };
  }
}

export interface PublishedUpdate {
  id: number;
  at: string;
  actor: string;
  publicState: string;
  text: LocalizedText;
}

/** The public updates published on the incident, newest first, with their text in every language. */
export function publishedUpdates(timeline: readonly IncidentTimelineEntry[]): PublishedUpdate[] {
  return timeline
    .filter((e) => e.kind === 'public_update' && isLocalized(e.data.text))
    .map((e) => ({ id: e.id, at: e.at, actor: e.actor, publicState: String(e.data.public_state), text: e.data.text as LocalizedText }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
