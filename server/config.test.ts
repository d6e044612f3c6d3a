import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PROXY_TIMEOUT_MS, loadConfig } from './config';
import type { Env } from './config';

function files(map: Record<string, unknown>) {
  const read: string[] = [];
  const readFile = (path: string) => {
    read.push(path);
    const value = map[path];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return { readFile, read };
}

const noFiles = () => undefined;

function loadError(env: Env, map: Record<string, unknown> = {}): string {
  try {
    loadConfig(env, files(map).readFile);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const { readFile, read } = files({});
    const config = loadConfig({}, readFile);
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      otlpHttpPort: 4318,
      dataDir: './data',
      demo: true,
      sources: [],
      proxyTimeoutMs: DEFAULT_PROXY_TIMEOUT_MS,
    });
    expect(config.configPath).toBeUndefined();
    expect(read).toEqual(['tracefall.config.json']);
  });

  it('reads the environment variables', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        OTLP_HTTP_PORT: '0',
        TRACEFALL_DATA_DIR: '/var/lib/tracefall',
        TRACEFALL_DEMO: '0',
        TRACEFALL_PROXY_TIMEOUT_MS: '250',
      },
      noFiles,
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      otlpHttpPort: 0,
      dataDir: '/var/lib/tracefall',
      demo: false,
      proxyTimeoutMs: 250,
    });
  });

  it('adds sources for the JAEGER_URL and TEMPO_URL shortcuts', () => {
    const config = loadConfig(
      { JAEGER_URL: 'http://127.0.0.1:16686/', TEMPO_URL: 'https://tempo.example.com/prefix/' },
      noFiles,
    );
    expect(config.sources).toEqual([
      { id: 'jaeger', name: 'Jaeger', kind: 'jaeger', url: 'http://127.0.0.1:16686', headers: {} },
      {
        id: 'tempo',
        name: 'Tempo',
        kind: 'tempo',
        url: 'https://tempo.example.com/prefix',
        headers: {},
      },
    ]);
  });

  it('reads ./tracefall.config.json when present, then adds the shortcuts', () => {
    const { readFile } = files({
      'tracefall.config.json': {
        sources: [
          {
            id: 'prod',
            name: 'Production Jaeger',
            kind: 'jaeger-v3',
            url: 'http://jaeger:16686',
            headers: { Authorization: 'Bearer x', 'X-Scope-OrgID': 't1' },
          },
          { id: 'zip_1', kind: 'zipkin', url: 'http://zipkin:9411' },
        ],
      },
    });
    const config = loadConfig({ JAEGER_URL: 'http://localhost:16686' }, readFile);
    expect(config.configPath).toBe('tracefall.config.json');
    expect(config.sources.map((s) => [s.id, s.name, s.kind, s.url])).toEqual([
      ['prod', 'Production Jaeger', 'jaeger-v3', 'http://jaeger:16686'],
      ['zip_1', 'zip_1', 'zipkin', 'http://zipkin:9411'],
      ['jaeger', 'Jaeger', 'jaeger', 'http://localhost:16686'],
    ]);
    expect(config.sources[0]?.headers).toEqual({
      Authorization: 'Bearer x',
      'X-Scope-OrgID': 't1',
    });
  });

  it('reads TRACEFALL_CONFIG instead of the default file', () => {
    const { readFile, read } = files({
      '/etc/tracefall.json': { sources: [{ id: 't', kind: 'tempo', url: 'http://t:3200' }] },
      'tracefall.config.json': { sources: [{ id: 'ignored', kind: 'tempo', url: 'http://x' }] },
    });
    const config = loadConfig({ TRACEFALL_CONFIG: '/etc/tracefall.json' }, readFile);
    expect(config.sources.map((s) => s.id)).toEqual(['t']);
    expect(read).toEqual(['/etc/tracefall.json']);
    expect(config.configPath).toBe('/etc/tracefall.json');
  });

  it('reads the proxy timeout from the file, the environment winning', () => {
    const map = { 'tracefall.config.json': { sources: [], proxyTimeoutMs: 5000 } };
    expect(loadConfig({}, files(map).readFile).proxyTimeoutMs).toBe(5000);
    expect(
      loadConfig({ TRACEFALL_PROXY_TIMEOUT_MS: '100' }, files(map).readFile).proxyTimeoutMs,
    ).toBe(100);
  });

  it.each<[string, Env, Record<string, unknown>, RegExp]>([
    [
      'missing TRACEFALL_CONFIG file',
      { TRACEFALL_CONFIG: 'nope.json' },
      {},
      /file not found: nope\.json/,
    ],
    ['invalid JSON', {}, { 'tracefall.config.json': '{ sources: [' }, /not valid JSON/],
    ['non-object file', {}, { 'tracefall.config.json': '[]' }, /expected a JSON object/],
    [
      'unknown top-level key',
      {},
      { 'tracefall.config.json': { source: [] } },
      /unknown key "source"/,
    ],
    ['sources not an array', {}, { 'tracefall.config.json': { sources: {} } }, /must be an array/],
    [
      'bad id',
      {},
      {
        'tracefall.config.json': { sources: [{ id: 'Prod Env', kind: 'jaeger', url: 'http://j' }] },
      },
      /sources\[0\]: "id" must be a slug/,
    ],
    [
      'reserved id',
      {},
      { 'tracefall.config.json': { sources: [{ id: 'local', kind: 'jaeger', url: 'http://j' }] } },
      /reserved/,
    ],
    [
      'duplicate id',
      {},
      {
        'tracefall.config.json': {
          sources: [
            { id: 'a', kind: 'jaeger', url: 'http://j' },
            { id: 'a', kind: 'tempo', url: 'http://t' },
          ],
        },
      },
      /sources\[1\]: duplicate id "a"/,
    ],
    [
      'shortcut clashing with a file source',
      { JAEGER_URL: 'http://j' },
      { 'tracefall.config.json': { sources: [{ id: 'jaeger', kind: 'jaeger', url: 'http://j' }] } },
      /JAEGER_URL adds a source with id "jaeger"/,
    ],
    [
      'bad kind',
      {},
      { 'tracefall.config.json': { sources: [{ id: 'a', kind: 'elastic', url: 'http://j' }] } },
      /"kind" must be one of jaeger, jaeger-v3, tempo, zipkin/,
    ],
    [
      'non-http url',
      {},
      { 'tracefall.config.json': { sources: [{ id: 'a', kind: 'jaeger', url: 'file:///etc' }] } },
      /only http:\/\/ and https:\/\//,
    ],
    [
      'credentials in url',
      {},
      { 'tracefall.config.json': { sources: [{ id: 'a', kind: 'jaeger', url: 'http://u:p@j' }] } },
      /credentials in "headers"/,
    ],
    [
      'query in url',
      {},
      { 'tracefall.config.json': { sources: [{ id: 'a', kind: 'jaeger', url: 'http://j/?x=1' }] } },
      /query string/,
    ],
    ['unparsable JAEGER_URL', { JAEGER_URL: 'not a url' }, {}, /JAEGER_URL: not a valid URL/],
    [
      'non-string header value',
      {},
      {
        'tracefall.config.json': {
          sources: [{ id: 'a', kind: 'tempo', url: 'http://t', headers: { 'X-Scope-OrgID': 1 } }],
        },
      },
      /header "X-Scope-OrgID" must be a string/,
    ],
    [
      'header value with a line break',
      {},
      {
        'tracefall.config.json': {
          sources: [{ id: 'a', kind: 'tempo', url: 'http://t', headers: { A: 'x\r\nHost: evil' } }],
        },
      },
      /without line breaks/,
    ],
    [
      'headers not an object',
      {},
      {
        'tracefall.config.json': {
          sources: [{ id: 'a', kind: 'tempo', url: 'http://t', headers: ['Authorization: x'] }],
        },
      },
      /"headers" must be an object/,
    ],
    [
      'proxy-controlled header',
      {},
      {
        'tracefall.config.json': {
          sources: [{ id: 'a', kind: 'tempo', url: 'http://t', headers: { Host: 'evil' } }],
        },
      },
      /set by the proxy/,
    ],
    [
      'unknown source key',
      {},
      {
        'tracefall.config.json': {
          sources: [{ id: 'a', kind: 'tempo', url: 'http://t', header: {} }],
        },
      },
      /unknown key "header"/,
    ],
    ['bad PORT', { PORT: 'eighty' }, {}, /PORT must be a port number/],
    ['PORT out of range', { PORT: '70000' }, {}, /PORT must be a port number/],
    ['bad OTLP_HTTP_PORT', { OTLP_HTTP_PORT: '-1' }, {}, /OTLP_HTTP_PORT must be a port number/],
    ['bad TRACEFALL_DEMO', { TRACEFALL_DEMO: 'maybe' }, {}, /TRACEFALL_DEMO must be 0 or 1/],
  ])('rejects %s with a clear message', (_name, env, map, message) => {
    expect(loadError(env, map)).toMatch(message);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', JAEGER_URL: ' ', TRACEFALL_DEMO: '' }, noFiles);
    expect(config.port).toBe(8080);
    expect(config.sources).toEqual([]);
    expect(config.demo).toBe(true);
  });
});
