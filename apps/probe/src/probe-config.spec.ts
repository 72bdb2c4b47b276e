import { loadProbeConfig } from './probe-config';
import { InvalidProbeConfigError } from './probe.errors';

const good = { KUZET_API_URL: 'http://127.0.0.1:3000/', KUZET_PROBE_TOKEN: 'kzp_abcdefghijklmnop', KUZET_PROBE_REGION: 'astana' };

describe('loadProbeConfig', () => {
  it('fills defaults', () => {
    const c = loadProbeConfig(good);
    expect(c.apiUrl).toBe('http://127.0.0.1:3000');
    expect(c.agentId).toMatch(/-astana$/);
    expect(c.spoolDir.endsWith('data/probe-spool')).toBe(true);
  });
  it('names the bad variable', () => {
    expect(() => loadProbeConfig({ ...good, KUZET_API_URL: 'ftp://x' })).toThrow(/KUZET_API_URL/);
    expect(() => loadProbeConfig({ ...good, KUZET_PROBE_REGION: 'Bad Region' })).toThrow(InvalidProbeConfigError);
    expect(() => loadProbeConfig({ ...good, KUZET_PROBE_TOKEN: undefined })).toThrow(/KUZET_PROBE_TOKEN/);
  });
});
