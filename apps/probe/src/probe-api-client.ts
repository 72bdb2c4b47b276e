import { Assignment, parseAssignment, RefusedCheck, ResultBatch, ResultBatchAck } from '@kuzet/contracts';
import { ApiRejectedError, ApiUnavailableError } from './probe.errors';

export interface ProbeApiClientOptions {
  apiUrl: string;
  token: string;
  /** Per push request (default 15 s). */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** The agent side of the probe protocol (libs/contracts probe-protocol) over HTTP. */
export class ProbeApiClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ProbeApiClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /**
   * Long-polls; the server holds it up to its wait. A malformed check is left out and listed in
   * `refused` (the others run); a malformed envelope throws.
   */
  async pollAssignment(
    agentId: string,
    revision: string | undefined,
    signal: AbortSignal,
    timeoutMs = 60_000,
  ): Promise<{ assignment: Assignment; refused: RefusedCheck[] }> {
    const url = new URL(`${this.options.apiUrl}/api/probe/v1/assignments`);
    url.searchParams.set('agent', agentId);
    if (revision) url.searchParams.set('revision', revision);
    const body = await this.request(url, { method: 'GET' }, AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]));
    return parseAssignment(body);
  }

  async pushResults(batch: ResultBatch, signal?: AbortSignal): Promise<ResultBatchAck> {
    const timeout = AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000);
    return (await this.request(
      new URL(`${this.options.apiUrl}/api/probe/v1/results`),
      { method: 'POST', body: JSON.stringify(batch), headers: { 'content-type': 'application/json' } },
      signal ? AbortSignal.any([signal, timeout]) : timeout,
    )) as ResultBatchAck;
  }

  private async request(url: URL, init: RequestInit, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.options.token}`, accept: 'application/json' },
        signal,
      });
    } catch (error) {
      throw new ApiUnavailableError(`cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new ApiUnavailableError(`HTTP ${response.status} from ${url.pathname}`);
    }
    if (!response.ok) throw new ApiRejectedError(response.status, text);
    return text ? JSON.parse(text) : {};
  }
}
