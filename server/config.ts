/**
 * Server configuration: environment variables plus an optional JSON config file.
 * The public names (env vars, file shape) are fixed by the test contract; see
 * ../shared/reference/test-contract.md. `loadConfig` is pure (I/O is injected) so every rule is
 * unit-tested without touching the file system.
 */
import type { SourceKind } from '../src/sources/source';

/** Kinds a remote source may have; `local` and `file` are built in, never configured. */
export type RemoteSourceKind = Extract<SourceKind, 'jaeger' | 'jaeger-v3' | 'tempo' | 'zipkin'>;
export const REMOTE_SOURCE_KINDS: readonly RemoteSourceKind[] = [
  'jaeger',
  'jaeger-v3',
  'tempo',
  'zipkin',
];

export interface SourceConfig {
  readonly id: string;
  readonly name: string;
  readonly kind: RemoteSourceKind;
  /** Base URL without a trailing slash; may carry a base path (`http://h:16686/jaeger`). */
  readonly url: string;
  /** Sent to the backend only; never to the browser. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** 0 turns the embedded OTLP/HTTP receiver off. */
  readonly otlpHttpPort: number;
  readonly dataDir: string;
  readonly demo: boolean;
  /** Local store retention (TRACEFALL_RETENTION_DAYS / _MB); unset means the store's defaults. */
  readonly retentionDays?: number;
  readonly retentionMb?: number;
  readonly sources: readonly SourceConfig[];
  /** Time allowed for a backend to answer (headers), and the longest pause inside its body. */
  readonly proxyTimeoutMs: number;
  readonly proxyMaxBytes: number;
  /** TRACEFALL_AUTH_TOKEN: when set, `/api/*` (but /api/health and login) needs it. */
  readonly authToken?: string;
  /** TRACEFALL_OTLP_TOKEN: when set, the OTLP receiver needs it as a Bearer token. */
  readonly otlpToken?: string;
  /** The config file that was read, if any (for the startup log). */
  readonly configPath?: string;
}

export const DEFAULT_CONFIG_FILE = 'tracefall.config.json';
export const DEFAULT_PROXY_TIMEOUT_MS = 15_000;
export const DEFAULT_PROXY_MAX_BYTES = 512 * 1024 * 1024;
/** Ids the app uses for its own sources (`/trace/local/…`, `/trace/file/…`). */
const RESERVED_SOURCE_IDS = new Set(['local', 'file']);
const SOURCE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{0,62})$/;
const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the proxy itself controls; configuring them would break or confuse forwarding. */
const FORBIDDEN_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'content-length',
  'accept-encoding',
]);
const SOURCE_KEYS = new Set(['id', 'name', 'kind', 'url', 'headers']);
const FILE_KEYS = new Set(['$schema', 'sources', 'proxyTimeoutMs']);

export type Env = Readonly<Record<string, string | undefined>>;
/** Returns the file's text, or `undefined` when it does not exist; throws on other errors. */
export type ReadFile = (path: string) => string | undefined;

/** A configuration mistake; its message is meant to be printed as is at startup. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Builds the server configuration from the environment and the config file. Throws ConfigError. */
export function loadConfig(env: Env, readFile: ReadFile): ServerConfig {
  const explicitPath = nonEmpty(env.TRACEFALL_CONFIG);
  const configPath = explicitPath ?? DEFAULT_CONFIG_FILE;
  const text = readFile(configPath);
  if (text === undefined && explicitPath !== undefined) {
    throw new ConfigError(`TRACEFALL_CONFIG: file not found: ${explicitPath}`);
  }
  const file = text === undefined ? undefined : parseConfigFile(text, configPath);

  const sources: SourceConfig[] = [...(file?.sources ?? [])];
  const addShortcut = (variable: string, id: string, kind: RemoteSourceKind, name: string) => {
    const url = nonEmpty(env[variable]);
    if (url === undefined) return;
    if (sources.some((s) => s.id === id)) {
      throw new ConfigError(
        `${variable} adds a source with id "${id}", but ${configPath} already has one; remove one of them`,
      );
    }
    sources.push({ id, name, kind, url: parseBaseUrl(url, variable), headers: {} });
  };
  addShortcut('JAEGER_URL', 'jaeger', 'jaeger', 'Jaeger');
  addShortcut('TEMPO_URL', 'tempo', 'tempo', 'Tempo');

  const envTimeout = nonEmpty(env.TRACEFALL_PROXY_TIMEOUT_MS);
  return {
    port: parsePort(env.PORT, 'PORT', 8080),
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    otlpHttpPort: parsePort(env.OTLP_HTTP_PORT, 'OTLP_HTTP_PORT', 4318),
    dataDir: nonEmpty(env.TRACEFALL_DATA_DIR) ?? './data',
    demo: parseFlag(env.TRACEFALL_DEMO, 'TRACEFALL_DEMO', true),
    ...optionalPositive(env, 'TRACEFALL_RETENTION_DAYS', 'retentionDays'),
    ...optionalPositive(env, 'TRACEFALL_RETENTION_MB', 'retentionMb'),
    sources,
    proxyTimeoutMs:
      envTimeout !== undefined
        ? parsePositiveInt(envTimeout, 'TRACEFALL_PROXY_TIMEOUT_MS')
        : (file?.proxyTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS),
    proxyMaxBytes: DEFAULT_PROXY_MAX_BYTES,
    ...optionalToken(env, 'TRACEFALL_AUTH_TOKEN', 'authToken'),
    ...optionalToken(env, 'TRACEFALL_OTLP_TOKEN', 'otlpToken'),
    ...(text === undefined ? {} : { configPath }),
  };
}

interface ConfigFile {
  sources: SourceConfig[];
  proxyTimeoutMs?: number;
}

function parseConfigFile(text: string, path: string): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(raw)) throw new ConfigError(`${path}: expected a JSON object`);
  for (const key of Object.keys(raw)) {
    if (!FILE_KEYS.has(key)) {
      throw new ConfigError(
        `${path}: unknown key "${key}" (expected ${[...FILE_KEYS].slice(1).join(', ')})`,
      );
    }
  }
  const list = raw.sources ?? [];
  if (!Array.isArray(list)) throw new ConfigError(`${path}: "sources" must be an array`);
  const sources: SourceConfig[] = [];
  list.forEach((entry: unknown, index) => {
    const source = parseSource(entry, `${path}: sources[${index}]`);
    if (sources.some((s) => s.id === source.id)) {
      throw new ConfigError(`${path}: sources[${index}]: duplicate id "${source.id}"`);
    }
    sources.push(source);
  });
  const file: ConfigFile = { sources };
  if (raw.proxyTimeoutMs !== undefined) {
    file.proxyTimeoutMs = parsePositiveInt(raw.proxyTimeoutMs, `${path}: proxyTimeoutMs`);
  }
  return file;
}

function parseSource(entry: unknown, where: string): SourceConfig {
  if (!isPlainObject(entry)) throw new ConfigError(`${where}: expected an object`);
  for (const key of Object.keys(entry)) {
    if (!SOURCE_KEYS.has(key)) {
      throw new ConfigError(
        `${where}: unknown key "${key}" (expected id, name, kind, url, headers)`,
      );
    }
  }
  const { id, name, kind, url, headers } = entry;
  if (typeof id !== 'string' || !SOURCE_ID_PATTERN.test(id)) {
    throw new ConfigError(
      `${where}: "id" must be a slug of lowercase letters, digits, "-" or "_" (got ${JSON.stringify(id)})`,
    );
  }
  const at = `${where} ("${id}")`;
  if (RESERVED_SOURCE_IDS.has(id)) {
    throw new ConfigError(`${at}: the id "${id}" is reserved for Tracefall's built-in sources`);
  }
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    throw new ConfigError(`${at}: "name" must be a non-empty string`);
  }
  if (typeof kind !== 'string' || !(REMOTE_SOURCE_KINDS as readonly string[]).includes(kind)) {
    throw new ConfigError(
      `${at}: "kind" must be one of ${REMOTE_SOURCE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`,
    );
  }
  if (typeof url !== 'string') throw new ConfigError(`${at}: "url" must be a string`);
  return {
    id,
    name: typeof name === 'string' ? name.trim() : id,
    kind: kind as RemoteSourceKind,
    url: parseBaseUrl(url, `${at}: "url"`),
    headers: parseHeaders(headers, at),
  };
}

function parseHeaders(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) {
    throw new ConfigError(`${where}: "headers" must be an object of string values`);
  }
  const headers: Record<string, string> = {};
  for (const [headerName, headerValue] of Object.entries(value)) {
    if (!HEADER_NAME_PATTERN.test(headerName)) {
      throw new ConfigError(`${where}: invalid header name ${JSON.stringify(headerName)}`);
    }
    if (FORBIDDEN_HEADERS.has(headerName.toLowerCase())) {
      throw new ConfigError(`${where}: the header "${headerName}" is set by the proxy itself`);
    }
    // eslint-disable-next-line no-control-regex -- CR, LF and NUL would allow header injection.
    if (typeof headerValue !== 'string' || /[\r\n\0]/.test(headerValue)) {
      throw new ConfigError(
        `${where}: header "${headerName}" must be a string without line breaks`,
      );
    }
    headers[headerName] = headerValue;
  }
  return headers;
}

/** Validates an http(s) base URL and returns it without a trailing slash. */
function parseBaseUrl(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`${where}: not a valid URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${where}: only http:// and https:// URLs are supported (got ${value})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      `${where}: put credentials in "headers" (e.g. Authorization), not in the URL`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${where}: the URL must not have a query string or fragment`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parsePort(value: string | undefined, variable: string, fallback: number): number {
  const text = nonEmpty(value);
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new ConfigError(`${variable} must be a port number from 0 to 65535 (got "${text}")`);
  }
  return port;
}

function parsePositiveInt(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
    throw new ConfigError(`${where} must be a positive integer (got ${JSON.stringify(value)})`);
  }
  return n;
}

function optionalPositive<K extends 'retentionDays' | 'retentionMb'>(
  env: Env,
  variable: string,
  key: K,
): Partial<Record<K, number>> {
  const text = nonEmpty(env[variable]);
  if (text === undefined) return {};
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${variable} must be a positive number (got "${text}")`);
  }
  return { [key]: value } as Partial<Record<K, number>>;
}

/** Shorter tokens can be guessed; whitespace and control characters cannot travel in a header. */
export const MIN_TOKEN_LENGTH = 12;

function optionalToken<K extends 'authToken' | 'otlpToken'>(
  env: Env,
  variable: string,
  key: K,
): Partial<Record<K, string>> {
  const token = nonEmpty(env[variable]);
  if (token === undefined) return {};
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigError(`${variable} must be printable ASCII without spaces`);
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(
      `${variable} must be at least ${MIN_TOKEN_LENGTH} characters (e.g. \`openssl rand -hex 24\`)`,
    );
  }
  return { [key]: token } as Partial<Record<K, string>>;
}

function parseFlag(value: string | undefined, variable: string, fallback: boolean): boolean {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${variable} must be 0 or 1 (got "${value}")`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
