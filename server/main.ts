/**
 * Entry point of the bundled server (dist/server/main.js): reads the configuration, listens, and
 * shuts down cleanly on SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs';
import { createServer } from './app';
import { ConfigError, loadConfig } from './config';
import type { ServerConfig } from './config';
import { startLocalStore } from './local/start-local-store';
import type { LocalStore } from './local/start-local-store';

const SHUTDOWN_GRACE_MS = 5_000;

function readFileIfPresent(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${filePath}: ${(error as Error).message}`);
  }
}

function readConfig(): ServerConfig {
  try {
    return loadConfig(process.env, readFileIfPresent);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Tracefall: configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function errorText(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code === 'EADDRINUSE' ? 'the port is already in use' : (message ?? String(error));
}

async function openLocalStore(config: ServerConfig): Promise<LocalStore> {
  try {
    return await startLocalStore(config, (message) => console.log(`Tracefall: ${message}`));
  } catch (error) {
    console.error(
      `Tracefall: cannot open the local store in ${config.dataDir}: ${errorText(error)}`,
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const local = await openLocalStore(config);
  const server = createServer(config, {
    routes: local.routes,
    builtInSources: local.builtInSources,
  });

  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
    console.error(`Tracefall: cannot listen on ${config.host}:${config.port}: ${reason}`);
    process.exit(1);
  });

  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Tracefall listening on http://${hostForUrl(config.host)}:${port}`);
    console.log(`  local store: ${local.store.filePath} (OTLP/HTTP also on this port)`);
    if (config.configPath) console.log(`  config: ${config.configPath}`);
    if (config.sources.length === 0) {
      console.log('  sources: none configured (set JAEGER_URL, TEMPO_URL or TRACEFALL_CONFIG)');
    }
    if (config.authToken !== undefined) {
      console.log('  API: access token required (TRACEFALL_AUTH_TOKEN)');
    } else if (!isLoopback(config.host)) {
      console.warn(
        `  warning: listening on ${config.host} without TRACEFALL_AUTH_TOKEN: anyone who can reach this port can read every trace`,
      );
    }
    if (config.otlpToken !== undefined) {
      console.log('  OTLP receiver: Bearer token required (TRACEFALL_OTLP_TOKEN)');
    }
    for (const source of config.sources) {
      // Headers may hold credentials: log only their names.
      const headerNames = Object.keys(source.headers);
      const headers = headerNames.length > 0 ? ` (headers: ${headerNames.join(', ')})` : '';
      console.log(`  source ${source.id} [${source.kind}] ${source.url}${headers}`);
    }
  });

  local.listenOtlp().then(
    (otlpPort) => {
      if (otlpPort === undefined) return;
      const base = `http://${hostForUrl(config.host)}:${otlpPort}`;
      console.log(`  OTLP/HTTP receiver: ${base}/v1/traces and ${base}/v1/logs`);
    },
    (error: unknown) => {
      // The receiver still answers on PORT; a busy 4318 (a Collector running) is not fatal.
      console.error(
        `Tracefall: cannot listen for OTLP on ${config.host}:${config.otlpHttpPort}: ${errorText(error)}`,
      );
    },
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Tracefall: ${signal} received, shutting down`);
    server.close(() => {
      local.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Tracefall: ${errorText(error)}`);
  process.exit(1);
});
