import { UPTIME_TIMEZONE } from '../uptime/uptime-summary';

/** One row of the availability data set: a public system's Almaty day. */
export interface AvailabilityRow {
  date: string;
  system: string;
  agency: string;
  uptime: number | null;
  major_s: number;
  partial_s: number;
  degraded_s: number;
}

export const OPEN_DATA_LICENCE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  path: 'https://creativecommons.org/licenses/by/4.0/',
};

export const SCHEMA_PATH = '/api/public/v1/open-data/schema.json';

/** The Table Schema (Frictionless Data) of availability.csv and of availability.json's data. */
export const AVAILABILITY_SCHEMA = {
  $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
  name: 'availability',
  title: 'Daily availability of public state services',
  description: `One row per public system and calendar day in ${UPTIME_TIMEZONE}, from the confirmed status history.`,
  licenses: [OPEN_DATA_LICENCE],
  fields: [
    { name: 'date', type: 'date', format: 'default', description: `The day (YYYY-MM-DD, ${UPTIME_TIMEZONE}).`, constraints: { required: true } },
    { name: 'system', type: 'string', description: 'The system code of the catalog.', constraints: { required: true } },
    { name: 'agency', type: 'string', description: 'The agency code of the catalog.', constraints: { required: true } },
    {
      name: 'uptime',
      type: 'number',
      description:
        'Share of the monitored time the system was available, 0..1: a major outage counts fully, a partial outage at 0.3, ' +
        'degraded performance not at all; maintenance and unmonitored time are excluded. Empty: not monitored that day.',
      constraints: { minimum: 0, maximum: 1 },
    },
    { name: 'major_s', type: 'integer', description: 'Seconds of major outage.', constraints: { required: true, minimum: 0 } },
    { name: 'partial_s', type: 'integer', description: 'Seconds of partial outage.', constraints: { required: true, minimum: 0 } },
    { name: 'degraded_s', type: 'integer', description: 'Seconds of degraded performance.', constraints: { required: true, minimum: 0 } },
  ],
  primaryKey: ['date', 'system'],
  missingValues: [''],
} as const;

const COLUMNS = AVAILABILITY_SCHEMA.fields.map((f) => f.name);

/**
 * RFC 4180 CSV with a header row. The fields are catalog codes (CATALOG_CODE_PATTERN: lowercase
 * letters, digits, dashes, enforced by the database), dates and numbers: none ever needs quoting.
 */
export function availabilityCsv(rows: readonly AvailabilityRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows)
    lines.push([r.date, r.system, r.agency, r.uptime === null ? '' : String(r.uptime), r.major_s, r.partial_s, r.degraded_s].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
