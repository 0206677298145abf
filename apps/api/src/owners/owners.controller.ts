import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PassageError } from '@passage/contracts';
import { addCalendarDays, brusselsDate, calendarDaysBetween, type IsoDate } from '@passage/journey-model';
import type { Caller } from '@passage/auth';
import { OwnerReports, renderReportHtml } from '@passage/owner-reporting';
import { CurrentCaller } from '../common/caller';
import { IsoDatePipe, requireOwnerAccess, YearPipe } from './owner-params';

/** The default KPI period: the last twelve weeks; a longer one than three years is refused (it bounds the work). */
const DEFAULT_PERIOD_DAYS = 83;
const MAX_PERIOD_DAYS = 3 * 366;

/** The HTML report is self-contained: no script, no external asset may load, and no page may frame it. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** What a process owner watches: KPIs, budget and the yearly report, for that owner's staff and admins only. */
@ApiTags('owners')
@ApiBearerAuth()
@Controller('api/owners/:owner')
export class OwnersController {
  constructor(private readonly reports: OwnerReports) {}

  @Get('life-events/:id/kpis')
  @ApiOperation({ summary: 'KPIs of a life event with targets and weekly trend (default: the last twelve weeks)' })
  @ApiQuery({ name: 'from', required: false, description: 'first day, YYYY-MM-DD' })
  @ApiQuery({ name: 'to', required: false, description: 'last day, YYYY-MM-DD (default: today)' })
  kpis(
    @CurrentCaller() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') lifeEvent: string,
    @Query('from', new IsoDatePipe('query.from')) from?: IsoDate,
    @Query('to', new IsoDatePipe('query.to')) to?: IsoDate,
  ) {
    requireOwnerAccess(caller, owner);
    const last = to ?? brusselsDate(new Date().toISOString());
    const first = from ?? addCalendarDays(last, -DEFAULT_PERIOD_DAYS);
    if (calendarDaysBetween(first, last) < 0)
      throw new PassageError('invalid-request', 'from must not be after to', 'query.from');
    if (calendarDaysBetween(first, last) > MAX_PERIOD_DAYS)
      throw new PassageError('invalid-request', 'the period may span at most three years', 'query.from');
    return this.reports.kpis(owner, lifeEvent, first, last);
  }

  @Get('life-events/:id/budget')
  @ApiOperation({ summary: 'Budget of a life event: spent, committed, forecast and the split per agency' })
  @ApiQuery({ name: 'year', required: false, description: 'budget year (default: the current year)' })
  budget(
    @CurrentCaller() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') lifeEvent: string,
    @Query('year', new YearPipe('query.year')) year?: number,
  ) {
    requireOwnerAccess(caller, owner);
    return this.reports.budget(owner, lifeEvent, year ?? Number(brusselsDate(new Date().toISOString()).slice(0, 4)));
  }

  @Get('reports/:year')
  @Header('Vary', 'Accept')
  @ApiOperation({
    summary:
      'The yearly report for the Public Service Day (23 June): JSON, or HTML with Accept: text/html or ?format=html',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'] })
  @ApiProduces('application/json', 'text/html')
  async report(
    @CurrentCaller() caller: Caller,
    @Param('owner') owner: string,
    @Param('year', new YearPipe('year')) year: number,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query('format') format?: string,
  ) {
    if (format !== undefined && format !== 'json' && format !== 'html')
      throw new PassageError('invalid-request', 'format must be json or html', 'query.format');
    requireOwnerAccess(caller, owner);
    const report = await this.reports.yearly(owner, year);
    // JSON unless HTML is asked for: explicitly, or by an Accept header that prefers it (a browser's).
    const html =
      format === 'html' || (format === undefined && request.accepts(['application/json', 'text/html']) === 'text/html');
    if (!html) return report;
    response.type('text/html; charset=utf-8').setHeader('Content-Security-Policy', REPORT_CSP);
    return renderReportHtml(report);
  }
}
