import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { SessionsEndedEvents } from './sessions-ended.events';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [{ provide: PasswordHasher, useFactory: () => new PasswordHasher() }, UsersService, SessionsEndedEvents],
  exports: [UsersService, PasswordHasher, SessionsEndedEvents],
})
export class UsersModule {}
