// The ordered list of migrations. Each is a hand-written TypeORM migration (never synchronize).
// Add new migrations at the end, one import each.
import { CatalogSchema1732600000000 } from './1732600000000-catalog-schema';
import { timeseriesMigrations } from './timeseries-migrations';
import { Probing1795720000500 } from './1795720000500-probing';
import { Incidents1795720000600 } from './1795720000600-incidents';
import { Auth1795720000700 } from './1795720000700-auth';
import { DetectionTruth1795720000800 } from './1795720000800-detection-truth';
import { LoginRateLimits1795720000910 } from './1795720000910-login-rate-limits';
import { NotificationsOutbox1795720001000 } from './1795720001000-notifications-outbox';
import { TelegramAck1795720001100 } from './1795720001100-telegram-ack';
import { Subscriptions1795720001200 } from './1795720001200-subscriptions';
import { Scoring1795720001300 } from './1795720001300-scoring';
import { Leadership1795720001400 } from './1795720001400-leadership';
import { ProbeAgents1795720001410 } from './1795720001410-probe-agents';
import { SystemShortNames1795720001500 } from './1795720001500-system-short-names';
export const allMigrations: Function[] = [CatalogSchema1732600000000, ...timeseriesMigrations, Probing1795720000500, Incidents1795720000600, Auth1795720000700, DetectionTruth1795720000800, LoginRateLimits1795720000910, NotificationsOutbox1795720001000, TelegramAck1795720001100, Subscriptions1795720001200, Scoring1795720001300, Leadership1795720001400, ProbeAgents1795720001410, SystemShortNames1795720001500];
