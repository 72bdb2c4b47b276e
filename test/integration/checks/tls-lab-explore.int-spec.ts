import { startTlsLab, TlsLabHandle } from '@kuzet/simulator';
import { TlsCheckRunner } from '@kuzet/checks';

describe('explore', () => {
  let lab: TlsLabHandle;
  beforeAll(async () => {
    lab = await startTlsLab();
  });
  afterAll(() => lab?.close());
  it('dumps', async () => {
    const tls = new TlsCheckRunner();
    for (const s of lab.setups) {
      const r = await tls.check({
        kind: 'tls',
        target: `127.0.0.1:${s.port}`,
        timeoutMs: 5000,
        conditions: [],
        thresholds: {},
        options: { ca_pem: s.caPem, servername: s.host },
      });
      const { subject, issuer, validFrom, ...rest } = r.tls ?? ({} as never);
      console.log(s.name, JSON.stringify({ outcome: r.outcome, err: r.errorMessage, ...rest }));
    }
  });
});
