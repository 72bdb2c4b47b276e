import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { AgencyScope } from './agency-scope.service';
import { AuthBootService } from './auth-boot.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsPrinter } from './credentials-printer';
import { LoginRateLimiter } from './login-rate-limiter';
import { AppConfig } from '../config/app-config';
import { PostgresRateLimitStore } from './postgres-rate-limit-store';
import { RateLimitStore } from './rate-limit-store';
import { RedisRateLimitStore } from './redis-rate-limit-store';
import { SessionAuthenticator } from './session-authenticator';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';

/**
 * Sign-in, sessions, roles and agency scoping, global: SessionGuard guards every route,
 * AgencyScope is injected by the feature controllers, SessionAuthenticator by the socket gateway.
 * Requires AppConfig (ConfigModule) and a TypeORM DataSource.
 */
@Global()
@Module({
  imports: [UsersModule, AuditModule],
  controllers: [AuthController],
  providers: [
    SessionService,
    { provide: SessionAuthenticator, useExisting: SessionService },
    PostgresRateLimitStore,
    {
      // Sign-in and sign-up counters: in Redis when REDIS_URL is set, else in PostgreSQL; shared by every node either way.
      provide: RateLimitStore,
      inject: [AppConfig, PostgresRateLimitStore],
      useFactory: (config: AppConfig, postgres: PostgresRateLimitStore): RateLimitStore =>
        config.redisUrl ? new RedisRateLimitStore(config.redisUrl, config.realtime.redisKey) : postgres,
    },
    LoginRateLimiter,
    AuthService,
    AgencyScope,
    CredentialsPrinter,
    AuthBootService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  // RateLimitStore: the public sign-up limits (subscriptions) count in the same store.
  exports: [SessionService, SessionAuthenticator, AgencyScope, UsersModule, RateLimitStore],
})
export class AuthModule {}
