import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AgencyScope } from './agency-scope.service';
import { AuthBootService } from './auth-boot.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsPrinter } from './credentials-printer';
import { LoginRateLimiter } from './login-rate-limiter';
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
    { provide: LoginRateLimiter, inject: [AppConfig], useFactory: (config: AppConfig) => new LoginRateLimiter(config) },
    AuthService,
    AgencyScope,
    CredentialsPrinter,
    AuthBootService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [SessionService, SessionAuthenticator, AgencyScope, UsersModule],
})
export class AuthModule {}
