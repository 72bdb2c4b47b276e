import { createSecureContext, type SecureContext, type SecureVersion } from 'node:tls';
import { trustedCas } from './tls-certificate';

/** What a client secure context is built from; everything else is per connection. */
export interface SecureContextSpec {
  /** Extra trusted CA (PEM) on top of the system roots; absent: the system roots. */
  caPem?: string;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
}

const contexts = new Map<string, SecureContext>();
const MAX_CONTEXTS = 256;

/**
 * Client TLS secure contexts, one per distinct spec. Building one per connection parses the CA
 * list every time (~150 roots plus ca_pem): in a CPU profile of the demo fleet it was the largest
 * single cost of probing (a TLS check makes up to five handshakes). A context holds no
 * per-connection state, and client sessions are never resumed from it (node resumes only a
 * session handed in explicitly). With `secureContext` given, tls.connect ignores ca, minVersion,
 * maxVersion and ciphers: they must be in the spec.
 */
export function secureContextFor(spec: SecureContextSpec = {}): SecureContext {
  const key = JSON.stringify([spec.caPem ?? '', spec.minVersion ?? '', spec.maxVersion ?? '', spec.ciphers ?? '']);
  let context = contexts.get(key);
  if (!context) {
    const ca = trustedCas(spec.caPem);
    context = createSecureContext({
      ...(ca ? { ca } : {}),
      ...(spec.minVersion ? { minVersion: spec.minVersion } : {}),
      ...(spec.maxVersion ? { maxVersion: spec.maxVersion } : {}),
      ...(spec.ciphers ? { ciphers: spec.ciphers } : {}),
    });
    // Bounded: catalogs with many distinct ca_pem values start over rather than grow.
    if (contexts.size >= MAX_CONTEXTS) contexts.clear();
    contexts.set(key, context);
  }
  return context;
}
