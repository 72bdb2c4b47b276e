import type { IncidentCauseCheck } from '@kuzet/contracts/incidents/incident-cause';
import { causeSummary, errorInWords } from './incident-cause';

const check = (code: string, over: Partial<IncidentCauseCheck>, regions: string[]): IncidentCauseCheck => ({
  checkId: 1,
  checkCode: code,
  checkType: 'http',
  role: 'primary',
  outcome: 2,
  regions,
  errorClass: null,
  httpStatus: null,
  error: 'in English',
  firstFailureAt: 0,
  ...over,
});

describe('causeSummary', () => {
  it('names each failing check by its kind, its first error in words and its regions, in the language', () => {
    const cause = {
      checks: [
        check('https', { errorClass: 'status', httpStatus: 503 }, ['almaty', 'astana']),
        check('dns', { checkType: 'dns', errorClass: 'dns' }, ['local']),
      ],
    };
    expect(causeSummary(cause, 'en')).toBe('HTTP check: HTTP 503 response (Almaty, Astana); DNS check: DNS name not resolved (local probe)');
    expect(causeSummary(cause, 'ru')).toBe('HTTP-проверка: ответ HTTP 503 (Алматы, Астана); DNS-проверка: DNS-имя не найдено (локальный зонд)');
    expect(causeSummary(cause, 'kk')).not.toMatch(/in English|https|local\b/);
  });

  it('keeps an unknown region code, and says the outcome when the error has no class', () => {
    expect(causeSummary({ checks: [check('api', {}, ['shymkent'])] }, 'en')).toBe('HTTP check: Down (shymkent)');
    expect(errorInWords({ errorClass: 'timeout', httpStatus: null, outcome: 2 }, 'ru')).toBe('превышено время ожидания');
  });

  it('is null without a cause, and shortens a long list', () => {
    expect(causeSummary(null, 'en')).toBeNull();
    expect(causeSummary({ checks: [] }, 'en')).toBeNull();
    const many = { checks: ['a', 'b', 'c', 'd', 'e'].map((c) => check(c, { errorClass: 'timeout' }, ['local'])) };
    expect(causeSummary(many, 'en')).toMatch(/; 2 more$/);
  });
});
