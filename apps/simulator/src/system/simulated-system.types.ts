import { Fault, FaultSource } from '../faults/fault.types';
import { LocalizedName, Tier } from '../fleet/fleet.types';

/** One simulated system as tests, the control API and the catalog writer see it (JSON-shaped). */
export interface SimulatedSystemInfo {
  code: string;
  agency: string;
  name: LocalizedName;
  tier: Tier;
  category: string | null;
  persona: string;
  public: boolean;
  depends_on: string[];
  /** `<code>.sim.kuzet.test`, answered by the simulator's DNS server and named in the certificate. */
  hostname: string;
  ports: { http: number; https: number; tcp: number };
}

export interface ActiveFaultView {
  fault: Fault;
  source: FaultSource;
  since: string;
  expires_at: string | null;
}

export interface SystemPorts {
  http: number;
  https: number;
  tcp: number;
}
