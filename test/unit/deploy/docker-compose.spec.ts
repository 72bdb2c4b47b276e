import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appConfigSchema } from '../../../apps/api/src/config/app-config.schema';
import { loadAppConfig } from '../../../apps/api/src/config/app-config';
import { loadProbeConfig, PROBE_CONFIG_VARIABLES } from '../../../apps/probe/src/probe-config';
import { composeValidator } from './compose-schema';
import { ComposeService, healthcheckPort, interpolate, publishedPort, readCompose, ROOT } from './compose-file';

// No container engine runs on the development machines, so docker-compose.yml is checked here:
// against the Compose Specification schema, and for what a container engine would only show at
// start: unknown configuration names, missing files, ports and health checks that disagree.
const { raw, compose } = readCompose();
const services = compose.services;
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const byCommand = (pattern: RegExp) =>
  Object.entries(services).filter(([, s]) => pattern.test(Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? '')));
const apiNodes = Object.entries(services).filter(([, s]) => s.image === 'kuzet:local' && s.command === undefined);
const probes = byCommand(/dist\/apps\/probe\/src\/main\.js/);
const nginx = read('deploy/nginx.conf');
const prometheus = parse(read('deploy/prometheus.yml')) as {
  rule_files: string[];
  scrape_configs: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }[];
};
/** A deployment's .env as README "Deployment" describes it (probe tokens created by `kuzet probe-token create`). */
const dotEnv = { KUZET_PROBE_TOKEN_ALMATY: 'a'.repeat(43), KUZET_PROBE_TOKEN_ASTANA: 'b'.repeat(43) };
const env = (s: ComposeService) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), dotEnv)]));
/** Bind-mount sources that may be absent: the alert rules folder arrives with the alerting work. */
const OPTIONAL_BIND_SOURCES = new Set(['./prometheus']);

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const validate = composeValidator();
    const valid = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not a formality: a misspelt key and a malformed port fail it.
    const broken = structuredClone(raw) as { services: Record<string, Record<string, unknown>> };
    broken.services.redis.helthcheck = {};
    broken.services.proxy.ports = ['80:eighty'];
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/services/redis', '/services/proxy/ports/0']));
  });

  it('pins every image to an exact version, TimescaleDB included; built images come from a build in this file', () => {
    const built = new Set(Object.values(services).filter((s) => s.build).map((s) => s.image));
    for (const [name, service] of Object.entries(services)) {
      if (built.has(service.image)) continue;
      expect(`${name}: ${service.image}`).toMatch(/:v?\d+\.\d+\.\d+\S*$/);
    }
    expect(services.timescaledb.image).toMatch(/^timescale\/timescaledb:2\.\d+\.\d+-pg\d+$/);
  });

  it('runs TimescaleDB with telemetry off', () => {
    expect(services.timescaledb.environment?.TIMESCALEDB_TELEMETRY).toBe('off');
    expect(services.timescaledb.command).toEqual(expect.arrayContaining(['-c', 'timescaledb.telemetry_level=off']));
  });

  it('has two API nodes on TimescaleDB and Redis, each waiting for both to be healthy', () => {
    expect(apiNodes.map(([n]) => n)).toHaveLength(2);
    for (const [, node] of apiNodes) {
      expect(node.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@timescaledb:5432\/kuzet$/);
      expect(node.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(node.depends_on?.timescaledb.condition).toBe('service_healthy');
      expect(node.depends_on?.redis.condition).toBe('service_healthy');
      expect(node.environment?.KUZET_SMTP_URL).toBe('smtp://mailpit:1025');
    }
    expect(new Set(apiNodes.map(([, n]) => n.volumes?.[0]?.split(':')[0])).size).toBe(2); // a data volume each
  });

  it('sets only environment variables Kuzet validates, with values its configuration accepts', () => {
    const known = new Set(Object.keys(appConfigSchema.shape));
    for (const [name, node] of apiNodes) {
      expect(`${name}: ${Object.keys(node.environment ?? {}).filter((k) => !known.has(k)).join(', ')}`).toBe(`${name}: `);
      expect(() => loadAppConfig(env(node))).not.toThrow();
    }
    expect(probes.map(([n]) => n)).toHaveLength(2);
    const probeKnown = new Set(PROBE_CONFIG_VARIABLES);
    for (const [name, probe] of probes) {
      expect(`${name}: ${Object.keys(probe.environment ?? {}).filter((k) => !probeKnown.has(k)).join(', ')}`).toBe(`${name}: `);
      expect(() => loadProbeConfig(env(probe))).not.toThrow();
    }
  });

  it('runs two probe agents in two regions, reaching the API through the proxy', () => {
    const regions = probes.map(([, p]) => p.environment?.KUZET_PROBE_REGION);
    expect(new Set(regions).size).toBe(2);
    for (const [, p] of probes) {
      const url = new URL(p.environment!.KUZET_API_URL);
      expect(services[url.hostname]).toBeDefined();
      expect(nginx).toContain(`listen ${url.port};`);
      expect(p.depends_on?.[url.hostname].condition).toBe('service_healthy');
    }
  });

  it('puts the API nodes behind nginx with sticky sessions and WebSocket upgrade for socket.io', () => {
    const upstream = /upstream kuzet_api \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(upstream).toMatch(/^\s*ip_hash;/m);
    const servers = [...upstream.matchAll(/server (\S+?):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(servers.sort()).toEqual(apiNodes.map(([n, s]) => `${n}:${s.environment?.PORT}`).sort());
    const socketIo = /location \/socket\.io\/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(socketIo).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(socketIo).toContain('proxy_pass http://kuzet_api;');
  });

  it('has Prometheus scrape every API node at its port and load the alert rules from the mounted folder', () => {
    const job = prometheus.scrape_configs.find((j) => j.job_name === 'kuzet')!;
    expect(job.metrics_path).toBe('/metrics');
    expect(job.static_configs.flatMap((c) => c.targets).sort()).toEqual(apiNodes.map(([n, s]) => `${n}:${s.environment?.PORT}`).sort());
    const rulesMount = services.prometheus.volumes?.find((v) => v.startsWith('./prometheus:'))?.split(':')[1];
    expect(rulesMount).toBe('/etc/prometheus/rules');
    expect(prometheus.rule_files).toEqual([`${rulesMount}/kuzet-alerts.yml`]);
  });

  it('has Grafana with the repository provisioning, its data sources pointing at services of this file', () => {
    const mounts = services.grafana.volumes ?? [];
    expect(mounts).toContain('./grafana/provisioning:/etc/grafana/provisioning:ro');
    const provider = parse(read('grafana/provisioning/dashboards/kuzet.yaml')) as { providers: { options: { path: string } }[] };
    expect(mounts).toContain(`./grafana/dashboards:${provider.providers[0].options.path}:ro`);
    const ds = parse(read('grafana/provisioning/datasources/kuzet.yaml')) as { datasources: { type: string; url: string }[] };
    const pg = ds.datasources.find((d) => d.type === 'grafana-postgresql-datasource')!;
    expect(pg.url).toBe('timescaledb:5432');
    const prom = new URL(ds.datasources.find((d) => d.type === 'prometheus')!.url);
    expect(services[prom.hostname]).toBeDefined();
    expect(services[prom.hostname].ports?.map((p) => publishedPort(p).container)).toContain(Number(prom.port));
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit:v\d+\.\d+\.\d+$/);
  });

  it('refers only to files, folders and build contexts that exist', () => {
    for (const [name, s] of Object.entries(services)) {
      if (s.build) {
        const context = typeof s.build === 'string' ? s.build : s.build.context;
        const dockerfile = typeof s.build === 'string' ? 'Dockerfile' : (s.build.dockerfile ?? 'Dockerfile');
        expect(`${name}: ${existsSync(join(ROOT, context, dockerfile))}`).toBe(`${name}: true`);
      }
      for (const volume of s.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/')) {
          expect(`${name}: volume ${source} declared: ${source in (compose.volumes ?? {})}`).toBe(`${name}: volume ${source} declared: true`);
          continue;
        }
        if (OPTIONAL_BIND_SOURCES.has(source) && !existsSync(join(ROOT, source))) continue;
        expect(`${name}: ${source} exists: ${existsSync(join(ROOT, source))}`).toBe(`${name}: ${source} exists: true`);
        if (/\.(conf|yml|yaml)$/.test(source)) expect(statSync(join(ROOT, source)).isFile()).toBe(true);
      }
    }
  });

  it('has consistent ports and health checks: one host port per service, checks asking the port the service listens on', () => {
    const hostPorts = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => publishedPort(p).host));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    for (const [name, s] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect(`${name} -> ${dependency}: ${services[dependency] !== undefined}`).toBe(`${name} -> ${dependency}: true`);
        if (condition === 'service_healthy') expect(`${dependency} has a healthcheck: ${!!services[dependency].healthcheck}`).toBe(`${dependency} has a healthcheck: true`);
      }
      const port = healthcheckPort(s.healthcheck?.test);
      if (port !== undefined) {
        const listening = name === 'proxy' ? [Number(/listen (\d+);/.exec(nginx)?.[1])] : (s.ports ?? []).map((p) => publishedPort(p).container);
        expect(`${name}: health check on ${port}, listens on ${listening.join(',')}`).toBe(`${name}: health check on ${port}, listens on ${port}`);
      }
    }
    // API nodes: scripts/healthcheck.js asks PORT, which the node listens on.
    for (const [name, node] of apiNodes) {
      expect(`${name}: ${JSON.stringify(node.healthcheck?.test)}`).toBe(`${name}: ["CMD","node","scripts/healthcheck.js"]`);
      expect(node.environment?.PORT).toBe('3000');
    }
    expect(read('scripts/healthcheck.js')).toContain('process.env.PORT');
    expect(services.proxy.ports?.map((p) => publishedPort(p).container)).toEqual([Number(/listen (\d+);/.exec(nginx)?.[1])]);
  });
});
