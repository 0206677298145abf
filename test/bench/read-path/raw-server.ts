/*
 * The raw floor of `npm run bench:api`: a bare node:http server with a pg pool of the API's size, answering the
 * four read paths with the same statements as the API (ReadModelQueries, the inbox's page and count) and the rows
 * as JSON. It checks no token (it reads the caller from the token's payload unverified), maps nothing and logs
 * nothing: what is left is the cost of HTTP, PostgreSQL and JSON. Started by the benchmark as a child process on
 * DATABASE_URL and PASSAGE_HTTP_PORT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { INBOX_COUNT_SQL, INBOX_PAGE_SQL, ReadModelQueries } from '@passage/persistence';

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
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: POOL_SIZE });
  const queries = new ReadModelQueries(pool);
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const answer = async () => {
      const journeyPath = JOURNEY_PATH.exec(url);
      if (journeyPath && journeyPath[2]) {
        const journey = await queries.journey(journeyPath[1]);
        if (!journey) return json(response, 404, { code: 'not-found' });
        const events = await queries.eventsSince(journeyPath[1], Number(request.headers['last-event-id'] ?? 0));
        response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
        response.write('retry: 3000\n\n');
        for (const event of events)
          response.write(`id: ${event.n}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        return response.end();
      }
      if (journeyPath) {
        const rows = await queries.timeline(journeyPath[1]);
        return rows ? json(response, 200, rows) : json(response, 404, { code: 'not-found' });
      }
      if (url.startsWith('/api/journeys'))
        return json(response, 200, await queries.journeysOf(callerOf(request).sub, 200));
      if (url.startsWith('/api/agency/tasks')) {
        const agency = callerOf(request).agency;
        const status = new URL(url, 'http://raw').searchParams.get('status') ?? 'open';
        const [page, count] = await Promise.all([
          pool.query({ name: 'inbox_page', text: INBOX_PAGE_SQL, values: [agency, status, 25, 0] }),
          pool.query({ name: 'inbox_count', text: INBOX_COUNT_SQL, values: [agency, status] }),
        ]);
        return json(response, 200, { items: page.rows, page: 1, pageSize: 25, total: count.rows[0].total });
      }
      return json(response, 404, { code: 'not-found' });
    };
    answer().catch(() => json(response, 500, { code: 'internal' }));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env['PASSAGE_HTTP_PORT']), '127.0.0.1');
}

void main();
