import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appConfigSchema } from '../../apps/api/src/config/app-config.schema';

// No container engine runs on the development machines, so docker-compose.yml is checked here:
// pinned images, Kuzet pointed at TimescaleDB, and only configuration names Kuzet knows.
const root = join(__dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: unknown }>;
};

describe('docker-compose.yml', () => {
  it('pins every image to an exact version, TimescaleDB included', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build) continue;
      expect(`${name}: ${service.image}`).toMatch(/:\S*\d+\.\d+\.\d+\S*$/);
      expect(service.image).not.toMatch(/:latest$/);
    }
    expect(compose.services.timescaledb.image).toMatch(/^timescale\/timescaledb:2\.\d+\.\d+-pg\d+$/);
  });

  it('points Kuzet at the TimescaleDB service and waits for it to be healthy', () => {
    const kuzet = compose.services.kuzet;
    expect(kuzet.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@timescaledb:5432\/kuzet$/);
    expect(kuzet.depends_on?.timescaledb.condition).toBe('service_healthy');
    expect(compose.services.timescaledb.healthcheck).toBeDefined();
  });

  it('sets only environment variables that Kuzet validates', () => {
    const known = new Set(Object.keys(appConfigSchema.shape));
    const unknown = Object.keys(compose.services.kuzet.environment ?? {}).filter((k) => !known.has(k));
    expect(unknown).toEqual([]);
  });

  it('mounts the Grafana provisioning that exists in the repository', () => {
    const grafanaDashboard = JSON.parse(readFileSync(join(root, 'grafana/dashboards/kuzet-fleet.json'), 'utf8')) as { panels: unknown[] };
    expect(grafanaDashboard.panels.length).toBeGreaterThan(0);
    const datasource = parse(readFileSync(join(root, 'grafana/provisioning/datasources/kuzet.yaml'), 'utf8')) as { datasources: { url: string }[] };
    expect(datasource.datasources[0].url).toBe('timescaledb:5432');
  });
});
