import {
  CHANNELS,
  type AgencyDescriptor,
  type Channel,
  type DataItemSpec,
  type Language,
  type LifeEventDefinition,
  type StatutoryTerm,
  type StepDefinition,
  type Texts,
} from '@passage/journey-model';
import type { ProcessOwnerModule } from '@passage/process-owner';
import type { JsonLdDocument, JsonLdNode, JsonLdValue } from './json-ld.types';
import { termTexts } from './term-texts';
import { langStrings, textsBy } from './texts';
import {
  CHANNEL_TYPES,
  CPSV_AP_CONTEXT_URL,
  DEFAULT_BASE_URI,
  EURO,
  IPDC_SCHEMA_AGENCY,
  PARTICIPATION_ROLES,
  PREFIXES,
  SPATIAL,
  TERM_KINDS,
  type ConceptScheme,
  type ParticipationRole,
} from './vocabulary';

export interface CpsvExportOptions {
  /** The agency registry: every agency the steps use, and the process owner's lead agency. */
  readonly agencies: readonly AgencyDescriptor[];
  /** The process-owner module of the life event (`definition.owner`). */
  readonly owner: ProcessOwnerModule;
  /** Base of every IRI the export mints; default `https://data.passage.example`. */
  readonly baseUri?: string;
}

/** The definition and the registry do not fit together (an agency or data item the export cannot resolve). */
export class CpsvExportError extends Error {
  override readonly name = 'CpsvExportError';
}

/**
 * A life-event version as CPSV-AP 3.2.0 JSON-LD: a `cv:LifeEvent` (or `cv:BusinessEvent`) grouping one
 * `cpsv:PublicService` per step, with competent authorities, inputs, outputs, processing times, channels, costs and
 * statutory terms. Pure: the same definition, registry and base URI give the same document. The mapping and the
 * choices behind it are in the project's README.
 */
export function toCpsvAp(definition: LifeEventDefinition, options: CpsvExportOptions): JsonLdDocument {
  if (options.owner.id !== definition.owner) {
    throw new CpsvExportError(`owner: the life event is owned by ${definition.owner}, not ${options.owner.id}`);
  }
  const graph = new Graph(options.baseUri ?? DEFAULT_BASE_URI);
  const registry = new Map(options.agencies.map((agency) => [agency.id, agency]));
  const agencyOf = (id: string, at: string): AgencyDescriptor => {
    const agency = registry.get(id);
    if (agency === undefined) throw new CpsvExportError(`${at}: agency ${id} is not in the agency registry`);
    return agency;
  };
  const lead = agencyOf(options.owner.leadAgency, 'owner.leadAgency');
  if (lead.level === 'private') {
    throw new CpsvExportError(`owner.leadAgency: ${lead.id} is private and cannot be a competent authority`);
  }

  const event = `life-event/${definition.id}/${definition.version}`;
  const catalogue = `${event}/catalogue`;
  const servicePath = (stepId: string): string => `${event}/service/${stepId}`;
  const services = definition.steps.map((step) => graph.ref(servicePath(step.id)));

  graph.add(event, {
    '@type': [definition.kind === 'business' ? 'BusinessEvent' : 'LifeEvent', 'Event'],
    'Event.identifier': event,
    'Event.name': langStrings(definition.title),
    'Event.description': langStrings(definition.summary),
    'Event.hasRelatedService': services,
    'dct:source': (definition.sources ?? []).map(source),
  });
  graph.add(catalogue, {
    '@type': 'Dataset',
    'Dataset.identifier': catalogue,
    'Dataset.title': langStrings(
      textsBy((language) => CATALOGUE_TITLE[language](definition.title[language], definition.version)),
    ),
    'Dataset.description': langStrings(definition.summary),
    'Dataset.publisher': organisation(graph, lead),
    'Dataset.hasPart': services,
  });
  const ownership = participation(graph, `${event}/participation/process-owner`, 'process-owner', lead, {
    nl: `${options.owner.name.nl} is proceseigenaar van "${definition.title.nl}" en legt er verantwoording over af. Verantwoordelijke minister: ${options.owner.minister}.`,
    en: `${options.owner.name.en} is the process owner of "${definition.title.en}" and is accountable for it. Accountable minister: ${options.owner.minister}.`,
    fr: `${options.owner.name.fr} est le propriétaire du processus « ${definition.title.fr} » et en rend compte. Ministre responsable : ${options.owner.minister}.`,
  });

  for (const step of definition.steps) {
    const path = servicePath(step.id);
    const provider = agencyOf(step.agency, `steps.${step.id}.agency`);
    const offered = provider.services.find((service) => service.id === step.service);
    // A private body (bank, notary, employer…) is no public organisation: the journey's lead agency is the
    // competent authority and the body takes part as service provider.
    const privateProvider =
      provider.level === 'private'
        ? participation(graph, `${path}/participation/service-provider`, 'service-provider', provider, {
            nl: `${provider.name.nl} voert deze stap uit; ${lead.name.nl} is er als proceseigenaar verantwoordelijk voor.`,
            en: `${provider.name.en} carries out this step; ${lead.name.en} is accountable for it as the process owner.`,
            fr: `${provider.name.fr} exécute cette étape ; ${lead.name.fr} en est responsable en tant que propriétaire du processus.`,
          })
        : undefined;
    const days = processingDays(step);
    const ipdcId = step.ipdcId ?? offered?.ipdcId;
    graph.add(path, {
      '@type': 'PublicService',
      'PublicService.identifier': path,
      'PublicService.name': langStrings(step.title),
      'PublicService.description': langStrings(step.description ?? offered?.title ?? step.title),
      'PublicService.hasCompetentAuthority': organisation(graph, provider.level === 'private' ? lead : provider),
      'PublicService.hasParticipation': privateProvider === undefined ? [ownership] : [ownership, privateProvider],
      'PublicService.isGroupedBy': graph.ref(event),
      'PublicService.isPartOf': graph.ref(catalogue),
      'PublicService.requires': step.dependsOn.map((stepId) => graph.ref(servicePath(stepId))),
      'PublicService.hasInput': step.needs.map((item) => evidence(graph, definition, event, step, item)),
      'PublicService.produces': step.produces.map((item) => output(graph, definition, event, step, item)),
      // Days only: xsd:duration has no working days; the rule below states the exact term.
      'PublicService.processingTime': days === undefined ? [] : `P${days}D`,
      'PublicService.hasChannel': step.channels.map((channel) => channelOf(graph, path, channel)),
      'PublicService.hasCost': CHANNELS.flatMap((channel) => {
        const amount = step.cost[channel];
        return amount === undefined ? [] : [cost(graph, path, channel, amount)];
      }),
      'PublicService.follows': step.term === undefined ? [] : rule(graph, path, step.term, definition),
      'adms:identifier': ipdcId === undefined ? [] : ipdcIdentifier(graph, path, ipdcId),
    });
  }

  return { '@context': [CPSV_AP_CONTEXT_URL, PREFIXES], '@graph': graph.nodes() };
}

/** The nodes of one export, each added once under its IRI. */
class Graph {
  private readonly byIri = new Map<string, JsonLdNode>();
  private readonly base: string;

  constructor(baseUri: string) {
    // An absolute http(s) URI without query or fragment, so that appending `/<path>` gives valid IRIs.
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(baseUri)) {
      throw new CpsvExportError(`baseUri: expected an http(s) URI without query or fragment, got ${baseUri}`);
    }
    this.base = baseUri.replace(/\/+$/, '');
  }

  /** A reference to a resource minted under the base URI. */
  ref(path: string): JsonLdNode {
    return { '@id': `${this.base}/${path}` };
  }

  /**
   * Adds a resource minted under the base URI, unless it is there already (shared resources are added by each
   * user). Empty lists are left out, so an absent optional property is absent in the JSON too.
   */
  add(path: string, properties: Readonly<Record<string, JsonLdValue>>): JsonLdNode {
    return this.addExternal(`${this.base}/${path}`, properties);
  }

  /** Adds a resource of another publisher (an authority-table entry) with the type the shapes need it to have. */
  addExternal(iri: string, properties: Readonly<Record<string, JsonLdValue>>): JsonLdNode {
    if (!this.byIri.has(iri)) {
      const present = Object.entries(properties).filter(([, value]) => !(Array.isArray(value) && value.length === 0));
      this.byIri.set(iri, { '@id': iri, ...Object.fromEntries(present) });
    }
    return { '@id': iri };
  }

  /** The nodes grouped by class, the event first; a stable sort keeps the order of addition within a class. */
  nodes(): JsonLdNode[] {
    const rank = (node: JsonLdNode): number => {
      const types = [node['@type']].flat();
      const index = NODE_ORDER.findIndex((type) => types.includes(type));
      return index === -1 ? NODE_ORDER.length : index;
    };
    return [...this.byIri.values()].sort((a, b) => rank(a) - rank(b));
  }
}

const NODE_ORDER: readonly string[] = [
  'Event',
  'Dataset',
  'PublicService',
  'Evidence',
  'Output',
  'Channel',
  'Cost',
  'Rule',
  'adms:Identifier',
  'Participation',
  'Agent',
  'Location',
  'Concept',
  'skos:ConceptScheme',
];

const CATALOGUE_TITLE: Readonly<Record<Language, (title: string, version: number) => string>> = {
  nl: (title, version) => `Dienstencatalogus van "${title}", versie ${version}`,
  en: (title, version) => `Service catalogue of "${title}", version ${version}`,
  fr: (title, version) => `Catalogue des services « ${title} », version ${version}`,
};

/**
 * Processing time in days: a term that binds the administration, or one observed in practice. A deadline for the
 * applicant, an estimate of unknown kind, or a term that ends before an event says nothing about how long the agency
 * takes: then the step's expected duration, when it has one.
 */
function processingDays(step: StepDefinition): number | undefined {
  const term = step.term;
  if (term !== undefined && !term.before && (term.kind === 'authority-decision' || term.kind === 'observed'))
    return term.days;
  return step.expectedDays;
}

/**
 * An agency as an organisation and agent. Public agencies are also `cv:PublicOrganisation`s, with the area they
 * serve as `dct:spatial`; private ones are not, and only ever take part through a participation.
 */
function organisation(graph: Graph, agency: AgencyDescriptor): JsonLdNode {
  const path = `organisation/${agency.id}`;
  const common = {
    'Agent.identifier': path,
    'Agent.name': langStrings(agency.name),
    // A page about the agency: for a kind of private body, the public body that lists or supervises them.
    'foaf:page': agency.website === undefined ? [] : { '@id': agency.website },
  };
  if (agency.level === 'private') return graph.add(path, { '@type': ['Organization', 'Agent'], ...common });
  return graph.add(path, {
    '@type': ['PublicOrganization', 'Organization', 'Agent'],
    ...common,
    'PublicOrganization.preferredLabel': langStrings(agency.name),
    'PublicOrganization.spatial': graph.addExternal(SPATIAL[agency.level], { '@type': 'Location' }),
  });
}

function participation(
  graph: Graph,
  path: string,
  role: ParticipationRole,
  participant: AgencyDescriptor,
  description: Texts,
): JsonLdNode {
  return graph.add(path, {
    '@type': 'Participation',
    'Participation.identifier': path,
    'Participation.description': langStrings(description),
    'Participation.role': concept(graph, PARTICIPATION_ROLES, role),
    'Participation.hasParticipant': organisation(graph, participant),
  });
}

/** A data item a step needs, as evidence: one node per item and life-event version, shared by the steps that need it. */
function evidence(
  graph: Graph,
  definition: LifeEventDefinition,
  event: string,
  step: StepDefinition,
  item: string,
): JsonLdNode {
  const path = `${event}/evidence/${item}`;
  const { label, authenticSource } = dataItemSpec(definition, step, item);
  return graph.add(path, {
    '@type': 'Evidence',
    'Evidence.identifier': path,
    'Evidence.name': langStrings(label),
    'Evidence.description':
      authenticSource === undefined
        ? []
        : langStrings({
            nl: `Komt uit de authentieke bron ${authenticSource} wanneer die het gegeven heeft; dan wordt het niet gevraagd.`,
            en: `Taken from the authentic source ${authenticSource} when it holds the item; it is then not asked.`,
            fr: `Provient de la source authentique ${authenticSource} lorsqu'elle détient la donnée ; elle n'est alors pas demandée.`,
          }),
  });
}

/** A data item a step produces, as output: one node per item and life-event version. */
function output(
  graph: Graph,
  definition: LifeEventDefinition,
  event: string,
  step: StepDefinition,
  item: string,
): JsonLdNode {
  const path = `${event}/output/${item}`;
  const { label } = dataItemSpec(definition, step, item);
  return graph.add(path, { '@type': 'Output', 'Output.identifier': path, 'Output.name': langStrings(label) });
}

function dataItemSpec(definition: LifeEventDefinition, step: StepDefinition, item: string): DataItemSpec {
  if (!Object.hasOwn(definition.dataItems, item)) {
    throw new CpsvExportError(`steps.${step.id}: data item ${item} is not declared in dataItems`);
  }
  return definition.dataItems[item];
}

function channelOf(graph: Graph, service: string, channel: Channel): JsonLdNode {
  const path = `${service}/channel/${channel}`;
  return graph.add(path, {
    '@type': 'Channel',
    'Channel.identifier': path,
    'Channel.type': concept(graph, CHANNEL_TYPES, channel),
  });
}

/** The cost of one execution through one channel; the channel node exists, as costs only name a step's channels. */
function cost(graph: Graph, service: string, channel: Channel, amount: number): JsonLdNode {
  const path = `${service}/cost/${channel}`;
  return graph.add(path, {
    '@type': 'Cost',
    'Cost.identifier': path,
    'Cost.hasValue': amount,
    'Cost.currency': graph.addExternal(EURO, { '@type': 'Concept' }),
    'Cost.ifAccessedThrough': channelOf(graph, service, channel),
  });
}

/** The statutory term as the rule the service follows, with the page or legal text it comes from. */
function rule(graph: Graph, service: string, term: StatutoryTerm, definition: LifeEventDefinition): JsonLdNode {
  const path = `${service}/rule/statutory-term`;
  const { name, description } = termTexts(term, definition);
  return graph.add(path, {
    '@type': 'Rule',
    'Rule.identifier': path,
    'Rule.name': langStrings(name),
    'Rule.description': langStrings(description),
    'Rule.type': concept(graph, TERM_KINDS, term.kind),
    'dct:source': term.source === undefined ? [] : source(term.source),
  });
}

/** The IPDC product number: a second identifier, as `dct:identifier` allows only one. */
function ipdcIdentifier(graph: Graph, service: string, ipdcId: string): JsonLdNode {
  return graph.add(`${service}/identifier/ipdc`, {
    '@type': 'adms:Identifier',
    'skos:notation': ipdcId,
    'adms:schemaAgency': IPDC_SCHEMA_AGENCY,
  });
}

function concept<K extends string>(graph: Graph, scheme: ConceptScheme<K>, key: K): JsonLdNode {
  const inScheme = graph.add(scheme.path, {
    '@type': 'skos:ConceptScheme',
    'skos:prefLabel': langStrings(scheme.label),
  });
  return graph.add(`${scheme.path}/${key}`, {
    '@type': 'Concept',
    'skos:prefLabel': langStrings(scheme.concepts[key]),
    'skos:inScheme': inScheme,
  });
}

/** A source is a link when it is a web address, and otherwise kept as the text the author wrote. */
function source(text: string): JsonLdNode {
  return /^https?:\/\/\S+$/.test(text) ? { '@id': text } : { '@value': text };
}
