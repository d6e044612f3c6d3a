/** TRACEFALL_OTLP_TOKEN: the receiver wants `Authorization: Bearer <token>` on both ports. */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../test-support';
import {
  postOtlp,
  request,
  startTestLocalServer,
  type TestLocalServer,
} from '../local/test-local-server';
import { createOtlpRoute, createOtlpServer } from './otlp-receiver';

const TOKEN = 'otlp-token-0123456789';
const TRACE = '5b8efff798038103d269b633813fc60c';

function batch(spanId: string): string {
  return JSON.stringify({
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: [
              {
                traceId: TRACE,
                spanId,
                name: 'op',
                startTimeUnixNano: '1700000000000000000',
                endTimeUnixNano: '1700000000001000000',
              },
            ],
          },
        ],
      },
    ],
  });
}

describe('OTLP receiver with TRACEFALL_OTLP_TOKEN', () => {
  let app: TestLocalServer;
  let otlpServer: Server;
  let otlpPort: number;

  beforeAll(async () => {
    app = await startTestLocalServer({ receiver: { token: TOKEN } });
    otlpServer = createOtlpServer(createOtlpRoute(app.store, { token: TOKEN }), () => {});
    otlpPort = await listen(otlpServer);
  });
  afterAll(async () => {
    await closeServer(otlpServer);
    await app.close();
  });

  const stored = async () =>
    Number((await app.store.client.execute('SELECT count(*) FROM spans')).rows[0]?.[0]);

  it('answers 401 without the token or with a wrong one, on both ports, and stores nothing', async () => {
    for (const port of [app.port, otlpPort]) {
      for (const auth of [undefined, 'Bearer nope', `Bearer ${TOKEN}-x`, `Basic ${TOKEN}`]) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (auth) headers.Authorization = auth;
        const res = await postOtlp(port, '/v1/traces', batch('00f067aa0ba902b7'), headers);
        expect(res.status, `${port} ${auth}`).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
        expect(JSON.parse(res.body.toString()).code).toBe(16);
      }
    }
    expect(await stored()).toBe(0);
  });

  it('stores batches sent with the token, on both ports', async () => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` };
    expect(
      (await postOtlp(app.port, '/v1/traces', batch('00f067aa0ba902b1'), headers)).status,
    ).toBe(200);
    expect(
      (await postOtlp(otlpPort, '/v1/traces', batch('00f067aa0ba902b2'), headers)).status,
    ).toBe(200);
    expect(await stored()).toBe(2);
  });

  it('lets CORS preflights through: browsers send them without credentials', async () => {
    const res = await request(otlpPort, '/v1/traces', {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-headers']).toContain('authorization');
  });
});
