import type { DataSource, EntityManager } from 'typeorm';
import { notFound, PassageError } from '@passage/contracts';
import type { Principal } from '@passage/auth';
import type { PassageEnvironment } from '@passage/config';
import type { AgencyLevel, AgencyService, Texts } from '@passage/journey-model';
import { AgencyEntity, type AgencyDelivery } from '@passage/persistence';
import { createCommand } from '@passage/validation';
import { AGENCY_ID, MAX_AGENCY_ID, PutAgencyCommand } from './put-agency.command';
import { webhookUrlPolicyProblem } from './webhook-url-policy';

/** What anyone signed in may read of an agency. */
export interface AgencyView {
  readonly id: string;
  readonly name: Texts;
  readonly level: AgencyLevel;
  readonly website?: string;
  readonly services: readonly AgencyService[];
}

/** What admins read as well: how to reach the agency, and how fast Passage may call it. */
export interface AgencyAdminView extends AgencyView {
  readonly contact?: { readonly email?: string; readonly phone?: string };
  readonly delivery: AgencyDelivery;
  readonly rateLimitPerMinute?: number;
  readonly updatedAt: string;
}

/** A published version that performs (or compensates with) one of an agency's services. */
interface ServiceUse {
  readonly life_event_id: string;
  readonly version: number;
  readonly step_id: string;
  readonly service: string;
}

/**
 * The agency registry as admins keep it. Anyone signed in reads names, levels and services; delivery details are
 * for admins, and only admins write (for anyone else the writes do not exist: 404). A service that a published
 * life-event version uses cannot be removed: journeys on that version would call a service the agency dropped.
 */
export class AgencyRegistryAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly environment: PassageEnvironment,
  ) {}

  async list(reader: Principal): Promise<AgencyView[]> {
    const rows = await this.dataSource.getRepository(AgencyEntity).find({ order: { id: 'ASC' } });
    return rows.map((row) => viewOf(row, isAdmin(reader)));
  }

  async get(reader: Principal, id: string): Promise<AgencyView> {
    const row = isAgencyId(id) ? await this.dataSource.getRepository(AgencyEntity).findOneBy({ id }) : null;
    if (!row) throw notFound('agency');
    return viewOf(row, isAdmin(reader));
  }

  /** Creates or replaces an agency; `created` tells which. */
  async put(admin: Principal, id: string, input: unknown): Promise<{ created: boolean; agency: AgencyAdminView }> {
    if (!isAdmin(admin)) throw notFound('agency');
    if (!isAgencyId(id))
      throw new PassageError(
        'invalid-request',
        `id must be a kebab-case agency id of at most ${MAX_AGENCY_ID} characters`,
        'id',
      );
    const command = createCommand(PutAgencyCommand, input);
    const services = this.checkedServices(command);
    const delivery = this.checkedDelivery(command);
    const contact = command.contact
      ? {
          ...(command.contact.email ? { email: command.contact.email } : {}),
          ...(command.contact.phone ? { phone: command.contact.phone } : {}),
        }
      : null;
    const row: AgencyEntity = Object.assign(new AgencyEntity(), {
      id,
      name: { nl: command.name.nl, en: command.name.en, fr: command.name.fr },
      level: command.level,
      website: command.website ?? null,
      contact,
      services,
      delivery,
      rateLimitPerMinute: command.rateLimitPerMinute ?? null,
      updatedAt: new Date(),
    });
    return this.dataSource.transaction(async (tx) => {
      // Locks the row: two admins saving the same agency at once are applied one after the other.
      const [current] = (await tx.query(`SELECT services FROM agencies WHERE id = $1 FOR UPDATE`, [id])) as {
        services: AgencyService[];
      }[];
      if (current) await this.refuseRemovalOfUsedServices(tx, id, current.services, services);
      // An upsert, so that two admins creating the same new agency at once do not collide.
      const [saved] = (await tx.query(
        `INSERT INTO agencies (id, name, level, website, contact, services, delivery, rate_limit_per_minute, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, website = EXCLUDED.website, contact = EXCLUDED.contact,
           services = EXCLUDED.services, delivery = EXCLUDED.delivery, rate_limit_per_minute = EXCLUDED.rate_limit_per_minute, updated_at = EXCLUDED.updated_at
         RETURNING (xmax = 0) AS created`,
        [
          id,
          JSON.stringify(row.name),
          row.level,
          row.website,
          contact && JSON.stringify(contact),
          JSON.stringify(services),
          JSON.stringify(delivery),
          row.rateLimitPerMinute,
          row.updatedAt,
        ],
      )) as { created: boolean }[];
      return { created: saved.created, agency: viewOf(row, true) as AgencyAdminView };
    });
  }

  private checkedServices(command: PutAgencyCommand): AgencyService[] {
    const seen = new Set<string>();
    return command.services.map((service, index) => {
      if (seen.has(service.id))
        throw new PassageError('invalid-request', `service ${service.id} is listed twice`, `services[${index}].id`);
      seen.add(service.id);
      return {
        id: service.id,
        title: { nl: service.title.nl, en: service.title.en, fr: service.title.fr },
        ...(service.ipdcId ? { ipdcId: service.ipdcId } : {}),
      };
    });
  }

  private checkedDelivery(command: PutAgencyCommand): AgencyDelivery {
    const { kind, url, secretRef } = command.delivery;
    if (kind === 'worker') return { kind };
    // The command checked both are there and well-formed; what this environment allows comes on top.
    const problem = webhookUrlPolicyProblem(url as string, this.environment);
    if (problem) throw new PassageError('invalid-request', `url ${problem}`, 'delivery.url');
    return { kind, url: url as string, secretRef: secretRef as string };
  }

  private async refuseRemovalOfUsedServices(
    tx: EntityManager,
    agency: string,
    before: readonly AgencyService[],
    after: readonly AgencyService[],
  ): Promise<void> {
    const kept = new Set(after.map((s) => s.id));
    const removed = before.map((s) => s.id).filter((service) => !kept.has(service));
    if (removed.length === 0) return;
    const [use] = (await tx.query(
      `SELECT v.life_event_id, v.version, s->>'id' AS step_id,
              CASE WHEN s->>'agency' = $1 AND s->>'service' = ANY($2) THEN s->>'service' ELSE s->'compensation'->>'service' END AS service
       FROM life_event_versions v, jsonb_array_elements(v.definition->'steps') s
       WHERE (s->>'agency' = $1 AND s->>'service' = ANY($2))
          OR (COALESCE(s->'compensation'->>'agency', s->>'agency') = $1 AND s->'compensation'->>'service' = ANY($2))
       ORDER BY v.life_event_id, v.version
       LIMIT 1`,
      [agency, removed],
    )) as ServiceUse[];
    if (use) {
      throw new PassageError(
        'version-conflict',
        `service ${use.service} of ${agency} is used by the published life event ${use.life_event_id} version ${use.version} (step ${use.step_id}): it cannot be removed`,
        'services',
      );
    }
  }
}

function isAdmin(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

function isAgencyId(id: string): boolean {
  return id.length <= MAX_AGENCY_ID && AGENCY_ID.test(id);
}

function viewOf(row: AgencyEntity, admin: boolean): AgencyView | AgencyAdminView {
  const view: AgencyView = {
    id: row.id,
    name: row.name,
    level: row.level,
    ...(row.website ? { website: row.website } : {}),
    services: row.services,
  };
  if (!admin) return view;
  return {
    ...view,
    ...(row.contact ? { contact: row.contact } : {}),
    delivery: row.delivery,
    ...(row.rateLimitPerMinute ? { rateLimitPerMinute: row.rateLimitPerMinute } : {}),
    updatedAt: row.updatedAt.toISOString(),
  };
}
