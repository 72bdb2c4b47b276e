import type { RenderedMessage } from '../channels/notification-channel';
import type { AlertIncidentView, AlertView } from './alert-view';
import { escapeHtml as e } from './escape-html';

/** Telegram's sendMessage refuses texts over 4096 characters; keep a margin for the closing line. */
export const TELEGRAM_TEXT_LIMIT = 4096;

function incidentBlock(view: AlertView, incident: AlertIncidentView): string {
  const p = view.phrases;
  const lines = [
    `<b>${e(incident.system)}</b> (${e(incident.severity)})`,
    `${e(p.started)}: ${e(incident.started)}`,
  ];
  if (incident.duration) lines.push(`${e(p.duration)}: ${e(incident.duration)}`);
  lines.push(`${e(p.cause)}: ${e(incident.causes.length > 0 ? incident.causes.join('; ') : p.causeUnknown)}`);
  if (incident.alsoAffected.length > 0)
    lines.push(`${e(p.alsoAffected)}: ${e(incident.alsoAffected.join(', '))}`);
  lines.push(`<a href="${e(incident.boardUrl)}">${e(p.board)}</a>`);
  return lines.join('\n');
}

/**
 * Telegram (parse_mode HTML): every value escaped. A storm of many systems is cut to what fits
 * in one message, ending with "… and N more"; every listed system keeps its board link.
 */
export function renderTelegram(view: AlertView): RenderedMessage {
  const head = [`<b>${e(view.subject)}</b>`];
  if (view.note) head.push(e(view.note));
  if (view.yourAffected) head.push(e(view.yourAffected));
  const blocks = view.incidents.map((i) => incidentBlock(view, i));
  let shown = blocks.length;
  const compose = (n: number) => {
    const tail = n < blocks.length ? [e(view.phrases.more(blocks.length - n))] : [];
    return [...head, ...blocks.slice(0, n), ...tail].join('\n\n');
  };
  let text = compose(shown);
  while (text.length > TELEGRAM_TEXT_LIMIT && shown > 0) text = compose(--shown);
  return { subject: view.subject, text: text.slice(0, TELEGRAM_TEXT_LIMIT) };
}
