/**
 * The session cookie each persona sets, with the protection flags its stack would typically
 * give it (kz-fleet.yaml has no cookie facts, so they are set here, per persona code): a modern
 * stack flags it fully, PHP and ASP.NET defaults of the dated and legacy-windows stacks set
 * HttpOnly only, neglected and abandoned stacks none. The value is a constant: it is never read.
 */
const SESSION_COOKIES: Record<string, { name: string; flags: string[] }> = {
  modern: { name: 'session', flags: ['Secure', 'HttpOnly', 'SameSite=Lax'] },
  dated: { name: 'PHPSESSID', flags: ['HttpOnly'] },
  neglected: { name: 'PHPSESSID', flags: [] },
  abandoned: { name: 'PHPSESSID', flags: [] },
  'legacy-windows': { name: 'ASP.NET_SessionId', flags: ['HttpOnly'] },
};

/**
 * The Set-Cookie line of a persona's responses; null for a persona without one, and over plain
 * HTTP for a Secure cookie (a browser drops a Secure cookie set from an insecure origin).
 */
export function personaSessionCookie(personaCode: string, secure: boolean): string | null {
  const cookie = SESSION_COOKIES[personaCode];
  if (!cookie || (!secure && cookie.flags.includes('Secure'))) return null;
  return [`${cookie.name}=simulated`, 'Path=/', ...cookie.flags].join('; ');
}
