import { FleetSystem } from '../fleet/fleet.types';

export function healthBody(code: string): string {
  return JSON.stringify({ status: 'UP', system: code });
}

/** The small landing page at `/`, in the three languages the fleet names the system in. */
export function landingPage(system: FleetSystem): string {
  const { kk, ru, en } = system.name;
  return [
    '<!doctype html>',
    '<html lang="kk">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(en) + '</title></head>',
    '<body>',
    `<h1 lang="kk">${escapeHtml(kk)}</h1>`,
    `<p lang="ru">${escapeHtml(ru)}</p>`,
    `<p lang="en">${escapeHtml(en)}</p>`,
    `<p><small>Kuzet simulator: ${escapeHtml(system.code)}</small></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
