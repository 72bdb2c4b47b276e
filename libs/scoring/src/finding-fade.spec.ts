import type { Finding } from './system-score';
import { carryFixedFindings, fadeFactor, fadedFindings } from './finding-fade';
import { NOW } from './scoring-evidence.fixture';

const DAY = 86_400_000;
const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'eol.php',
  component: 'obsolescence',
  pointsLost: 12,
  reason: 'PHP 5.6 is past its end of life',
  fix: 'Upgrade PHP.',
  evidence: { fact: 'x-powered-by: PHP/5.6.40' },
  source: { standard: 's', section: 'x', url: 'u' },
  ...over,
});

describe('fading of fixed findings over 60 days', () => {
  it('the factor falls linearly from 1 to 0 over 60 days and stays 0', () => {
    expect(fadeFactor(NOW, NOW)).toBe(1);
    expect(fadeFactor(NOW - 15 * DAY, NOW)).toBe(0.75);
    expect(fadeFactor(NOW - 30 * DAY, NOW)).toBe(0.5);
    expect(fadeFactor(NOW - 60 * DAY, NOW)).toBe(0);
    expect(fadeFactor(NOW - 90 * DAY, NOW)).toBe(0);
    expect(fadeFactor(NOW + DAY, NOW)).toBe(1);
  });

  it('a fixed finding costs its points × (1 − age / 60 days), marked as fading', () => {
    const [f] = fadedFindings([{ finding: finding(), fixedAt: NOW - 30 * DAY }], [], NOW);
    expect(f.pointsLost).toBe(6);
    expect(f.fading).toEqual({ fixedAt: new Date(NOW - 30 * DAY).toISOString(), originalPointsLost: 12 });
    expect(f.reason).toMatch(/^fixed \d{4}-\d{2}-\d{2}, fading out over 60 days \(30 left\): PHP 5.6/);
  });

  it('one that has faded out, or is seen again, adds nothing', () => {
    expect(fadedFindings([{ finding: finding(), fixedAt: NOW - 61 * DAY }], [], NOW)).toEqual([]);
    expect(fadedFindings([{ finding: finding(), fixedAt: NOW - DAY }], [finding()], NOW)).toEqual([]);
  });

  it('stays within its component: fading costs are trimmed to the points left', () => {
    const current = [finding({ rule: 'eol.apache-http-server', pointsLost: 20 })];
    const [f] = fadedFindings([{ finding: finding(), fixedAt: NOW }], current, NOW);
    expect(f.pointsLost).toBe(5);
  });

  it('uses the original cost when a fading finding is passed back in', () => {
    const once = fadedFindings([{ finding: finding(), fixedAt: NOW - 30 * DAY }], [], NOW)[0];
    const [again] = fadedFindings([{ finding: once, fixedAt: NOW - 30 * DAY }], [], NOW);
    expect(again.pointsLost).toBe(6);
  });
});

describe('carryFixedFindings', () => {
  const php = finding();
  const hsts = finding({ rule: 'http.hsts-not-implemented', component: 'http', pointsLost: 3 });

  it('a costly finding gone from the current score becomes fixed now', () => {
    expect(carryFixedFindings([php, hsts], [hsts], [], NOW)).toEqual([{ finding: php, fixedAt: NOW }]);
  });

  it('keeps what is still fading, drops what is seen again or has faded out', () => {
    const fading = { finding: php, fixedAt: NOW - 10 * DAY };
    const old = { finding: hsts, fixedAt: NOW - 61 * DAY };
    expect(carryFixedFindings([], [], [fading, old], NOW)).toEqual([fading]);
    expect(carryFixedFindings([], [php], [fading], NOW)).toEqual([]);
  });

  it('does not restart the fade of a finding already fixed, nor fix findings that cost nothing', () => {
    const fading = { finding: php, fixedAt: NOW - 10 * DAY };
    const fadedCopy = { ...php, pointsLost: 10, fading: { fixedAt: new Date(NOW - 10 * DAY).toISOString(), originalPointsLost: 12 } };
    expect(carryFixedFindings([fadedCopy], [], [fading], NOW)).toEqual([fading]);
    expect(carryFixedFindings([finding({ rule: 'tls.certificate.expires_soon', pointsLost: 0 })], [], [], NOW)).toEqual([]);
  });
});
