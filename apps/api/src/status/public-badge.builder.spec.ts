import { statusBadge, uptimeBadge } from './public-badge.builder';

describe('badges', () => {
  it('says the status in the language, grey when unknown', () => {
    expect(statusBadge('major_outage', 'en')).toContain('Major outage');
    expect(statusBadge('operational', 'ru')).toContain('Работает штатно');
    expect(statusBadge(null, 'en')).toContain('No data');
  });

  it('rounds uptime down so 99.999 % never reads 100 %', () => {
    expect(uptimeBadge(0.99999, 30, 'en')).toContain('99.99%');
    expect(uptimeBadge(null, 30, 'en')).toContain('No data');
  });
});
