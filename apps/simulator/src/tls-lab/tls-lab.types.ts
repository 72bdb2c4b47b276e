/** One running TLS lab set-up: connect to 127.0.0.1:port with SNI `host`, trusting `caPem`. */
export interface TlsLabSetup {
  name: string;
  description: string;
  port: number;
  /** The name its certificate is issued for (except the wrong-host set-up's) and to send as SNI. */
  host: string;
  /** The CA that issued the lab's certificates (the self-signed one excepted). */
  caPem: string;
}

export interface TlsLabHandle {
  setups: TlsLabSetup[];
  /** Closes every listener and connection. Safe to call twice. */
  close(): Promise<void>;
}
