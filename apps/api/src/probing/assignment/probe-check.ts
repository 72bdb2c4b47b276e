import type { AssignedCheck } from '@kuzet/contracts';

/** A probed check as assignment sees it: the protocol's shape plus the regions it runs in. */
export interface ProbeCheck extends AssignedCheck {
  regions: string[];
}
