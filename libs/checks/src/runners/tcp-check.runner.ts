import { connect, Socket } from 'node:net';
import type { CheckRunResult, CheckSpec } from '../check-run-result';
import { CheckFailure } from './check-failure';
import type { CheckRunner } from './check-runner';
import { parseHostPort, resolveGuarded, toNetworkGuard } from './network-guard';
import { runWithDeadline } from './run-deadline';
import { RunTrace } from './run-trace';

/** Bytes kept from what the server says; a banner is short, and results stay small. */
const MAX_RECEIVED_BYTES = 64 * 1024;

/**
 * tcp: connect to host:port; optionally send a payload and wait until the reply contains every
 * `expect` text. Without `expect` the check is done once connected (no banner wait: many
 * services speak only after the client does).
 */
export class TcpCheckRunner implements CheckRunner {
  async check(spec: CheckSpec, signal?: AbortSignal): Promise<CheckRunResult> {
    const trace = new RunTrace();
    const settled = await runWithDeadline(spec.timeoutMs, signal, (abort) => this.run(spec, trace, abort));
    trace.timings.totalMs ??= trace.elapsed();
    return trace.finish(spec, settled);
  }

  private async run(spec: CheckSpec, trace: RunTrace, abort: AbortSignal): Promise<void> {
    const { host, port } = parseHostPort(spec.target);
    const resolved = await resolveGuarded(host, toNetworkGuard(spec.networkGuard));
    trace.timings.dnsMs = resolved.dnsMs;
    trace.ip = resolved.address;
    if (abort.aborted) return;

    const send = spec.options.send;
    const expectRaw = spec.options.expect;
    const expected = expectRaw === undefined ? [] : Array.isArray(expectRaw) ? expectRaw : [expectRaw];

    await new Promise<void>((resolve, reject) => {
      const connectStarted = performance.now();
      const socket: Socket = connect({ host: resolved.address, port, family: resolved.family });
      let received = '';
      const cleanup = () => {
        abort.removeEventListener('abort', onAbort);
        socket.destroy();
      };
      const onAbort = () => {
        cleanup();
        reject(abort.reason);
      };
      abort.addEventListener('abort', onAbort, { once: true });
      const succeed = () => {
        trace.timings.totalMs = trace.elapsed();
        cleanup();
        resolve();
      };
      const judge = () => {
        if (expected.every((text) => received.includes(text))) succeed();
      };
      socket.once('connect', () => {
        trace.connected = true;
        trace.timings.connectMs = performance.now() - connectStarted;
        if (send !== undefined) socket.write(send);
        if (expected.length === 0) succeed();
      });
      socket.on('data', (chunk: Buffer) => {
        if (received.length < MAX_RECEIVED_BYTES) received += chunk.toString('utf8');
        trace.tcp = { received: received.slice(0, 512) };
        trace.context.body = received;
        judge();
      });
      socket.once('end', () => {
        cleanup();
        const missing = expected.filter((text) => !received.includes(text));
        if (missing.length === 0) return resolve();
        trace.failure = new CheckFailure(
          'assertion',
          `expected ${missing.map((t) => JSON.stringify(t)).join(', ')}, got ${JSON.stringify(received.slice(0, 200))}`,
        );
        resolve();
      });
      socket.once('error', (error) => {
        cleanup();
        reject(error);
      });
    });
  }
}
