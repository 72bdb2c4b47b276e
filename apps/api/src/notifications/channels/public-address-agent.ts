import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { ProbeNetworkPolicy } from '@kuzet/contracts';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';

export class NonPublicAddressError extends Error {
  readonly code = 'ENONPUBLIC';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup that refuses a name when ANY of its addresses is not public (loopback, private,
 * link-local, cloud metadata, ...; `allow` CIDRs excepted, metadata never), and connects to the
 * address it judged: the check is at connect time, so a name that answers public at sign-up and
 * private later (DNS rebinding) is refused then.
 */
export function publicOnlyLookup(allow: readonly string[] = []) {
  const policy = ProbeNetworkPolicy.fromCidrs(allow);
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      // The verdict's words name the address: they stay out of the error (it reaches the delivery log).
      if (addresses.some((a) => !policy.checkAddress(a.address).allowed))
        return callback(new NonPublicAddressError('the host resolves to a non-public address'), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * An HTTP agent that reaches public addresses only (webhooks of anonymous subscribers). A host
 * that is an IP literal is never looked up, so the agent's connect judges it itself.
 */
export function publicOnlyAgent(allow: readonly string[] = []): Agent {
  const policy = ProbeNetworkPolicy.fromCidrs(allow);
  const lookup = publicOnlyLookup(allow);
  const connect = buildConnector({ lookup });
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !policy.checkAddress(host).allowed)
        return callback(new NonPublicAddressError('the host is a non-public address'), null);
      return connect(options, callback);
    },
  });
}
