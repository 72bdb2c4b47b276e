/**
 * Turns free-form source names ("API (prod)", "Портал") into unique catalog codes
 * (^[a-z0-9][a-z0-9-]{0,62}$). Non-Latin names fall back to a prefix and a number.
 */
export class ImportCodeAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly fallbackPrefix: string) {}

  allocate(name: string): string {
    const base = slug(name) || this.fallbackPrefix;
    let code = base;
    for (let n = 2; this.used.has(code); n++) code = `${base.slice(0, 60 - String(n).length)}-${n}`;
    this.used.add(code);
    return code;
  }
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
