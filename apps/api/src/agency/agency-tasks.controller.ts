import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Language } from '@passage/journey-model';
import { AgencyInbox, ClaimTaskCommand, DecideTaskCommand, InboxQuery, RequestInfoCommand } from '@passage/inbox';
import { createCommand } from '@passage/validation';
import type { Caller } from '@passage/auth';
import { CurrentCaller, type AuthenticatedRequest } from '../common/caller';
import { idempotencyKeyOf } from '../common/idempotency.interceptor';
import { LanguagePipe } from '../common/params';

@ApiTags('agency inbox')
@ApiBearerAuth()
@Controller('api/agency/tasks')
export class AgencyTasksController {
  constructor(private readonly inbox: AgencyInbox) {}

  @Get()
  @ApiOperation({ summary: "Your agency's tasks" })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'awaiting-subject', 'decided', 'cancelled'] })
  @ApiQuery({ name: 'lifeEvent', required: false })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(@CurrentCaller() caller: Caller, @Query() query: Record<string, unknown>) {
    return this.inbox.list(caller.principal, createCommand(InboxQuery, query, 'query'));
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'A task: the step, its due date, and only the data items it needs (each read is logged)' })
  detail(
    @CurrentCaller() caller: Caller,
    @Param('taskId') taskId: string,
    @Query('lang', LanguagePipe) language?: Language,
  ) {
    return this.inbox.detail(caller.principal, taskId, language);
  }

  @Post(':taskId/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign the task to yourself; a task a colleague holds only with takeOver (audited)' })
  @ApiResponse({ status: 409, description: '`task-claimed`: a colleague holds the task' })
  claim(@CurrentCaller() caller: Caller, @Param('taskId') taskId: string, @Body() body: ClaimTaskCommand) {
    return this.inbox.claim(caller.principal, taskId, body);
  }

  @Post(':taskId/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the task you hold back to the agency' })
  @ApiResponse({ status: 409, description: '`task-claimed`: a colleague holds the task' })
  release(@CurrentCaller() caller: Caller, @Param('taskId') taskId: string) {
    return this.inbox.release(caller.principal, taskId);
  }

  @Post(':taskId/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve (with the outputs) or reject (with a reason); the same decision again changes nothing',
  })
  @ApiResponse({ status: 409, description: '`conflicting-decision`: the step was already decided otherwise' })
  decide(
    @CurrentCaller() caller: Caller,
    @Param('taskId') taskId: string,
    @Body() body: DecideTaskCommand,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.inbox.decide(caller.principal, taskId, body, idempotencyKeyOf(request));
  }

  @Post(':taskId/request-info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the subject for data items; the statutory term is suspended until they answer' })
  requestInfo(
    @CurrentCaller() caller: Caller,
    @Param('taskId') taskId: string,
    @Body() body: RequestInfoCommand,
    @Req() request: AuthenticatedRequest,
  ) {
    return this.inbox.requestInfo(caller.principal, taskId, body.items, idempotencyKeyOf(request));
  }
}
