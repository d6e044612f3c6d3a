/**
 * Everything `npm start` needs for "no backend required": the store in TRACEFALL_DATA_DIR,
 * the example traces, background retention, the OTLP receiver (on PORT and on
 * OTLP_HTTP_PORT) and the `local` source's API routes.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SourceInfo } from '../../src/sources/source';
import type { RouteHandler } from '../app';
import type { ServerConfig } from '../config';
import { loadDemoOnce } from '../demo/load-demo';
import { createOtlpRoute, createOtlpServer } from '../otlp/otlp-receiver';
import {
  DEFAULT_RETENTION_DAYS,
  DEFAULT_RETENTION_MB,
  startRetention,
  type RetentionTimer,
} from '../store/retention';
import { SpanStore } from '../store/span-store';
import { LOCAL_SOURCE, createLocalRoutes } from './local-routes';

export interface LocalStore {
  readonly store: SpanStore;
  /** Register these before the proxy routes. */
  readonly routes: readonly RouteHandler[];
  readonly builtInSources: readonly SourceInfo[];
  /** Starts the dedicated OTLP listener (no-op when OTLP_HTTP_PORT is 0); resolves its port. */
  listenOtlp(): Promise<number | undefined>;
  /** Stops the OTLP listener and retention, then closes the store after queued writes commit. */
  close(): Promise<void>;
}

export async function startLocalStore(
  config: ServerConfig,
  log: (message: string) => void,
): Promise<LocalStore> {
  const store = await SpanStore.open({ dataDir: config.dataDir });
  if (config.demo) await loadDemoOnce(store, log);
  const retention: RetentionTimer = startRetention(
    store,
    {
      maxAgeDays: config.retentionDays ?? DEFAULT_RETENTION_DAYS,
      maxSizeMb: config.retentionMb ?? DEFAULT_RETENTION_MB,
    },
    { log },
  );
  const otlpRoute = createOtlpRoute(store, {
    log,
    ...(config.otlpToken !== undefined && { token: config.otlpToken }),
  });
  let otlpServer: Server | undefined;

  return {
    store,
    routes: [otlpRoute, createLocalRoutes(store, log)],
    builtInSources: [LOCAL_SOURCE],
    listenOtlp() {
      // 0 turns the listener off; PORT itself already answers /v1/traces and /v1/logs.
      if (config.otlpHttpPort === 0 || config.otlpHttpPort === config.port) {
        return Promise.resolve(undefined);
      }
      const server = createOtlpServer(otlpRoute, log);
      otlpServer = server;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.otlpHttpPort, config.host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      if (otlpServer?.listening) {
        const server = otlpServer;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
      }
      await retention.stop();
      await store.close();
    },
  };
}
