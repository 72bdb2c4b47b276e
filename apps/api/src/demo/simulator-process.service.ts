import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AppConfig } from '../config/app-config';
import { DemoStartError } from './demo.errors';

export interface SimulatorReady {
  controlUrl: string;
  catalogDir: string;
  systems: number;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Runs apps/simulator as a child process in demo mode. A separate process keeps the simulated
 * fleet's sockets and timers out of the API's event loop (and its metrics), as a real fleet would be.
 */
@Injectable()
export class SimulatorProcess implements OnApplicationShutdown {
  private readonly logger = new Logger(SimulatorProcess.name);
  private child: ChildProcess | undefined;

  constructor(private readonly config: AppConfig) {}

  /** dist/apps/api/src/demo -> dist/apps/simulator/src/main.js */
  static entryPoint(): string {
    return resolve(__dirname, '../../../simulator/src/main.js');
  }

  async start(): Promise<SimulatorReady> {
    const entry = SimulatorProcess.entryPoint();
    if (!existsSync(entry)) throw new DemoStartError(`simulator build not found at ${entry}; run npm run build`);
    const catalogDir = join(this.config.dataDir, 'demo-catalog');
    const args = [entry, '--catalog-out', catalogDir, '--control-port', String(this.config.simulatorControlPort), '--day-in-the-life'];
    // The IPC channel is how the simulator learns that the API has gone, even after a SIGKILL.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    this.child = child;
    return new Promise<SimulatorReady>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new DemoStartError('simulator did not report ready in time')), READY_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new DemoStartError(`simulator exited with code ${code} before it was ready`));
      });
      // The simulator logs one JSON object a line; the ready line carries the catalog location.
      createInterface({ input: child.stdout! }).on('line', (line) => {
        process.stdout.write(`${line}\n`);
        let event: { event?: string; control_url?: string; catalog_dir?: string; systems?: number };
        try {
          event = JSON.parse(line);
        } catch {
          return;
        }
        if (event.event !== 'simulator.ready') return;
        clearTimeout(timer);
        const ready = { controlUrl: event.control_url!, catalogDir: event.catalog_dir ?? catalogDir, systems: event.systems ?? 0 };
        this.logger.log({ msg: 'demo simulator ready', ...ready });
        resolveReady(ready);
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });
  }
}
