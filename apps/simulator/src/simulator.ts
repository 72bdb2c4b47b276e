import type { Logger } from 'pino';
import { buildCatalog } from './catalog/catalog-builder';
import { writeCatalog } from './catalog/catalog-writer';
import { UnknownSystemError } from './control/control-errors';
import { ControlTarget, SystemView } from './control/control-router';
import { ControlServer } from './control/control-server';
import { DnsServer } from './dns/dns-server';
import { EventLog } from './events/event-log';
import { SimulatorEvent } from './events/simulator-event.types';
import { FaultSource, FaultType } from './faults/fault.types';
import { validateFault } from './faults/fault-validator';
import { loadFleet, locateFleetFile } from './fleet/fleet-locator';
import { selectSystems } from './fleet/fleet-subset';
import { Fleet } from './fleet/fleet.types';
import { createSimulatorLogger } from './logging/simulator-logger';
import { deriveRandom } from './random/seeded-random';
import { DayInTheLifeRunner } from './scenario/day-in-the-life-runner';
import { SimulatorHandle, SimulatorOptions } from './simulator.types';
import { SimulatedSystem } from './system/simulated-system';
import { ActiveFaultView, SystemPorts } from './system/simulated-system.types';
import { CertificateAuthority } from './tls/certificate-authority';

const DEFAULT_SEED = 'kuzet';

/** Starts the whole simulated fleet; resolves when every listener is up and the catalog is written. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  checkOptions(options);
  const logger = options.logger ?? createSimulatorLogger();
  const location = locateFleetFile(options.fleetFile);
  const fleet = selectSystems(loadFleet(location), options.systems);
  const simulator = new Simulator(fleet, options, logger);
  try {
    await simulator.start();
  } catch (err) {
    await simulator.stop();
    throw err;
  }
  const handle: SimulatorHandle = {
    controlUrl: simulator.controlUrl,
    dnsPort: simulator.dns.port,
    systems: simulator.systems.map((s) => s.info()),
    caPem: simulator.ca.certPem,
    catalogDir: options.catalogDir ?? null,
    fleetFile: location.file,
    injectFault: (code, fault) => simulator.injectFault(code, fault, 'program'),
    clearFaults: (code) => simulator.clearFaults(code, 'program'),
    clearFault: (code, type) => simulator.clearFault(code, type, 'program'),
    activeFaults: (code) => simulator.system(code).activeFaults(),
    events: (sinceSeq = 0) => simulator.events.list(sinceSeq),
    startDayInTheLife: () => simulator.scenario.start(),
    stopDayInTheLife: () => simulator.scenario.stop(),
    stop: () => simulator.stop(),
  };
  logger.info(
    {
      event: 'simulator.started',
      control_url: handle.controlUrl,
      dns_port: handle.dnsPort,
      systems: handle.systems.length,
      fleet_file: location.file,
      fleet_origin: location.origin,
      catalog_dir: handle.catalogDir,
    },
    'simulator started',
  );
  return handle;
}

/** The running fleet: systems, DNS, control API and scenario, started and stopped together. */
class Simulator {
  readonly events = new EventLog();
  readonly ca = CertificateAuthority.create();
  readonly systems: SimulatedSystem[];
  readonly dns: DnsServer;
  readonly scenario: DayInTheLifeRunner;
  controlUrl = '';
  private readonly byCode: Map<string, SimulatedSystem>;
  private readonly control: ControlServer;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly fleet: Fleet,
    private readonly options: SimulatorOptions,
    private readonly logger: Logger,
  ) {
    const seed = options.seed ?? DEFAULT_SEED;
    this.systems = fleet.systems.map(
      (system) =>
        new SimulatedSystem({
          system,
          persona: fleet.personas[system.persona],
          ca: this.ca,
          events: this.events,
          logger,
          random: deriveRandom(seed, `system/${system.code}`),
        }),
    );
    this.byCode = new Map(this.systems.map((s) => [s.code, s]));
    this.dns = new DnsServer((code) => this.byCode.get(code)?.dnsBehaviour() ?? null, logger);
    this.scenario = new DayInTheLifeRunner({
      fleet,
      seed,
      speed: options.dayInTheLifeSpeed ?? 1,
      events: this.events,
      logger,
      target: {
        inject: async (code, fault) => void (await this.injectFault(code, fault, 'scenario')),
        clear: async (code, type) => void (await this.clearFault(code, type, 'scenario')),
        occupant: (code, type) => this.byCode.get(code)?.occupiedBy(type)?.source,
      },
    });
    this.control = new ControlServer(this.controlTarget(), logger);
  }

  async start(): Promise<void> {
    const base = this.options.basePort;
    await this.dns.start(base ?? 0);
    const portsOf = (i: number): SystemPorts =>
      base === undefined
        ? { http: 0, https: 0, tcp: 0 }
        : { http: base + 1 + 3 * i, https: base + 2 + 3 * i, tcp: base + 3 + 3 * i };
    await Promise.all(this.systems.map((s, i) => s.start(portsOf(i))));
    this.controlUrl = await this.control.listen(this.options.controlPort ?? 0);
    if (this.options.catalogDir) {
      const files = buildCatalog({
        fleet: this.fleet,
        systems: this.systems.map((s) => s.info()),
        dnsPort: this.dns.port,
        intervalS: this.options.intervalS,
      });
      const written = await writeCatalog(this.options.catalogDir, files, this.ca.certPem);
      this.logger.info(
        { event: 'catalog.written', catalog_dir: this.options.catalogDir, files: written.length },
        'catalog written',
      );
    }
    if (this.options.dayInTheLife) this.scenario.start();
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.scenario.stop();
      await this.control.close();
      await Promise.all(this.systems.map((s) => s.stop()));
      await this.dns.stop();
      this.logger.info({ event: 'simulator.stopped' }, 'simulator stopped');
    })();
    return this.stopping;
  }

  system(code: string): SimulatedSystem {
    const system = this.byCode.get(code);
    if (!system) throw new UnknownSystemError(code);
    return system;
  }

  injectFault(code: string, body: unknown, source: FaultSource): Promise<ActiveFaultView> {
    const system = this.system(code);
    return system.inject(validateFault(body), source);
  }

  async clearFaults(code: string | undefined, source: FaultSource): Promise<number> {
    const targets = code === undefined ? this.systems : [this.system(code)];
    const counts = await Promise.all(targets.map((s) => s.clearAll(source)));
    return counts.reduce((a, b) => a + b, 0);
  }

  clearFault(code: string, type: FaultType, source: FaultSource): Promise<boolean> {
    return this.system(code).clear(type, source);
  }

  private view(system: SimulatedSystem): SystemView {
    return { ...system.info(), faults: system.activeFaults() };
  }

  private controlTarget(): ControlTarget {
    return {
      listSystems: () => this.systems.map((s) => this.view(s)),
      getSystem: (code) => {
        const s = this.byCode.get(code);
        return s ? this.view(s) : undefined;
      },
      injectFault: (code, body) => this.injectFault(code, body, 'api'),
      clearFaults: (code) => this.clearFaults(code, 'api'),
      clearFault: (code, type) => this.clearFault(code, type, 'api'),
      events: (since, system): SimulatorEvent[] => this.events.list(since, system),
      setScenario: async (action) => {
        if (action === 'start') this.scenario.start();
        else await this.scenario.stop();
        return { running: this.scenario.running };
      },
      scenarioRunning: () => this.scenario.running,
    };
  }
}

function checkOptions(o: SimulatorOptions): void {
  const port = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > 65535))
      throw new RangeError(`${name} must be an integer port ${min}..65535, got ${v}`);
  };
  port('controlPort', o.controlPort, 0);
  port('basePort', o.basePort, 1);
  if (o.intervalS !== undefined && !(o.intervalS > 0))
    throw new RangeError(`intervalS must be positive, got ${o.intervalS}`);
  if (o.dayInTheLifeSpeed !== undefined && !(o.dayInTheLifeSpeed > 0))
    throw new RangeError(`dayInTheLifeSpeed must be positive, got ${o.dayInTheLifeSpeed}`);
}
