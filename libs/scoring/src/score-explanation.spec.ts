import { explainScore } from './score-explanation';
import { scoreSystem } from './system-scorer';
import { NOW, personaEvidence } from './scoring-evidence.fixture';

describe('explainScore', () => {
  const text = explainScore(scoreSystem(personaEvidence('abandoned', { availability: 0.97 }), { now: NOW }));

  it('states the score, grade, components and caps', () => {
    expect(text).toContain('System abandoned-system (agency nit, tier critical)');
    // 20.2 + 14 + 0 + 0 + 0: below both caps, so they hold but do not bind
    expect(text).toMatch(/^Score 34\.2 \/ 100, grade F$/m);
    expect(text).toMatch(/Reliability\s+20\.2 \/ 35/);
    expect(text).toMatch(/TLS\s+14\.0 \/ 20 {2}SSL Labs B/);
    expect(text).toMatch(/HTTP hygiene\s+0\.0 \/ 15 {2}Observatory F \(0\)/);
    expect(text).toContain('cap.end_of_life: at most 70 (end-of-life software: Apache HTTP Server 2.2, PHP 5.6)');
    expect(text).toContain('cap.availability: at most 60 (availability 97.00% is below 99%)');
  });

  it('says when a cap binds', () => {
    const capped = explainScore(scoreSystem(personaEvidence('modern', { availability: 0.985 }), { now: NOW }));
    expect(capped).toMatch(/^Score 60\.0 \/ 100, grade D \(components sum to 82\.5, capped\)$/m);
  });

  it('lists every finding with its evidence (check, region, time, fact) and its rule source', () => {
    expect(text).toContain('TLS: tls.protocol.tls10');
    expect(text).toContain('evidence: check 7, region almaty, 2026-12-03T09:59:00Z: abandoned.kuzet.test:8443: accepted versions: TLSv1, TLSv1.1, TLSv1.2');
    expect(text).toContain('rule:     endoflife.date snapshot 2025-06-01, PHP 5.6 <https://endoflife.date/php>');
    expect(text).toContain('rule:     SSL Labs SSL Server Rating Guide (2009q), Changes: TLS 1.0 or TLS 1.1 supported, grade capped to B');
    expect(text).toContain('evidence: availability 97% over 28 days, SLO 99.9%, 0 incidents');
  });
});
