import { Body, Controller, Get, Param, Patch, Post, Req, UseFilters, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../audit/audit-entry';
import { Roles } from '../auth/auth.decorators';
import { AuthValidationPipe } from '../auth/auth-validation.pipe';
import { AuthenticatedRequest, clientAddress } from '../auth/authenticated-request';
import type { UserView } from './user-view';
import { UserCreateDto, UserIdDto, UserPatchDto, UserViewDto } from './users.dto';
import { UsersExceptionFilter } from './users-exception.filter';
import { UsersService } from './users.service';

function actorOf(request: AuthenticatedRequest): Actor {
  return { id: request.user?.id ?? null, email: request.user?.email ?? null, address: clientAddress(request) };
}

/** Users, for admins. Each write is audited by UsersService in the same transaction. */
@ApiTags('users')
@Controller('users')
@Roles('admin')
@UsePipes(AuthValidationPipe)
@UseFilters(UsersExceptionFilter)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user (never a password hash)' })
  @ApiOkResponse({ type: UserViewDto, isArray: true })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add a user; agency is required for (and only for) an agency_operator' })
  @ApiCreatedResponse({ type: UserViewDto })
  @ApiBadRequestResponse()
  @ApiConflictResponse({ description: 'the e-mail is taken' })
  create(@Body() body: UserCreateDto, @Req() request: AuthenticatedRequest): Promise<UserView> {
    return this.users.create(body, actorOf(request));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change name, role, agency, disabled, or reset the password; role, agency, password or disabling ends its sessions',
  })
  @ApiOkResponse({ type: UserViewDto })
  @ApiBadRequestResponse()
  @ApiNotFoundResponse()
  patch(@Param() params: UserIdDto, @Body() body: UserPatchDto, @Req() request: AuthenticatedRequest): Promise<UserView> {
    return this.users.update(Number(params.id), body, actorOf(request));
  }
}
