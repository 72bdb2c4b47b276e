import { subscriptionPage, wantsJson } from './subscription-page';

describe('subscription pages', () => {
  it('answers JSON only when JSON is asked for rather than HTML', () => {
    expect(wantsJson('application/json')).toBe(true);
    expect(wantsJson('text/html,application/xhtml+xml,application/json;q=0.9')).toBe(false);
    expect(wantsJson(undefined)).toBe(false);
  });

  it('shows the three languages, the subscriber language first', () => {
    const html = subscriptionPage('confirmed', 'ru');
    expect(html).toContain('<html lang="ru">');
    expect(html.indexOf('Подписка подтверждена.')).toBeLessThan(html.indexOf('Жазылым расталды.'));
    expect(html).toContain('Your subscription is confirmed.');
    expect(html).not.toContain('<form');
  });

  it('has a POST button on the unsubscribe question only, with the action escaped', () => {
    const html = subscriptionPage('unsubscribe', 'en', { formAction: '?token=a"b' });
    expect(html).toContain('<form method="post" action="?token=a&quot;b">');
    expect(subscriptionPage('unsubscribed', 'en', { formAction: '?token=x' })).not.toContain('<form');
  });
});
