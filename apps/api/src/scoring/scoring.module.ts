import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { UptimeModule } from '../uptime/uptime.module';
import { EvidenceCollector } from './evidence-collector.service';
import { ScoreSnapshotsRepository } from './score-snapshots.repository';
import { ScoresController } from './scores.controller';
import { ScoresReadService } from './scores-read.service';
import { ScoringClock } from './scoring-clock';
import { ScoringEvidenceRepository } from './scoring-evidence.repository';
import { ScoringJobService } from './scoring-job.service';
import { ScoringService } from './scoring.service';

/**
 * Technology-debt scores (issue 13): the periodic scorer (evidence from the database, @kuzet/scoring,
 * finding history, daily snapshots, score.updated) and GET /api/scores/.... forRoot gets the module
 * exporting RealtimePublisher (the application's RealtimeModule.forRoot instance; without it no
 * event is sent). Needs the SQL_EXECUTOR of DatabaseModule, AgencyScope and ScheduleModule.forRoot().
 */
@Module({})
export class ScoringModule {
  static forRoot(options: { imports?: ModuleMetadata['imports'] } = {}): DynamicModule {
    return {
      module: ScoringModule,
      imports: [UptimeModule, ...(options.imports ?? [])],
      controllers: [ScoresController],
      providers: [
        ScoringClock,
        ScoringEvidenceRepository,
        ScoreSnapshotsRepository,
        EvidenceCollector,
        ScoringService,
        ScoringJobService,
        ScoresReadService,
      ],
      exports: [ScoringService, ScoresReadService],
    };
  }
}
