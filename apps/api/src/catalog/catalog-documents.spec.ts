import { checkDocumentSchema, CheckView, maintenanceDocumentSchema, MaintenanceView } from '@kuzet/contracts';
import { checkDocumentOf, maintenanceDocumentOf, mergePatch } from './catalog-documents';

const view: CheckView = {
  id: 1,
  key: 's/x',
  system: 's',
  code: 'x',
  kind: 'http',
  target: 'https://egov.kz/',
  interval_s: 30,
  timeout_s: 10,
  regions: ['local'],
  conditions: [],
  thresholds: {},
  role: 'primary',
  role_explicit: false,
  options: {
    method: 'GET',
    follow_redirects: true,
    max_redirects: 5,
    max_body_bytes: 1048576,
    ca_file: 'ca.pem',
    ca_pem: 'PEM',
  },
  push_token: null,
  enabled: true,
  source: 'folder',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('stored items as documents (for PATCH)', () => {
  it('drops derived options and a default timeout so a new interval re-derives it', () => {
    const doc = checkDocumentOf(view);
    expect(doc).not.toHaveProperty('timeout');
    expect((doc.options as Record<string, unknown>).ca_pem).toBeUndefined();
    const patched = checkDocumentSchema.parse(mergePatch(doc, { interval: '4s' }));
    expect(patched.interval).toBe(4);
    expect(checkDocumentOf({ ...view, timeout_s: 3 })).toMatchObject({ timeout: 3 });
  });

  it('keeps an explicit role and leaves a default one out, so a kind change re-derives it', () => {
    expect(checkDocumentOf(view)).not.toHaveProperty('role');
    const explicit = checkDocumentOf({ ...view, role: 'diagnostic', role_explicit: true });
    expect(explicit.role).toBe('diagnostic');
    expect(checkDocumentSchema.parse(explicit)).toMatchObject({ role: 'diagnostic' });
    expect(() => checkDocumentSchema.parse({ ...explicit, role: 'main' })).toThrow(/role/);
  });

  it('turns heartbeat grace_s back into grace', () => {
    const doc = checkDocumentOf({
      ...view,
      kind: 'heartbeat',
      target: null,
      options: { grace_s: 30 },
      push_token: 't',
    });
    expect(doc).toMatchObject({ kind: 'heartbeat', options: { grace: 30 } });
    expect(doc).not.toHaveProperty('target');
    expect(checkDocumentSchema.parse(doc)).toMatchObject({ options: { grace_s: 30 } });
  });

  it('merges a patch shallowly; null removes a field', () => {
    expect(mergePatch({ a: 1, b: { c: 2 }, d: 3 }, { b: { e: 4 }, d: null, f: undefined })).toEqual({
      a: 1,
      b: { e: 4 },
    });
  });

  it('round-trips a one-off maintenance window through its local times', () => {
    const window: MaintenanceView = {
      code: 'w',
      title: { kk: 'a', ru: 'b', en: 'c' },
      systems: ['s'],
      timezone: 'Asia/Almaty',
      starts_at: '2026-11-30T20:00:00.000Z',
      ends_at: '2026-11-30T22:00:00.000Z',
      starts_at_local: '2026-12-01T01:00:00',
      ends_at_local: '2026-12-01T03:00:00',
      recurrence: null,
      start_time: null,
      duration_s: null,
      enabled: true,
      source: 'api',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    const switched = mergePatch(maintenanceDocumentOf(window), {
      starts_at: null,
      ends_at: null,
      recurrence: 'FREQ=DAILY',
      start_time: '01:00',
      duration: '1h',
    });
    expect(maintenanceDocumentSchema.parse(switched)).toMatchObject({
      recurrence: 'FREQ=DAILY',
      duration: 3600,
    });
    expect(maintenanceDocumentSchema.parse(maintenanceDocumentOf(window))).toMatchObject({
      starts_at: '2026-12-01T01:00:00',
    });
  });
});
