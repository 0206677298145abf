import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { PassageError } from '@passage/contracts';
import type { Language } from '@passage/journey-model';
import {
  AppealStepCommand,
  JourneyEventsFeed,
  JourneysService,
  ProvideInputsCommand,
  ResubmitStepCommand,
  StartJourneyCommand,
  WithdrawJourneyCommand,
} from '@passage/journeys';
import type { Caller } from '@passage/auth';
import { CurrentCaller, type AuthenticatedRequest } from '../common/caller';
import { idempotencyKeyOf } from '../common/idempotency.interceptor';
import { JourneyIdPipe, LanguagePipe } from '../common/params';
import { RateLimits } from '../common/rate-limits';
import { streamJourneyEvents } from './journey-events.stream';

@ApiTags('journeys')
@ApiBearerAuth()
@ApiHeader({
  name: 'Passage-Subject-Present',
  required: false,
  description: 'counter staff: the pseudonymous id of the subject in front of them',
})
@ApiHeader({ name: 'Passage-Channel', required: false, description: 'counter staff: counter or phone' })
@Controller('api/journeys')
export class JourneysController {
  constructor(
    private readonly journeys: JourneysService,
    private readonly feed: JourneyEventsFeed,
    private readonly limits: RateLimits,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Start a journey (once per Idempotency-Key)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  start(@CurrentCaller() caller: Caller, @Body() body: StartJourneyCommand, @Req() request: AuthenticatedRequest) {
    return this.journeys.start(caller, body, idempotencyKeyOf(request));
  }

  @Get()
  @ApiOperation({ summary: 'Journeys the caller may follow' })
  list(@CurrentCaller() caller: Caller, @Query('lang', LanguagePipe) language?: Language) {
    return this.journeys.list(caller, language);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The combined timeline across agencies' })
  timeline(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Query('lang', LanguagePipe) language?: Language,
  ) {
    return this.journeys.timeline(caller, id, language);
  }

  @Post(':id/inputs')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer what is asked (stored once in the vault); an answer for a step still to come is held',
  })
  @ApiResponse({
    status: 409,
    description: '`not-asked`: an item the journey does not ask, nor will (`path`: the item)',
  })
  provideInputs(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: ProvideInputsCommand,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.journeys.provideInputs(caller, id, body.items, idempotencyKeyOf(request) ?? randomUUID());
  }

  @Post(':id/resubmissions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer a refusal that allows it with new data: the step runs again as a new attempt (409 when not open)',
  })
  resubmit(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: ResubmitStepCommand,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.journeys.resubmit(caller, id, body.stepId, body.items ?? {}, idempotencyKeyOf(request) ?? randomUUID());
  }

  @Post(':id/appeals')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Appeal a refusal that allows it: the appeal goes to the body the step names (409 when not open)',
  })
  appeal(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: AppealStepCommand,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.journeys.appeal(caller, id, body.stepId, body.reason, idempotencyKeyOf(request) ?? randomUUID());
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the journey: open steps are cancelled, completed ones undone where possible' })
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Body() body: WithdrawJourneyCommand,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.journeys.withdraw(caller, id, body.reason, idempotencyKeyOf(request) ?? randomUUID());
  }

  @Get(':id/access-log')
  @ApiOperation({ summary: 'Who read which data item, when, for which step' })
  accessLog(@CurrentCaller() caller: Caller, @Param('id', JourneyIdPipe) id: string) {
    return this.journeys.accessLog(caller, id);
  }

  @Get(':id/events')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiOperation({ summary: 'Live timeline changes (server-sent events), resumable with Last-Event-ID' })
  async events(
    @CurrentCaller() caller: Caller,
    @Param('id', JourneyIdPipe) id: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    if (lastEventId !== undefined && !/^(0|[1-9][0-9]{0,8})$/.test(lastEventId)) {
      throw new PassageError('invalid-request', 'Last-Event-ID must be an event number', 'headers.last-event-id');
    }
    await this.journeys.authorisedToFollow(caller, id);
    // Each stream polls the read model: one principal holds a handful at most (429 beyond).
    const release = this.limits.openStream(caller.principal.sub);
    response.on('close', release);
    await streamJourneyEvents(
      request,
      response,
      {
        since: (after) => this.journeys.eventsSince(caller, id, after),
        subscribe: (wake) => this.feed.subscribe(id, wake),
      },
      Number(lastEventId ?? 0),
    );
  }
}
