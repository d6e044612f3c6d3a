/** The recorded OTLP/JSON fixtures with hex ids: every trace file of otlp/, jaeger-v3/ and llm/. */
import { readdirSync } from 'node:fs';
import { fixturePath } from './fixtures';

const LLM_FILES = readdirSync(fixturePath('llm'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(fixturePath(`llm/${d.name}`))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.logs.json'))
      .map((f) => `llm/${d.name}/${f}`),
  )
  .sort();

export const OTLP_HEX_FIXTURES: readonly string[] = [
  'otlp/otlp-proto-examples_trace.json',
  'otlp/otlp-hex_4spans_one-resource.json',
  'otlp/otlp-hex_span-links_all-attr-types.json',
  'jaeger-v3/otlp-hex_example-trace_5-roots_3-services.json',
  'jaeger-v3/otlp-hex_one-span_links_events_error.json',
  'jaeger-v3/snapshot_GetTrace.json',
  ...LLM_FILES,
];

export const LLM_LOG_FIXTURES: readonly string[] = readdirSync(fixturePath('llm'), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(fixturePath(`llm/${d.name}`))
      .filter((f) => f.endsWith('.logs.json'))
      .map((f) => `llm/${d.name}/${f}`),
  );
