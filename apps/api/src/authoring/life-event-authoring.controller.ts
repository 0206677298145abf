import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { LifeEventAuthoring, SimulateLifeEventCommand } from '@passage/versioning';
import type { Caller } from '@passage/auth';
import { CurrentCaller } from '../common/caller';
import { PositiveIntPipe, VersionPipe } from '../common/params';
import { RolesOrNotFound } from '../common/roles.guard';

/** What a process owner sees before moving to a new version: its differences and its simulated behaviour. */
@ApiTags('authoring')
@ApiBearerAuth()
@UseGuards(RolesOrNotFound('owner', 'admin'))
@Controller('api/life-events/:id')
export class LifeEventAuthoringController {
  constructor(private readonly authoring: LifeEventAuthoring) {}

  @Get('diff')
  @ApiOperation({ summary: 'What changes for citizens and agencies between two published versions (JSON and text)' })
  @ApiQuery({ name: 'from', type: Number })
  @ApiQuery({ name: 'to', type: Number })
  diff(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query('from', new PositiveIntPipe('query.from')) from: number,
    @Query('to', new PositiveIntPipe('query.to')) to: number,
  ) {
    return this.authoring.diff(caller, id, from, to);
  }

  @Post('versions/:version/simulate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Monte Carlo simulation of a published version: lead time, chance to meet the target, cost per agency, load',
  })
  simulate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('version', VersionPipe) version: number,
    @Body() body: SimulateLifeEventCommand,
  ) {
    return this.authoring.simulate(caller, id, version, body);
  }
}
