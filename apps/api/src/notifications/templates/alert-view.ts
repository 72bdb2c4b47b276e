import type { AlertContent, AlertIncident, AlertLanguage } from '../channels/notification-channel';
import { formatAlertDuration, formatAlertList, formatAlertTime } from './alert-format';
import { ALERT_PHRASES, type AlertPhrases } from './alert-phrases';
import { causeWords } from './cause-words';

// An alert in one language, as plain strings: what every channel's template lays out. No field
// of the content other than the board link is a URL, so nothing here can leak a target.

export interface AlertIncidentView {
  system: string;
  severity: string;
  started: string;
  resolved: string | null;
  duration: string | null;
  causes: string[];
  alsoAffected: string[];
  boardUrl: string;
}

export interface AlertView {
  phrases: AlertPhrases;
  subject: string;
  /** Escalation or informational notice, when the kind has one. */
  note: string | null;
  incidents: AlertIncidentView[];
  /** Informational: the reader's own systems among those affected. */
  yourAffected: string | null;
}

const SEVERITY_ORDER: AlertIncident['severity'][] = ['sev1', 'sev2', 'sev3', 'sev4'];

function worstSeverity(incidents: AlertIncident[]): AlertIncident['severity'] {
  return SEVERITY_ORDER.find((s) => incidents.some((i) => i.severity === s)) ?? 'sev4';
}

function incidentView(
  incident: AlertIncident,
  content: AlertContent,
  language: AlertLanguage,
  p: AlertPhrases,
): AlertIncidentView {
  const causes = (incident.cause?.checks ?? []).map((check) => {
    const where = check.regions.length > 0 ? ` (${p.regions}: ${check.regions.join(', ')})` : '';
    return `${check.checkCode}: ${causeWords(check, p, language)}${where}`;
  });
  const resolvedAt = incident.resolvedAt;
  return {
    system: incident.systemName[language],
    severity: p.severity[incident.severity],
    started: formatAlertTime(incident.startedAt, language),
    resolved: resolvedAt !== null ? formatAlertTime(resolvedAt, language) : null,
    duration: resolvedAt !== null ? formatAlertDuration(resolvedAt - incident.startedAt, language) : null,
    causes,
    alsoAffected: incident.alsoAffected.map((a) =>
      a.agencyCode === content.agencyCode
        ? a.systemName[language]
        : `${a.systemName[language]} (${a.agencyCode})`,
    ),
    boardUrl: incident.boardUrl,
  };
}

function subjectOf(
  content: AlertContent,
  views: AlertIncidentView[],
  language: AlertLanguage,
  p: AlertPhrases,
) {
  const agency = content.agencyName[language];
  const one = views.length === 1 ? views[0] : null;
  if (content.kind === 'resolved') {
    return one
      ? `${p.resolvedOne(one.system)}${one.duration ? `, ${one.duration}` : ''}`
      : p.resolvedMany(views.length, agency);
  }
  const prefix =
    content.kind === 'escalation'
      ? p.escalationPrefix(content.level)
      : content.kind === 'repeat'
        ? p.repeatPrefix
        : content.kind === 'informational'
          ? p.informationalPrefix
          : '';
  const core = one ? p.firingOne(one.system) : p.firingMany(views.length, agency);
  return `[${worstSeverity(content.incidents).toUpperCase()}] ${prefix}${core}`;
}

export function buildAlertView(content: AlertContent, language: AlertLanguage): AlertView {
  const p = ALERT_PHRASES[language];
  const incidents = content.incidents.map((i) => incidentView(i, content, language, p));
  const own = content.incidents
    .flatMap((i) => i.alsoAffected)
    .filter((a) => a.agencyCode === content.agencyCode)
    .map((a) => a.systemName[language]);
  return {
    phrases: p,
    subject: subjectOf(content, incidents, language, p),
    note:
      content.kind === 'escalation'
        ? p.escalationNote
        : content.kind === 'informational'
          ? p.informationalNote
          : null,
    incidents,
    yourAffected:
      content.kind === 'informational' && own.length > 0
        ? `${p.yourAffected}: ${formatAlertList([...new Set(own)], language)}`
        : null,
  };
}
