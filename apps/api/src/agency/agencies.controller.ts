import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgencyRegistryAdmin, PutAgencyCommand } from '@passage/registry';
import type { Caller } from '@passage/auth';
import { CurrentCaller } from '../common/caller';

/** The agency registry: read by anyone signed in, kept by admins. */
@ApiTags('agency registry')
@ApiBearerAuth()
@Controller('api/agencies')
export class AgenciesController {
  constructor(private readonly registry: AgencyRegistryAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Agencies with their services (admins also see delivery and rate limit)' })
  list(@CurrentCaller() caller: Caller) {
    return this.registry.list(caller.principal);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One agency' })
  get(@CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.registry.get(caller.principal, id);
  }

  /** The body is validated after the admin check, so that for anyone else the route answers 404 whatever they send. */
  @Put(':id')
  @ApiOperation({
    summary:
      'Admins: create or replace an agency (201 created, 200 replaced); a service a published version uses cannot be removed (409)',
  })
  @ApiBody({ type: PutAgencyCommand })
  async put(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { created, agency } = await this.registry.put(caller.principal, id, body);
    response.status(created ? 201 : 200);
    return agency;
  }
}
