import * as scoring from './index';

describe('@kuzet/scoring public API', () => {
  it('exports the functions and data the API, the probe tests and the CLI use', () => {
    for (const name of ['scoreSystem', 'scoreAgency', 'rateTls', 'rateHttpHygiene', 'detectSoftware', 'gradeOf', 'explainScore', 'carryFixedFindings'] as const) {
      expect(typeof scoring[name]).toBe('function');
    }
    expect(scoring.END_OF_LIFE_SNAPSHOT).toMatchObject({ source: 'https://endoflife.date', date: expect.any(String) });
    expect(scoring.SSL_LABS_REFERENCE_SETUPS.length).toBeGreaterThanOrEqual(8);
    expect(Object.values(scoring.COMPONENT_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});
