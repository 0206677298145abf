import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AgencyCallbacks } from '@passage/agency-gateway';
import { SIGNATURE_HEADERS } from '@passage/agency-sdk';
import { AgencyCallbackCommand } from '@passage/agency-gateway';
import { Public } from '../common/caller';
import { AgencySignatureGuard, type SignedCallbackRequest } from './agency-signature.guard';

/** Decisions of webhook agencies on requests they accepted (202). No bearer token: the agency's signature is the proof. */
@ApiTags('agency callbacks')
@Public()
@Controller('api/agency/callbacks')
export class AgencyCallbacksController {
  constructor(private readonly callbacks: AgencyCallbacks) {}

  @Post(':token')
  @HttpCode(200)
  @UseGuards(AgencySignatureGuard)
  @ApiOperation({
    summary:
      'An agency decides a step it accepted earlier; a repeat or a late contradiction changes nothing (see the receipt)',
  })
  @ApiParam({ name: 'token', description: 'from the callbackUrl of the service request' })
  @ApiHeader({
    name: SIGNATURE_HEADERS.timestamp,
    required: true,
    description: 'Unix seconds; at most five minutes off',
  })
  @ApiHeader({ name: SIGNATURE_HEADERS.nonce, required: true, description: 'unique per callback' })
  @ApiHeader({
    name: SIGNATURE_HEADERS.signature,
    required: true,
    description: 'v1=<hex HMAC-SHA256 of "<timestamp>.<nonce>.<body>" with the agency secret>',
  })
  @ApiBody({ type: AgencyCallbackCommand })
  receive(@Req() request: SignedCallbackRequest, @Body() body: unknown) {
    if (!request.agencyCallback) throw new Error('the callback route ran without its signature guard');
    return this.callbacks.deliver(request.agencyCallback, body);
  }
}
