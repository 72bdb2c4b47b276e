import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  Patch,
  Post,
  Type,
  UseFilters,
  UsePipes,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { Audited } from '../../audit/audited.decorator';
import { RequestErrorResponseDto } from './catalog-admin.dto';
import { CatalogExceptionFilter } from './catalog-exception.filter';
import { CatalogValidationPipe } from './catalog-validation.pipe';

// The catalog controllers' decorator stacks, named once so every item type gets the same
// roles, audit entry, status codes and OpenAPI responses.

/** What is written; also the audit target and the middle of the action ('catalog.agency.create'). */
export type CatalogItemType = 'agency' | 'system' | 'check' | 'maintenance';

export interface CatalogWriteRouteOptions {
  /** Below the controller's path; create defaults to '', patch and disable to ':code'. */
  path?: string;
  summary: string;
  /** The answer's DTO. */
  type: Type<unknown>;
}

export interface CatalogReadRouteOptions {
  /** Below the controller's path; a single item defaults to ':code'. */
  path?: string;
  summary?: string;
  type: Type<unknown>;
  /** Query parameters are validated, so the route can answer 400. */
  validatesQuery?: boolean;
}

/** /api/<path> under the 'catalog' tag, bodies and queries checked by zod, catalog errors mapped. */
export const CatalogController = (path: string) =>
  applyDecorators(
    ApiTags('catalog'),
    Controller(path),
    UsePipes(CatalogValidationPipe),
    UseFilters(CatalogExceptionFilter),
  );

const requestError = () => ApiBadRequestResponse({ type: RequestErrorResponseDto });

type WriteVerb = 'create' | 'update' | 'disable';

/** What each kind of write answers besides its item: 400 for a bad body, 409 for a taken code, 404. */
const writeResponses: Record<WriteVerb, (type: Type<unknown>) => MethodDecorator[]> = {
  create: (type) => [ApiCreatedResponse({ type }), requestError(), ApiConflictResponse()],
  update: (type) => [ApiOkResponse({ type }), requestError(), ApiNotFoundResponse()],
  disable: (type) => [ApiOkResponse({ type }), ApiNotFoundResponse()],
};

/** Admins only, one audit entry 'catalog.<item>.<verb>' with the item as target. */
const adminWriteRoute = (
  route: MethodDecorator,
  item: CatalogItemType,
  verb: WriteVerb,
  o: CatalogWriteRouteOptions,
) =>
  applyDecorators(
    route,
    Roles('admin'),
    Audited(`catalog.${item}.${verb}`, { target: item }),
    ApiOperation({ summary: o.summary }),
    ...writeResponses[verb](o.type),
  );

/** POST: 201 with the new item. */
export const CatalogCreateRoute = (item: CatalogItemType, o: CatalogWriteRouteOptions) =>
  adminWriteRoute(Post(o.path), item, 'create', o);

/** PATCH: 200 with the changed item. */
export const CatalogPatchRoute = (item: CatalogItemType, o: CatalogWriteRouteOptions) =>
  adminWriteRoute(Patch(o.path ?? ':code'), item, 'update', o);

/** DELETE disables (rows are never deleted): 200 with the item. */
export const CatalogDisableRoute = (item: CatalogItemType, o: CatalogWriteRouteOptions) =>
  adminWriteRoute(Delete(o.path ?? ':code'), item, 'disable', o);

/** GET of every item (open to each signed-in role, scoped by agency in the handler). */
export const CatalogListRoute = (o: CatalogReadRouteOptions) =>
  applyDecorators(
    Get(o.path),
    ...(o.summary ? [ApiOperation({ summary: o.summary })] : []),
    ApiOkResponse({ type: o.type, isArray: true }),
    ...(o.validatesQuery ? [requestError()] : []),
  );

/** GET of one item, 404 when there is none. */
export const CatalogGetRoute = (o: CatalogReadRouteOptions) =>
  applyDecorators(
    Get(o.path ?? ':code'),
    ...(o.summary ? [ApiOperation({ summary: o.summary })] : []),
    ApiOkResponse({ type: o.type }),
    ApiNotFoundResponse(),
  );
