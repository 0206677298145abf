import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isLifeEventId, notFound } from '@passage/contracts';
import { toCpsvAp } from '@passage/cpsv';
import { toMermaid, type Language } from '@passage/journey-model';
import { AgencyRegistry, LifeEventRegistry } from '@passage/registry';
import { findLifeEvent } from '@passage/life-events';
import { Public } from '../common/caller';
import { LanguagePipe, VersionPipe } from '../common/params';

/** The published catalogue: open to anyone, like the services it describes. */
@ApiTags('catalogue')
@Public()
@Controller('api/life-events')
export class CatalogueController {
  constructor(
    private readonly registry: LifeEventRegistry,
    private readonly agencies: AgencyRegistry,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Published life events' })
  async list(@Query('lang', LanguagePipe) language: Language = 'nl') {
    return (await this.registry.list()).map((entry) => ({
      id: entry.id,
      kind: entry.definition.kind,
      title: entry.definition.title[language],
      summary: entry.definition.summary[language],
      owner: entry.owner,
      latestVersion: entry.latestVersion,
      versions: entry.versions,
    }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A life event and its published versions' })
  async lifeEvent(@Param('id') id: string, @Query('lang', LanguagePipe) language: Language = 'nl') {
    const entry = isLifeEventId(id) ? (await this.registry.list()).find((e) => e.id === id) : undefined;
    if (!entry) throw notFound('life event');
    return {
      id: entry.id,
      title: entry.definition.title[language],
      summary: entry.definition.summary[language],
      owner: entry.owner,
      latestVersion: entry.latestVersion,
      versions: entry.versions,
    };
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'A published version: its definition and Mermaid diagram' })
  async version(
    @Param('id') id: string,
    @Param('version', VersionPipe) version: number,
    @Query('lang', LanguagePipe) language: Language = 'nl',
  ) {
    const snapshot = isLifeEventId(id) ? await this.registry.find(id, version) : undefined;
    if (!snapshot) throw notFound('life-event version');
    return {
      id: snapshot.id,
      version: snapshot.version,
      hash: snapshot.hash,
      definition: snapshot.definition,
      diagram: toMermaid(snapshot.definition, language),
    };
  }

  @Get(':id/versions/:version/cpsv')
  @ApiProduces('application/ld+json')
  @ApiOperation({ summary: 'A published version and its services as CPSV-AP 3.2.0 JSON-LD' })
  async cpsv(
    @Param('id') id: string,
    @Param('version', VersionPipe) version: number,
    @Res({ passthrough: true }) response: Response,
  ) {
    const snapshot = isLifeEventId(id) ? await this.registry.find(id, version) : undefined;
    // The owner module (minister, lead agency) lives in code, not in the published snapshot.
    const owner = snapshot && findLifeEvent(snapshot.id)?.owner;
    if (!snapshot || !owner) throw notFound('life-event version');
    const document = toCpsvAp(snapshot.definition, { agencies: await this.agencies.descriptors(), owner });
    // Set only on success: an error stays the API's plain JSON error.
    response.type('application/ld+json');
    return document;
  }
}
