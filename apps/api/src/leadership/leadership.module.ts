import { Global, Module } from '@nestjs/common';
import { LeaderFence } from './leader-fence.service';
import { LeadershipMetrics } from './leadership-metrics';
import { LeadershipService } from './leadership.service';

/**
 * Leader election and fencing, global: the detector, sweeps, jobs and notifier ask it whether to
 * run, their transactions ask LeaderFence whether they may still write. An application without
 * this module (most tests) runs everything, as a lone leader would. Needs DatabaseModule.forRoot()
 * and MetricsModule.
 */
@Global()
@Module({
  providers: [LeadershipService, LeadershipMetrics, LeaderFence],
  exports: [LeadershipService, LeaderFence],
})
export class LeadershipModule {}
