import type { Server } from 'node:http';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { PassageError } from '@passage/contracts';
import { CALLBACK_ROUTE } from '@passage/agency-gateway';
import { JourneyEventsFeed } from '@passage/journeys';
import { AgenciesController } from '../agency/agencies.controller';
import { AgencyCallbacksController } from '../agency/agency-callbacks.controller';
import { AgencyTasksController } from '../agency/agency-tasks.controller';
import { callbackJsonBody } from '../agency/raw-body';
import { LifeEventAuthoringController } from '../authoring/life-event-authoring.controller';
import { CatalogueController } from '../catalogue/catalogue.controller';
import { AuthGuard } from '../common/auth.guard';
import { BodyPipe } from '../common/body.pipe';
import { temporalDeadline } from '../common/call-deadline';
import { answerUnparsableRequests } from '../common/client-error';
import { ErrorFilter } from '../common/error.filter';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { jsonBody } from '../common/json-body';
import { requestLogger } from '../common/request-logger';
import { HealthController } from '../health/health.controller';
import { ApiMetrics } from '../health/metrics';
import { JourneySatisfactionController } from '../journeys/journey-satisfaction.controller';
import { JourneyOperationsController } from '../journeys/journey-operations.controller';
import { JourneysController } from '../journeys/journeys.controller';
import { MandatesController } from '../mandates/mandates.controller';
import { OwnersController } from '../owners/owners.controller';
import { CounterPresenceController, MyPresenceController } from '../presence/presence.controller';
import { ProposalsController } from '../proactive/proposals.controller';
import { SourceEventsController } from '../proactive/source-events.controller';
import { apiServices, type ApiDependencies } from './api-services';
import { securityHeaders } from '../common/security-headers';
import { webPages } from './web-pages';

export type { ApiDependencies } from './api-services';

/** The default bound of a request's Temporal calls and of each database call. */
export const DEFAULT_CALL_TIMEOUT_MS = 5_000;

/** Headers must arrive within this, the whole request within the next (then 408, or the socket is closed). */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 20_000;

/** Requests larger than this are refused (413) before they are parsed. */
export const BODY_LIMIT = '64kb';

@Module({})
class ApiModule {
  static register(deps: ApiDependencies): DynamicModule {
    return {
      module: ApiModule,
      controllers: [
        JourneysController,
        JourneyOperationsController,
        MandatesController,
        AgencyTasksController,
        CatalogueController,
        HealthController,
        AgenciesController,
        AgencyCallbacksController,
        JourneySatisfactionController,
        OwnersController,
        LifeEventAuthoringController,
        SourceEventsController,
        ProposalsController,
        CounterPresenceController,
        MyPresenceController,
      ],
      providers: [
        ...apiServices(deps),
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useClass: BodyPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}

/** A body on a write must be JSON; anything else is refused before it is read. */
function requireJson(request: Request, _: Response, next: NextFunction): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (hasBody && !request.is(['application/json', 'application/*+json'])) {
    next(new PassageError('unsupported-media-type', 'the body must be JSON (Content-Type: application/json)'));
    return;
  }
  next();
}

/** Builds the HTTP API: validation, authentication, errors, OpenAPI at /api/docs, health and metrics. */
export async function createApiApplication(deps: ApiDependencies): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.register(deps), {
    bodyParser: false,
    logger: ['error', 'warn', 'log'],
  });
  const metrics = app.get(ApiMetrics);
  app.use(requestLogger(metrics, deps.logRequests ?? false));
  app.use(securityHeaders());
  app.use(webPages());
  app.use(requireJson);
  app.use(CALLBACK_ROUTE, callbackJsonBody(BODY_LIMIT));
  app.use(jsonBody(BODY_LIMIT));
  app.use(temporalDeadline(deps.temporal, deps.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  answerUnparsableRequests(app.getHttpServer());
  // A client that trickles its headers or sends less body than it announced holds a socket: not for long.
  const server = app.getHttpServer() as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Passage API')
      .setDescription('Life-event journeys across public services: one timeline, data given once, every read logged.')
      .setVersion('1')
      .addBearerAuth()
      .addGlobalResponse({
        status: 503,
        description:
          '`unavailable`: PostgreSQL or Temporal did not answer within the call bound (PASSAGE_API_CALL_TIMEOUT_MS, ' +
          '5 s by default). Nothing is lost: retry after `Retry-After` seconds, with the same Idempotency-Key for a write.',
        headers: { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' } } },
      })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  const feed = app.get(JourneyEventsFeed);
  await feed.start();
  const close = app.close.bind(app);
  app.close = async () => {
    await feed.stop();
    await close();
  };
  return app;
}
