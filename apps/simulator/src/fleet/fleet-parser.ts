import { parse } from 'yaml';
import { FleetError } from './fleet-error';
import {
  Fleet,
  FleetAgency,
  FleetCategory,
  FleetSystem,
  LocalizedName,
  Persona,
  Tier,
  TIERS,
  TLS_VERSIONS,
  TlsVersion,
} from './fleet.types';

// Same rule as the catalog (docs/catalog.md), so every fleet code is a valid catalog code.
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

type Fields = Record<string, unknown>;

/** Parses kz-fleet.yaml text into a validated Fleet; throws FleetError naming the bad field. */
export function parseFleet(text: string, source = 'kz-fleet.yaml'): Fleet {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new FleetError(source, '', `not valid YAML: ${(err as Error).message}`);
  }
  const fail = (field: string, detail: string): never => {
    throw new FleetError(source, field, detail);
  };
  const root = mapping(doc, '', fail);

  const categories: FleetCategory[] = entries(root.categories, 'categories', fail).map(([code, value]) => ({
    code,
    name: localized(value, `categories.${code}`, fail),
  }));
  const agencies: FleetAgency[] = entries(root.agencies, 'agencies', fail).map(([code, value]) => ({
    code,
    name: localized(value, `agencies.${code}`, fail),
  }));
  const personas: Record<string, Persona> = {};
  for (const [code, value] of entries(root.personas, 'personas', fail)) {
    personas[code] = persona(code, value, `personas.${code}`, fail);
  }
  const systems = entries(root.systems, 'systems', fail).map(([code, value]) => system(code, value, fail));

  const fleet: Fleet = { categories, agencies, systems, personas };
  checkReferences(fleet, fail);
  return fleet;
}

function system(code: string, value: unknown, fail: Fail): FleetSystem {
  const at = `systems.${code}`;
  const f = mapping(value, at, fail);
  const tier = requiredString(f.tier, `${at}.tier`, fail);
  if (!(TIERS as readonly string[]).includes(tier)) fail(`${at}.tier`, `must be one of ${TIERS.join(', ')}`);
  const dependsOn = f.depends_on === undefined ? [] : stringList(f.depends_on, `${at}.depends_on`, fail);
  if (f.public !== undefined && typeof f.public !== 'boolean') fail(`${at}.public`, 'must be true or false');
  return {
    code,
    agency: requiredString(f.agency, `${at}.agency`, fail),
    name: localized(f, at, fail),
    tier: tier as Tier,
    category: optionalString(f.category, `${at}.category`, fail),
    persona: requiredString(f.persona, `${at}.persona`, fail),
    public: f.public === true,
    publicUrl: optionalString(f.public_url, `${at}.public_url`, fail),
    dependsOn,
  };
}

function persona(code: string, value: unknown, at: string, fail: Fail): Persona {
  const f = mapping(value, at, fail);
  const tls = stringList(f.tls, `${at}.tls`, fail);
  if (tls.length === 0) fail(`${at}.tls`, 'must list at least one TLS version');
  for (const v of tls) {
    if (!(TLS_VERSIONS as readonly string[]).includes(v)) fail(`${at}.tls`, `unknown TLS version "${v}"`);
  }
  if (f.http2 !== undefined && typeof f.http2 !== 'boolean') fail(`${at}.http2`, 'must be true or false');
  return {
    code,
    tls: tls as TlsVersion[],
    server: requiredString(f.server, `${at}.server`, fail),
    poweredBy: optionalString(f.powered_by, `${at}.powered_by`, fail),
    aspnetVersion: optionalString(f.aspnet_version, `${at}.aspnet_version`, fail),
    hsts: optionalString(f.hsts, `${at}.hsts`, fail),
    csp: optionalString(f.csp, `${at}.csp`, fail),
    http2: f.http2 === true,
  };
}

function checkReferences(fleet: Fleet, fail: Fail): void {
  const agencies = new Set(fleet.agencies.map((a) => a.code));
  const categories = new Set(fleet.categories.map((c) => c.code));
  const systems = new Set(fleet.systems.map((s) => s.code));
  for (const s of fleet.systems) {
    const at = `systems.${s.code}`;
    if (!agencies.has(s.agency)) fail(`${at}.agency`, `unknown agency "${s.agency}"`);
    if (s.category !== null && !categories.has(s.category))
      fail(`${at}.category`, `unknown category "${s.category}"`);
    if (!fleet.personas[s.persona]) fail(`${at}.persona`, `unknown persona "${s.persona}"`);
    for (const d of s.dependsOn) {
      if (!systems.has(d)) fail(`${at}.depends_on`, `unknown system "${d}"`);
      if (d === s.code) fail(`${at}.depends_on`, 'a system cannot depend on itself');
    }
  }
  const cycle = findCycle(fleet.systems);
  if (cycle) fail('systems', `dependency cycle ${cycle.join(' -> ')}`);
}

/** Depth-first search; returns the first cycle found as a closed path (a -> b -> a). */
export function findCycle(systems: Pick<FleetSystem, 'code' | 'dependsOn'>[]): string[] | null {
  const deps = new Map(systems.map((s) => [s.code, s.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    if (state.get(code) === 'done') return null;
    if (state.get(code) === 'visiting') return [...path.slice(path.indexOf(code)), code];
    state.set(code, 'visiting');
    path.push(code);
    for (const d of deps.get(code) ?? []) {
      const found = visit(d);
      if (found) return found;
    }
    path.pop();
    state.set(code, 'done');
    return null;
  };
  for (const s of systems) {
    const found = visit(s.code);
    if (found) return found;
  }
  return null;
}

type Fail = (field: string, detail: string) => never;

function mapping(value: unknown, at: string, fail: Fail): Fields {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(at, 'must be a mapping');
  return value as Fields;
}

function entries(value: unknown, at: string, fail: Fail): [string, unknown][] {
  const list = Object.entries(mapping(value, at, fail));
  if (list.length === 0) fail(at, 'must not be empty');
  for (const [code] of list) {
    if (!CODE.test(code)) fail(`${at}.${code}`, `code must match ${CODE.source}`);
  }
  return list;
}

function localized(value: unknown, at: string, fail: Fail): LocalizedName {
  const f = mapping(value, at, fail);
  return {
    kk: requiredString(f.kk, `${at}.kk`, fail),
    ru: requiredString(f.ru, `${at}.ru`, fail),
    en: requiredString(f.en, `${at}.en`, fail),
  };
}

function requiredString(value: unknown, at: string, fail: Fail): string {
  // YAML reads 4.0.30319 as a string but 7.5 as a number: accept finite numbers as their text.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') fail(at, 'must be a non-empty string');
  return value as string;
}

function optionalString(value: unknown, at: string, fail: Fail): string | null {
  return value === undefined || value === null ? null : requiredString(value, at, fail);
}

function stringList(value: unknown, at: string, fail: Fail): string[] {
  if (!Array.isArray(value)) fail(at, 'must be a list');
  return (value as unknown[]).map((v, i) => requiredString(v, `${at}[${i}]`, fail));
}
