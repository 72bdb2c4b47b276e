import { localDays } from './local-days';

const H = 3_600_000;
const shape = (from: number, to: number, zone: string) =>
  localDays(from, to, zone).map((d) => [d.date, new Date(d.start).toISOString(), (d.end - d.start) / H]);

describe('localDays', () => {
  it('splits at Asia/Almaty midnights (UTC+5 in 2026); the first and last days are partial', () => {
    expect(shape(Date.UTC(2026, 0, 9, 12), Date.UTC(2026, 0, 11, 12), 'Asia/Almaty')).toEqual([
      ['2026-01-09', '2026-01-09T12:00:00.000Z', 7],
      ['2026-01-10', '2026-01-09T19:00:00.000Z', 24],
      ['2026-01-11', '2026-01-10T19:00:00.000Z', 17],
    ]);
  });

  it('a range inside one day is that day only', () => {
    expect(shape(Date.UTC(2026, 0, 9, 20), Date.UTC(2026, 0, 9, 21), 'Asia/Almaty')).toEqual([
      ['2026-01-10', '2026-01-09T20:00:00.000Z', 1],
    ]);
  });

  it('follows the zone history: Asia/Almaty moved from UTC+6 to UTC+5 on 2024-03-01 (a 25-hour day)', () => {
    expect(shape(Date.UTC(2024, 1, 28, 18), Date.UTC(2024, 2, 1, 19), 'Asia/Almaty')).toEqual([
      ['2024-02-29', '2024-02-28T18:00:00.000Z', 25],
      ['2024-03-01', '2024-02-29T19:00:00.000Z', 24],
    ]);
  });

  it('DST: a 23-hour day, and a day whose midnight is skipped starts at 01:00', () => {
    expect(shape(Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 30, 22), 'Europe/Berlin')).toEqual([
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    expect(shape(Date.UTC(2026, 8, 5, 4), Date.UTC(2026, 8, 7, 3), 'America/Santiago')).toEqual([
      ['2026-09-05', '2026-09-05T04:00:00.000Z', 24],
      ['2026-09-06', '2026-09-06T04:00:00.000Z', 23],
    ]);
  });
});
