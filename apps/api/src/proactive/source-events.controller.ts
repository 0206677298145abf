import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProactiveEvents, SourceEventCommand } from '@passage/proactive';
import type { Caller } from '@passage/auth';
import { CurrentCaller } from '../common/caller';
import { RolesOrNotFound } from '../common/roles.guard';

/** Authentic sources (role `system`) and admins report events that start or propose journeys. */
@ApiTags('proactive')
@ApiBearerAuth()
@UseGuards(RolesOrNotFound('admin', 'system'))
@Controller('api/events')
export class SourceEventsController {
  constructor(private readonly events: ProactiveEvents) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Report an event (birth-registered, death-registered…): starts (opt-out) or proposes (opt-in) the journeys it triggers, once',
  })
  receive(@CurrentCaller() caller: Caller, @Body() body: SourceEventCommand) {
    return this.events.receive(caller, body);
  }
}
