import type { AlertIncidentView, AlertView } from './alert-view';

// Plain text: the e-mail's text part and the webhook's `text`.

export function incidentTextLines(view: AlertView, incident: AlertIncidentView): string[] {
  const p = view.phrases;
  const lines = [`• ${incident.system} (${incident.severity})`, `  ${p.started}: ${incident.started}`];
  if (incident.resolved) lines.push(`  ${p.resolvedAt}: ${incident.resolved}`);
  if (incident.duration) lines.push(`  ${p.duration}: ${incident.duration}`);
  lines.push(`  ${p.cause}: ${incident.causes.length > 0 ? incident.causes.join('; ') : p.causeUnknown}`);
  if (incident.alsoAffected.length > 0)
    lines.push(`  ${p.alsoAffected}: ${incident.alsoAffected.join(', ')}`);
  lines.push(`  ${p.board}: ${incident.boardUrl}`);
  return lines;
}

export function renderText(view: AlertView): string {
  const blocks = [view.subject];
  if (view.note) blocks.push(view.note);
  if (view.yourAffected) blocks.push(view.yourAffected);
  for (const incident of view.incidents) blocks.push(incidentTextLines(view, incident).join('\n'));
  blocks.push(`-- \n${view.phrases.footer}`);
  return blocks.join('\n\n') + '\n';
}
