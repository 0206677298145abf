#!/usr/bin/env node
// Checks docker/compose.yaml where `docker compose config` is not available (no compose plugin, no daemon): it
// parses, its services depend on services that exist and can report what is awaited, every variable it reads is
// documented in .env.example, every setting it passes to Passage is one Passage reads (and every one the
// configuration reads is passed or set by the image), no secret is written into it, mounted files exist, the
// image's commands exist, and the search attributes registered on Temporal are the ones in libs/contracts.
// Usage: node docker/validate-compose.cjs   (exit 1 with one line per problem)
'use strict';
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const YAML = require('yaml');

const here = __dirname;
const root = join(here, '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const problems = [];
const problem = (text) => problems.push(text);

const text = read('docker/compose.yaml');
// `yaml` comes with the tooling (version 1 or 2; both reject duplicate keys); merge keys as compose reads them.
const document = YAML.parseDocument(text, { merge: true, maxAliasCount: 1000 });
for (const error of [...document.errors, ...document.warnings]) problem(`compose.yaml: ${error.message}`);
const compose = document.toJSON();
const services = compose.services ?? {};
const entries = Object.entries(services);

// --- Dependencies: targets exist, conditions are known, awaited states can be reported, no cycle.
const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];
for (const [name, service] of entries) {
  for (const [target, { condition } = {}] of Object.entries(service.depends_on ?? {})) {
    const awaited = services[target];
    if (!awaited) problem(`${name}: depends on unknown service ${target}`);
    else if (!CONDITIONS.includes(condition)) problem(`${name}: unknown condition ${condition} on ${target}`);
    else if (condition === 'service_healthy' && (!awaited.healthcheck || awaited.healthcheck.disable))
      problem(`${name}: waits for ${target} to be healthy, which has no health check`);
    else if (condition === 'service_completed_successfully' && awaited.restart !== 'no')
      problem(`${name}: waits for ${target} to complete, which restarts (restart: "no" expected)`);
    if (awaited?.profiles && !service.profiles)
      problem(`${name}: depends on ${target}, which runs in profile(s) ${awaited.profiles} only`);
  }
}
const visiting = new Set();
const visited = new Set();
function visit(name, path) {
  if (visiting.has(name)) return problem(`dependency cycle: ${[...path, name].join(' → ')}`);
  if (visited.has(name) || !services[name]) return;
  visiting.add(name);
  for (const target of Object.keys(services[name].depends_on ?? {})) visit(target, [...path, name]);
  visiting.delete(name);
  visited.add(name);
}
for (const [name] of entries) visit(name, []);

// --- Variables: each one compose reads is documented in .env.example; required ones are there uncommented.
const example = read('docker/.env.example');
const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
const active = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
for (const [, variable, operator] of text.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:?[-?])?/g)) {
  if (!documented.has(variable)) problem(`compose.yaml reads ${variable}, which docker/.env.example does not document`);
  else if (operator === ':?' && !active.has(variable))
    problem(`compose.yaml requires ${variable}: docker/.env.example should list it uncommented`);
}

// --- Settings passed to Passage: read by Passage, complete, and never a written-in secret.
const sources = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(entry.name),
    )
    .map((entry) => readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8'))
    .join('\n');
const passageSource = sources('apps') + sources('libs');
const dockerfile = read('docker/Dockerfile');
const imageEnvironment = new Set(
  [...dockerfile.matchAll(/^\s*(?:ENV\s+)?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]),
);
const isPassageService = (service) => service.build?.dockerfile === 'docker/Dockerfile';
const SECRET = /PASSWORD|PWD|SECRET|_KEYS$|API_KEY/;
for (const [name, service] of entries) {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) problem(`${name}: environment as a list; use a mapping`);
  for (const [variable, value] of Object.entries(environment)) {
    if (SECRET.test(variable) && value !== null && !String(value).includes('${'))
      problem(`${name}: ${variable} is written into compose.yaml: take it from docker/.env`);
    if (value === null && !documented.has(variable))
      problem(`${name}: passes ${variable} through, which docker/.env.example does not document`);
    if (isPassageService(service) && !passageSource.includes(`'${variable}'`))
      problem(`${name}: passes ${variable}, which no Passage code reads`);
  }
}
const configuration = read('libs/config/src/lib/passage-config.ts');
const runtime = services.worker?.environment ?? {};
// Every variable name the configuration quotes, whether it reads it directly or through a helper.
for (const [, variable] of configuration.matchAll(/'((?:PASSAGE|TEMPORAL)_[A-Z0-9_]+|DATABASE_URL|NODE_ENV)'/g)) {
  if (!(variable in runtime) && !imageEnvironment.has(variable))
    problem(`the configuration reads ${variable}, which neither compose.yaml nor the image sets`);
}
if (!(services.api?.environment && JSON.stringify(services.api.environment) === JSON.stringify(runtime)))
  problem('api and worker should share one environment');

// --- Replicas, mounts, commands.
const worker = services.worker ?? {};
if (!(worker.deploy?.replicas >= 2)) problem('worker: deploy.replicas should be 2 or more');
if (worker.ports || worker.container_name) problem('worker: ports or container_name prevent replicas');
for (const [name, service] of entries) {
  for (const volume of service.volumes ?? []) {
    const source = String(volume).split(':')[0];
    if (source.startsWith('.') && !existsSync(join(here, source)))
      problem(`${name}: mounts ${source}, which does not exist`);
  }
}
const entrypoint = read('docker/entrypoint.sh');
for (const [name, service] of entries.filter(([, service]) => isPassageService(service))) {
  const [command] = service.command ?? [];
  if (!new RegExp(`^\\s*${command}\\)`, 'm').test(entrypoint))
    problem(`${name}: command ${command} is not one of docker/entrypoint.sh`);
}

// --- Search attributes: registered on Temporal as libs/contracts defines them.
const TYPES = {
  KEYWORD: 'Keyword',
  INT: 'Int',
  TEXT: 'Text',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};
const defined = [
  ...read('libs/contracts/src/lib/search-attributes.ts').matchAll(
    /defineSearchAttributeKey\('(\w+)', SearchAttributeType\.(\w+)\)/g,
  ),
]
  .map(([, key, type]) => `${key}:${TYPES[type]}`)
  .sort();
const registered = (read('docker/temporal/namespace.sh').match(/^for attribute in (.*); do$/m)?.[1] ?? '')
  .split(' ')
  .filter(Boolean)
  .sort();
if (defined.length === 0 || defined.join(' ') !== registered.join(' '))
  problem(
    `search attributes: libs/contracts defines ${defined.join(' ')}; docker/temporal/namespace.sh registers ${registered.join(' ')}`,
  );

if (problems.length > 0) {
  for (const line of problems) console.error(`validate-compose: ${line}`);
  process.exit(1);
}
console.log(`validate-compose: docker/compose.yaml is consistent (${entries.length} services)`);
