import type { RenderedMessage } from '../channels/notification-channel';
import type { AlertIncidentView, AlertView } from './alert-view';
import { escapeHtml as e } from './escape-html';
import { renderText } from './text.template';

function incidentHtml(view: AlertView, incident: AlertIncidentView): string {
  const p = view.phrases;
  const row = (label: string, value: string) =>
    `<tr><th align="left">${e(label)}</th><td>${e(value)}</td></tr>`;
  const rows = [row(p.severityLabel, incident.severity), row(p.started, incident.started)];
  if (incident.resolved) rows.push(row(p.resolvedAt, incident.resolved));
  if (incident.duration) rows.push(row(p.duration, incident.duration));
  rows.push(row(p.cause, incident.causes.length > 0 ? incident.causes.join('; ') : p.causeUnknown));
  if (incident.alsoAffected.length > 0) rows.push(row(p.alsoAffected, incident.alsoAffected.join(', ')));
  return [
    `<h3>${e(incident.system)}</h3>`,
    `<table>${rows.join('')}</table>`,
    `<p><a href="${e(incident.boardUrl)}">${e(p.board)}</a></p>`,
  ].join('\n');
}

/** E-mail: subject, a plain text part and an HTML part with every value escaped. */
export function renderEmail(view: AlertView, lang: string): RenderedMessage {
  const parts = [`<h2>${e(view.subject)}</h2>`];
  if (view.note) parts.push(`<p><strong>${e(view.note)}</strong></p>`);
  if (view.yourAffected) parts.push(`<p>${e(view.yourAffected)}</p>`);
  for (const incident of view.incidents) parts.push(incidentHtml(view, incident));
  parts.push(`<hr><p><small>${e(view.phrases.footer)}</small></p>`);
  const html = `<!doctype html>\n<html lang="${e(lang)}"><head><meta charset="utf-8"><title>${e(view.subject)}</title></head><body>\n${parts.join('\n')}\n</body></html>\n`;
  return { subject: view.subject, text: renderText(view), html };
}
