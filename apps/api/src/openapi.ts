import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { CSRF_HEADER, SESSION_COOKIE } from '@kuzet/contracts';
import { OPENAPI_PUBLIC_EXTENSION } from './auth/auth.decorators';
import { KUZET_VERSION } from './version';

/** OpenAPI document of every REST route, served at /api/docs (UI) and /api/docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Kuzet API')
    .setDescription('Reliability and outage monitoring of state digital systems')
    .setVersion(KUZET_VERSION)
    .addCookieAuth(SESSION_COOKIE, {
      type: 'apiKey',
      in: 'cookie',
      description: `Set by POST /api/auth/login. Writes also need the header ${CSRF_HEADER} (csrf_token of the login answer).`,
    }, 'session')
    .addSecurityRequirements('session')
    .build();
  const document = markPublicOperations(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

type OpenApiDocument = ReturnType<typeof SwaggerModule.createDocument>;

/** Operations marked @Public() need no session: an empty security list overrides the global one. */
function markPublicOperations(document: OpenApiDocument): OpenApiDocument {
  for (const item of Object.values(document.paths))
    for (const op of Object.values(item as Record<string, Record<string, unknown>>)) {
      if (typeof op !== 'object' || op === null || !(OPENAPI_PUBLIC_EXTENSION in op)) continue;
      delete op[OPENAPI_PUBLIC_EXTENSION];
      op.security = [];
    }
  return document;
}
