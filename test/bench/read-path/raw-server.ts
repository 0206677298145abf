/*
 * The raw floor of `npm run bench:api`: a bare node:http server with a pg pool of the API's size, answering the
 * four read paths with the same statements as the API (readModelStatements, inboxStatements) and the
 * rows as JSON (TypeORM only tells it the statements, at start). It checks no token (it reads the caller from the token's payload unverified), maps nothing and logs
 * nothing: what is left is the cost of HTTP, PostgreSQL and JSON. Started by the benchmark as a child process on
 * DATABASE_URL and PASSAGE_HTTP_PORT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { createDataSource, inboxStatements, readModelStatements } from '@passage/persistence';

const JOURNEY_PATH = /^\/api\/journeys\/([^/?]+)(\/events)?(?:\?.*)?$/;
const POOL_SIZE = 10; // the API's data source pool (createDataSource's default)

function callerOf(request: IncomingMessage): { sub: string; agency?: string } {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /i, '');
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}');
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const dataSource = await createDataSource({ url: url ?? '', poolSize: 1 }).initialize();
  const sql = readModelStatements(dataSource);
  await dataSource.destroy();
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  const query = async (name: string, text: string, values: unknown[]) =>
    (await pool.query({ name, text, values })).rows;
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const answer = async () => {
      const journeyPath = JOURNEY_PATH.exec(path);
      if (journeyPath && journeyPath[2]) {
        const [journey] = await query('journey', sql.journey, [journeyPath[1]]);
        if (!journey) return json(response, 404, { code: 'not-found' });
        const after = Number(request.headers['last-event-id'] ?? 0);
        const [{ events }] = await query('events_since', sql.eventsSince, [journeyPath[1], after]);
        response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
        response.write('retry: 3000\n\n');
        for (const event of events)
          response.write(`id: ${event.n}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        return response.end();
      }
      if (journeyPath) {
        const [timeline] = await query('timeline', sql.timeline, [journeyPath[1]]);
        return timeline ? json(response, 200, timeline) : json(response, 404, { code: 'not-found' });
      }
      if (path.startsWith('/api/journeys'))
        return json(response, 200, await query('journeys_of', sql.journeysOf, [callerOf(request).sub, 200]));
      if (path.startsWith('/api/agency/tasks')) {
        const agency = callerOf(request).agency;
        const status = new URL(path, 'http://raw').searchParams.get('status') ?? 'open';
        const inbox = inboxStatements({ agency: agency ?? '', status, page: 1, pageSize: 25 });
        const [items, [count]] = await Promise.all([
          query(`${inbox.name}_page`, inbox.page, [...inbox.values, 25, 0]),
          query(`${inbox.name}_count`, inbox.count, [...inbox.values]),
        ]);
        return json(response, 200, { items, page: 1, pageSize: 25, total: count.total });
      }
      return json(response, 404, { code: 'not-found' });
    };
    answer().catch(() => json(response, 500, { code: 'internal' }));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env['PASSAGE_HTTP_PORT']), '127.0.0.1');
}

void main();
