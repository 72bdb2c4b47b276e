import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { DnsBehaviour } from '../dns/dns-answer';
import { EventLog } from '../events/event-log';
import { FaultState } from '../faults/fault-state';
import { ActiveFault, Fault, FaultSource, FaultType } from '../faults/fault.types';
import { sampleLatencyMs } from '../faults/latency-distribution';
import { FleetSystem, Persona, TLS_VERSIONS } from '../fleet/fleet.types';
import { RandomSource } from '../random/seeded-random';
import { CertificateAuthority } from '../tls/certificate-authority';
import { CertificateFault, certificateFor, systemHostname } from '../tls/system-certificates';
import { tlsVersionOptions } from '../tls/tls-versions';
import { TimerSet } from '../util/timer-set';
import { DoorMode, FrontDoor } from './front-door';
import { createHttpRequestHandler } from './http-request-handler';
import { planHttpResponse } from './http-response-plan';
import { serveLineProtocol } from './line-protocol';
import { ActiveFaultView, SimulatedSystemInfo, SystemPorts } from './simulated-system.types';

export interface SimulatedSystemDeps {
  system: FleetSystem;
  persona: Persona;
  ca: CertificateAuthority;
  events: EventLog;
  logger: Logger;
  random: RandomSource;
  clock?: () => number;
}

type HttpsLikeServer = https.Server | http2.Http2SecureServer;

/**
 * One simulated state system: HTTP, HTTPS and a TCP line service on loopback, shaped by its
 * persona and by the faults injected into it. Fault changes are applied one at a time (a
 * promise chain), because closing and re-opening listeners is asynchronous.
 */
export class SimulatedSystem {
  readonly code: string;
  private readonly faults = new FaultState();
  private readonly timers = new TimerSet();
  private readonly expiryTimers = new Map<FaultType, NodeJS.Timeout>();
  private flapTimer: NodeJS.Timeout | undefined;
  private readonly clock: () => number;
  private readonly log: Logger;
  private readonly httpServer: http.Server;
  private httpsServer: HttpsLikeServer;
  private tlsKey = '';
  private readonly doors: { http: FrontDoor; https: FrontDoor; tcp: FrontDoor };
  private applying: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: SimulatedSystemDeps) {
    this.code = deps.system.code;
    this.clock = deps.clock ?? Date.now;
    this.log = deps.logger.child({ system: this.code });
    this.httpServer = http.createServer({ keepAliveTimeout: 5_000 }, this.requestHandler(false));
    this.httpsServer = this.buildHttpsServer();
    this.doors = {
      http: new FrontDoor(`${this.code}/http`, (s) => this.httpServer.emit('connection', s)),
      https: new FrontDoor(`${this.code}/https`, (s) => this.httpsServer.emit('connection', s)),
      tcp: new FrontDoor(`${this.code}/tcp`, (s) => this.serveTcp(s)),
    };
  }

  async start(ports: SystemPorts): Promise<void> {
    await this.doors.http.open(ports.http);
    await this.doors.https.open(ports.https);
    await this.doors.tcp.open(ports.tcp);
  }

  info(): SimulatedSystemInfo {
    const s = this.deps.system;
    return {
      code: s.code,
      agency: s.agency,
      name: { ...s.name },
      tier: s.tier,
      category: s.category,
      persona: s.persona,
      public: s.public,
      depends_on: [...s.dependsOn],
      hostname: systemHostname(s.code),
      ports: { http: this.doors.http.port, https: this.doors.https.port, tcp: this.doors.tcp.port },
    };
  }

  activeFaults(): ActiveFaultView[] {
    return this.faults.list().map(view);
  }

  /** The occupant of the fault's group, if any (the scenario never overrides a manual fault). */
  occupiedBy(type: FaultType): ActiveFault | undefined {
    return this.faults.hasGroup(type);
  }

  /** Applies a validated fault; resolves once listeners and certificates reflect it. */
  async inject(fault: Fault, source: FaultSource): Promise<ActiveFaultView> {
    const { added, replaced } = this.faults.add(fault, source, this.clock());
    for (const r of replaced) this.cancelExpiry(r.fault.type);
    if (added.expiresAtMs !== null) {
      this.expiryTimers.set(
        fault.type,
        this.timers.after(added.expiresAtMs - this.clock(), () => void this.expire(fault.type)),
      );
    }
    await this.apply();
    for (const r of replaced) this.record('fault.replaced', r.fault, r.source);
    this.record('fault.injected', fault, source);
    this.log.info({ event: 'fault.injected', fault, source }, 'fault injected');
    return view(added);
  }

  /** Removes one fault type; false when it was not active. */
  async clear(type: FaultType, source: FaultSource): Promise<boolean> {
    const removed = this.faults.remove(type);
    if (!removed) return false;
    this.cancelExpiry(type);
    await this.apply();
    this.record('fault.cleared', removed.fault, source);
    this.log.info({ event: 'fault.cleared', fault_type: type, source }, 'fault cleared');
    return true;
  }

  async clearAll(source: FaultSource): Promise<number> {
    const removed = this.faults.clear();
    if (removed.length === 0) return 0;
    for (const r of removed) this.cancelExpiry(r.fault.type);
    await this.apply();
    for (const r of removed) this.record('fault.cleared', r.fault, source);
    this.log.info({ event: 'faults.cleared', count: removed.length, source }, 'faults cleared');
    return removed.length;
  }

  dnsBehaviour(): DnsBehaviour {
    if (this.faults.get('dns_servfail')) return 'servfail';
    if (this.faults.get('dns_nxdomain')) return 'nxdomain';
    if (this.faults.get('dns_timeout')) return 'timeout';
    return 'answer';
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clearAll();
    this.expiryTimers.clear();
    await this.applying.catch(() => undefined);
    await Promise.all(Object.values(this.doors).map((d) => d.close()));
    this.httpServer.closeAllConnections();
    if (this.httpsServer instanceof https.Server) this.httpsServer.closeAllConnections();
  }

  private async expire(type: FaultType): Promise<void> {
    const removed = this.faults.remove(type);
    this.expiryTimers.delete(type);
    if (!removed) return;
    // Called from a timer: a failure is logged by apply() and must not become an unhandled rejection.
    await this.apply().catch(() => undefined);
    this.record('fault.expired', removed.fault, removed.source);
    this.log.info({ event: 'fault.expired', fault_type: type, source: removed.source }, 'fault expired');
  }

  private cancelExpiry(type: FaultType): void {
    this.timers.cancel(this.expiryTimers.get(type));
    this.expiryTimers.delete(type);
  }

  /** Queues a re-application of the current faults to listeners, certificates and timers. */
  private apply(trigger: 'change' | 'flap' = 'change'): Promise<void> {
    const next = this.applying.then(() => this.applyNow(trigger));
    this.applying = next.catch((err: unknown) => {
      this.log.error({ event: 'fault.apply_failed', err }, 'could not apply faults');
    });
    return next;
  }

  private async applyNow(trigger: 'change' | 'flap'): Promise<void> {
    if (this.stopped) return;
    const now = this.clock();
    const availability = this.faults.availability(now);
    const mode: DoorMode =
      availability.state === 'up' || availability.mode === '5xx'
        ? 'serve'
        : availability.mode === 'timeout'
          ? 'blackhole'
          : 'closed';
    await Promise.all(Object.values(this.doors).map((d) => d.setMode(mode)));

    const tlsKey = this.currentTlsKey();
    if (tlsKey !== this.tlsKey) {
      this.httpsServer = this.buildHttpsServer();
      // Keep-alive clients would otherwise go on using the old certificate and versions.
      this.doors.https.destroyConnections();
    }

    this.timers.cancel(this.flapTimer);
    this.flapTimer = undefined;
    const nextFlap = this.faults.nextFlapChangeMs(now);
    if (nextFlap !== null)
      this.flapTimer = this.timers.after(
        nextFlap - now,
        () => void this.apply('flap').catch(() => undefined),
      );
    if (trigger === 'flap') {
      const phase = availability.state === 'up' ? 'up' : 'down';
      this.record('fault.phase', this.faults.get('flapping') ?? null, null, phase);
      this.log.info({ event: 'fault.phase', phase }, 'flapping phase');
    }
  }

  private currentTlsKey(): string {
    return JSON.stringify([this.certificateFault() ?? null, this.faults.get('tls_legacy')?.versions ?? null]);
  }

  private certificateFault(): CertificateFault | undefined {
    return (
      this.faults.get('cert_expired') ?? this.faults.get('cert_expiring') ?? this.faults.get('cert_invalid')
    );
  }

  private buildHttpsServer(): HttpsLikeServer {
    this.tlsKey = this.currentTlsKey();
    const versions = this.faults.get('tls_legacy')?.versions ?? this.deps.persona.tls;
    const cert = certificateFor(this.deps.ca, this.code, this.certificateFault(), new Date(this.clock()));
    const options = { key: cert.keyPem, cert: cert.certPem, ...tlsVersionOptions(versions) };
    const handler = this.requestHandler(true);
    // HTTP/2 needs TLS 1.2 or later (RFC 9113 §9.2); below that the persona falls back to HTTP/1.1.
    const h2Possible = versions.some((v) => TLS_VERSIONS.indexOf(v) >= TLS_VERSIONS.indexOf('TLSv1.2'));
    if (this.deps.persona.http2 && h2Possible)
      return http2.createSecureServer({ ...options, allowHTTP1: true }, handler);
    return https.createServer({ ...options, keepAliveTimeout: 5_000 }, handler);
  }

  private requestHandler(secure: boolean) {
    return createHttpRequestHandler(
      (method, path, host) =>
        planHttpResponse({
          system: this.deps.system,
          persona: this.deps.persona,
          faults: this.faults,
          secure,
          method,
          path,
          host,
          httpsPort: this.doors.https.port || undefined,
          nowMs: this.clock(),
          random: this.deps.random,
        }),
      this.timers,
    );
  }

  private serveTcp(socket: Socket): void {
    serveLineProtocol(socket, {
      code: this.code,
      banner: () => {
        const a = this.faults.availability(this.clock());
        return a.state === 'down'
          ? `KUZET-SIM ${this.code} ERROR ${a.status}`
          : `KUZET-SIM ${this.code} READY`;
      },
      delayMs: () => {
        const slow = this.faults.get('slow');
        return slow ? sampleLatencyMs(slow.latency_ms, this.deps.random) : 0;
      },
      timers: this.timers,
    });
  }

  private record(
    action: 'fault.injected' | 'fault.cleared' | 'fault.replaced' | 'fault.expired' | 'fault.phase',
    fault: Fault | null,
    source: FaultSource | null,
    phase?: 'up' | 'down',
  ): void {
    this.deps.events.append({
      action,
      system: this.code,
      fault_type: fault?.type ?? null,
      fault,
      source,
      ...(phase ? { phase } : {}),
    });
  }
}

function view(a: ActiveFault): ActiveFaultView {
  return {
    fault: a.fault,
    source: a.source,
    since: new Date(a.sinceMs).toISOString(),
    expires_at: a.expiresAtMs === null ? null : new Date(a.expiresAtMs).toISOString(),
  };
}
