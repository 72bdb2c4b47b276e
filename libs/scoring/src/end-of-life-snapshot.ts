/**
 * A dated snapshot of end-of-life data from endoflife.date (https://endoflife.date, the
 * /api/<product>.json cycles: cycle, releaseDate, eol), for the products whose banners the probes
 * read. It was compiled WITHOUT network access, from the cycles as known on the snapshot date:
 * it is a snapshot as known on that date, not a live copy. Cycles released later are unknown to
 * it (their status is "unknown", never guessed). Refresh it by replacing the cycles below with
 * the API's answers and moving the date.
 *
 * eol: the date security support ends (a string), or false when no date is set yet (supported).
 */
export interface EndOfLifeCycle {
  cycle: string;
  releaseDate: string;
  eol: string | boolean;
  /** endoflife.date's note, when the cycle needs one (e.g. the Windows Server release an IIS version ships with). */
  note?: string;
}

export interface EndOfLifeProduct {
  /** endoflife.date's product id. */
  id: string;
  name: string;
  url: string;
  /** Newest first, as endoflife.date lists them. */
  cycles: EndOfLifeCycle[];
}

export type EndOfLifeProductId =
  | 'php'
  | 'apache-http-server'
  | 'nginx'
  | 'iis'
  | 'windows-server'
  | 'openssl'
  | 'tomcat'
  | 'nodejs'
  | 'jquery'
  | 'dotnetfx';

export interface EndOfLifeSnapshot {
  date: string;
  source: string;
  products: Record<EndOfLifeProductId, EndOfLifeProduct>;
}

function product(id: EndOfLifeProductId, name: string, cycles: EndOfLifeCycle[]): EndOfLifeProduct {
  return { id, name, url: `https://endoflife.date/${id}`, cycles };
}

export const END_OF_LIFE_SNAPSHOT: EndOfLifeSnapshot = {
  date: '2025-06-01',
  source: 'https://endoflife.date',
  products: {
    php: product('php', 'PHP', [
      { cycle: '8.4', releaseDate: '2024-11-21', eol: '2028-12-31' },
      { cycle: '8.3', releaseDate: '2023-11-23', eol: '2027-12-31' },
      { cycle: '8.2', releaseDate: '2022-12-08', eol: '2026-12-31' },
      { cycle: '8.1', releaseDate: '2021-11-25', eol: '2025-12-31' },
      { cycle: '8.0', releaseDate: '2020-11-26', eol: '2023-11-26' },
      { cycle: '7.4', releaseDate: '2019-11-28', eol: '2022-11-28' },
      { cycle: '7.3', releaseDate: '2018-12-06', eol: '2021-12-06' },
      { cycle: '7.2', releaseDate: '2017-11-30', eol: '2020-11-30' },
      { cycle: '7.1', releaseDate: '2016-12-01', eol: '2019-12-01' },
      { cycle: '7.0', releaseDate: '2015-12-03', eol: '2019-01-10' },
      { cycle: '5.6', releaseDate: '2014-08-28', eol: '2018-12-31' },
      { cycle: '5.5', releaseDate: '2013-06-20', eol: '2016-07-21' },
      { cycle: '5.4', releaseDate: '2012-03-01', eol: '2015-09-03' },
      { cycle: '5.3', releaseDate: '2009-06-30', eol: '2014-08-14' },
    ]),
    'apache-http-server': product('apache-http-server', 'Apache HTTP Server', [
      { cycle: '2.4', releaseDate: '2012-02-21', eol: false },
      { cycle: '2.2', releaseDate: '2005-12-01', eol: '2017-07-11' },
      { cycle: '2.0', releaseDate: '2002-04-06', eol: '2013-07-10' },
      { cycle: '1.3', releaseDate: '1998-06-06', eol: '2010-02-03' },
    ]),
    // Even minor versions are stable branches, odd ones mainline; a branch ends when the next stable one ships.
    nginx: product('nginx', 'nginx', [
      { cycle: '1.28', releaseDate: '2025-04-23', eol: false },
      { cycle: '1.27', releaseDate: '2024-05-29', eol: '2025-04-23' },
      { cycle: '1.26', releaseDate: '2024-04-23', eol: '2025-04-23' },
      { cycle: '1.25', releaseDate: '2023-05-23', eol: '2024-04-23' },
      { cycle: '1.24', releaseDate: '2023-04-11', eol: '2024-04-23' },
      { cycle: '1.23', releaseDate: '2022-06-21', eol: '2023-04-11' },
      { cycle: '1.22', releaseDate: '2022-05-24', eol: '2023-04-11' },
      { cycle: '1.21', releaseDate: '2021-05-25', eol: '2022-05-24' },
      { cycle: '1.20', releaseDate: '2021-05-25', eol: '2022-05-24' },
      { cycle: '1.19', releaseDate: '2020-05-26', eol: '2021-05-25' },
      { cycle: '1.18', releaseDate: '2020-04-21', eol: '2021-05-25' },
      { cycle: '1.16', releaseDate: '2019-04-23', eol: '2020-04-21' },
      { cycle: '1.14', releaseDate: '2018-04-17', eol: '2019-04-23' },
      { cycle: '1.12', releaseDate: '2017-04-12', eol: '2018-04-17' },
      { cycle: '1.10', releaseDate: '2016-04-26', eol: '2017-04-12' },
    ]),
    // IIS ships with Windows and is supported as long as the Windows release it came with.
    iis: product('iis', 'Microsoft IIS', [
      { cycle: '10.0', releaseDate: '2016-10-12', eol: false, note: 'Windows Server 2016 / 2019 / 2022 / 2025 (support ends with the Windows release)' },
      { cycle: '8.5', releaseDate: '2013-10-17', eol: '2023-10-10', note: 'Windows Server 2012 R2' },
      { cycle: '8.0', releaseDate: '2012-10-30', eol: '2023-10-10', note: 'Windows Server 2012' },
      { cycle: '7.5', releaseDate: '2009-10-22', eol: '2020-01-14', note: 'Windows Server 2008 R2' },
      { cycle: '7.0', releaseDate: '2008-02-27', eol: '2020-01-14', note: 'Windows Server 2008' },
      { cycle: '6.0', releaseDate: '2003-04-24', eol: '2015-07-14', note: 'Windows Server 2003' },
    ]),
    'windows-server': product('windows-server', 'Windows Server', [
      { cycle: '2025', releaseDate: '2024-11-01', eol: '2034-10-10' },
      { cycle: '2022', releaseDate: '2021-08-18', eol: '2031-10-14' },
      { cycle: '2019', releaseDate: '2018-11-13', eol: '2029-01-09' },
      { cycle: '2016', releaseDate: '2016-10-15', eol: '2027-01-12' },
      { cycle: '2012-R2', releaseDate: '2013-11-25', eol: '2023-10-10' },
      { cycle: '2012', releaseDate: '2012-10-30', eol: '2023-10-10' },
      { cycle: '2008-R2', releaseDate: '2009-10-22', eol: '2020-01-14' },
      { cycle: '2008', releaseDate: '2008-05-06', eol: '2020-01-14' },
      { cycle: '2003', releaseDate: '2003-04-24', eol: '2015-07-14' },
    ]),
    openssl: product('openssl', 'OpenSSL', [
      { cycle: '3.5', releaseDate: '2025-04-08', eol: '2030-04-08' },
      { cycle: '3.4', releaseDate: '2024-10-22', eol: '2026-10-22' },
      { cycle: '3.3', releaseDate: '2024-04-09', eol: '2026-04-09' },
      { cycle: '3.2', releaseDate: '2023-11-23', eol: '2025-11-23' },
      { cycle: '3.1', releaseDate: '2023-03-14', eol: '2025-03-14' },
      { cycle: '3.0', releaseDate: '2021-09-07', eol: '2026-09-07' },
      { cycle: '1.1.1', releaseDate: '2018-09-11', eol: '2023-09-11' },
      { cycle: '1.1.0', releaseDate: '2016-08-25', eol: '2019-09-11' },
      { cycle: '1.0.2', releaseDate: '2015-01-22', eol: '2019-12-31' },
      { cycle: '1.0.1', releaseDate: '2012-03-14', eol: '2016-12-31' },
      { cycle: '1.0.0', releaseDate: '2010-03-29', eol: '2015-12-31' },
      { cycle: '0.9.8', releaseDate: '2005-07-05', eol: '2015-12-31' },
    ]),
    tomcat: product('tomcat', 'Apache Tomcat', [
      { cycle: '11.0', releaseDate: '2024-10-03', eol: false },
      { cycle: '10.1', releaseDate: '2022-09-23', eol: false },
      { cycle: '10.0', releaseDate: '2020-12-03', eol: '2022-10-31' },
      { cycle: '9.0', releaseDate: '2018-01-11', eol: false },
      { cycle: '8.5', releaseDate: '2016-03-17', eol: '2024-03-31' },
      { cycle: '8.0', releaseDate: '2014-06-19', eol: '2018-06-30' },
      { cycle: '7.0', releaseDate: '2011-01-11', eol: '2021-03-31' },
      { cycle: '6.0', releaseDate: '2007-02-28', eol: '2016-12-31' },
      { cycle: '5.5', releaseDate: '2004-11-10', eol: '2012-09-30' },
    ]),
    nodejs: product('nodejs', 'Node.js', [
      { cycle: '24', releaseDate: '2025-05-06', eol: '2028-04-30' },
      { cycle: '23', releaseDate: '2024-10-16', eol: '2025-06-01' },
      { cycle: '22', releaseDate: '2024-04-24', eol: '2027-04-30' },
      { cycle: '21', releaseDate: '2023-10-17', eol: '2024-06-01' },
      { cycle: '20', releaseDate: '2023-04-18', eol: '2026-04-30' },
      { cycle: '19', releaseDate: '2022-10-18', eol: '2023-06-01' },
      { cycle: '18', releaseDate: '2022-04-19', eol: '2025-04-30' },
      { cycle: '16', releaseDate: '2021-04-20', eol: '2023-09-11' },
      { cycle: '14', releaseDate: '2020-04-21', eol: '2023-04-30' },
      { cycle: '12', releaseDate: '2019-04-23', eol: '2022-04-30' },
      { cycle: '10', releaseDate: '2018-04-24', eol: '2021-04-30' },
      { cycle: '8', releaseDate: '2017-05-30', eol: '2019-12-31' },
    ]),
    // jQuery patches only its latest major line.
    jquery: product('jquery', 'jQuery', [
      { cycle: '3', releaseDate: '2016-06-09', eol: false },
      { cycle: '2', releaseDate: '2013-04-18', eol: '2016-06-09' },
      { cycle: '1', releaseDate: '2006-08-26', eol: '2016-06-09' },
    ]),
    // X-AspNet-Version carries the CLR version: 4.0.30319 is every .NET Framework 4.x and
    // 2.0.50727 every 2.0 to 3.5, so only 1.x strings name a cycle.
    dotnetfx: product('dotnetfx', '.NET Framework', [
      { cycle: '4.8.1', releaseDate: '2022-08-09', eol: false },
      { cycle: '4.8', releaseDate: '2019-04-18', eol: false },
      { cycle: '4.7.2', releaseDate: '2018-04-30', eol: false },
      { cycle: '4.6.2', releaseDate: '2016-08-02', eol: '2027-01-12' },
      { cycle: '4.6.1', releaseDate: '2015-11-30', eol: '2022-04-26' },
      { cycle: '4.5.2', releaseDate: '2014-05-05', eol: '2022-04-26' },
      { cycle: '4.5.1', releaseDate: '2013-10-17', eol: '2016-01-12' },
      { cycle: '4.0', releaseDate: '2010-04-12', eol: '2016-01-12' },
      { cycle: '3.5-sp1', releaseDate: '2008-08-11', eol: '2029-01-09' },
      { cycle: '2.0', releaseDate: '2006-02-17', eol: '2011-07-12' },
      { cycle: '1.1', releaseDate: '2003-04-24', eol: '2015-10-14' },
      { cycle: '1.0', releaseDate: '2002-02-13', eol: '2009-07-14' },
    ]),
  },
};
