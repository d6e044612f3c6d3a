/**
 * fast-check arbitraries for fuzzing the adapters: payloads shaped like each format whose every
 * field is either plausible or junk of any JSON type, ids from a small pool (so parents,
 * duplicates and cycles happen), times from valid to absurd, attribute keys the LLM readers
 * look at, and values nested a few levels. Sizes stay small so 200 runs take well under a second.
 */
import * as fc from 'fast-check';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const FEW = { maxLength: 4 } as const;

/** Any JSON type, shallow. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', 'NaN', '-1', '1e999', '__proto__', '<img src=x onerror=alert(1)>'),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A pool of ids so spans refer to each other: parents, self-parents, cycles, duplicates. */
const pooledId = fc.constantFrom(
  '00000000000000a1',
  '00000000000000a2',
  '00000000000000a3',
  '00000000000000A3',
  '0000000000000000',
  'AAAAAAAAAKE=',
);
const id = fc.oneof({ weight: 4, arbitrary: pooledId }, { weight: 1, arbitrary: junk });

/** ns since the epoch as OTLP writes it, from 0 to past uint64, or junk. */
const nanos = fc.oneof(
  fc.bigInt({ min: 1_699_999_999_000_000_000n, max: 1_700_000_001_000_000_000n }).map(String),
  fc.bigInt({ min: 0n, max: 2n ** 65n }).map(String),
  fc.integer({ min: 0 }),
  junk,
);
/** µs as Jaeger and Zipkin write it. */
const micros = fc.oneof(
  fc.integer({ min: 1_699_999_999_000_000, max: 1_700_000_001_000_000 }),
  fc.double(),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, 1e20, Number.MIN_VALUE),
  fc.integer({ min: -1000, max: 1000 }),
  junk,
);

const attributeKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'gen_ai.operation.name',
    'gen_ai.request.model',
    'gen_ai.input.messages',
    'gen_ai.output.messages',
    'gen_ai.usage.input_tokens',
    'openinference.span.kind',
    'llm.input_messages.0.message.content',
    'llm.token_count.prompt',
    'ai.operationId',
    'langfuse.observation.type',
    'span.kind',
    'error',
  ),
  fc.string({ maxLength: 6 }),
);
/** Strings the LLM readers try to parse as JSON. */
const textValue = fc.oneof(fc.string({ maxLength: 12 }), fc.json({ maxDepth: 3 }), junk);

const { anyValue } = fc.letrec<{ anyValue: unknown }>((tie) => ({
  anyValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ stringValue: textValue }),
    fc.record({ intValue: fc.oneof(fc.integer(), fc.bigInt().map(String), junk) }),
    fc.record({ doubleValue: fc.oneof(fc.double(), junk) }),
    fc.record({ boolValue: fc.oneof(fc.boolean(), junk) }),
    fc.record({ arrayValue: fc.record({ values: fc.array(tie('anyValue'), FEW) }) }),
    fc.record({
      kvlistValue: fc.record({
        values: fc.array(fc.record({ key: attributeKey, value: tie('anyValue') }), FEW),
      }),
    }),
    junk,
  ),
}));

const otlpAttributes = fc.oneof(
  fc.array(fc.oneof(fc.record({ key: attributeKey, value: anyValue }), junk), FEW),
  junk,
);

const otlpSpan = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        traceId: fc.oneof(fc.constant(TRACE), id),
        spanId: id,
        parentSpanId: id,
        name: fc.oneof(fc.string({ maxLength: 8 }), junk),
        kind: fc.oneof(
          fc.integer({ min: -1, max: 7 }),
          fc.constantFrom('SPAN_KIND_SERVER', 'X'),
          junk,
        ),
        startTimeUnixNano: nanos,
        endTimeUnixNano: nanos,
        attributes: otlpAttributes,
        events: fc.oneof(
          fc.array(fc.record({ name: junk, timeUnixNano: nanos, attributes: otlpAttributes }), FEW),
          junk,
        ),
        links: fc.oneof(fc.array(fc.record({ traceId: id, spanId: id }), FEW), junk),
        status: fc.oneof(
          fc.record({ code: fc.oneof(fc.integer({ min: -1, max: 3 }), junk) }),
          junk,
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junk },
);

/** OTLP/JSON (`resourceSpans`), Tempo (`batches`) or Jaeger v3 (`{result}`) documents. */
export const otlpPayload = fc
  .record({
    key: fc.constantFrom('resourceSpans', 'batches'),
    resources: fc.array(
      fc.record(
        {
          resource: fc.oneof(fc.record({ attributes: otlpAttributes }), junk),
          scopeSpans: fc.oneof(
            fc.array(fc.record({ scope: junk, spans: fc.array(otlpSpan, { maxLength: 8 }) }), FEW),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      FEW,
    ),
    wrap: fc.constantFrom('none', 'result', 'list'),
  })
  .map(({ key, resources, wrap }) => {
    const doc = { [key]: resources };
    if (wrap === 'result') return { result: doc };
    return wrap === 'list' ? [doc, doc] : doc;
  });

const jaegerTag = fc.oneof(
  fc.record(
    {
      key: attributeKey,
      type: fc.oneof(fc.constantFrom('string', 'bool', 'int64', 'float64', 'binary'), junk),
      value: fc.oneof(textValue, fc.boolean(), fc.double(), junk),
    },
    { requiredKeys: [] },
  ),
  junk,
);
const jaegerTags = fc.oneof(fc.array(jaegerTag, FEW), junk);

const jaegerSpan = fc.record(
  {
    traceID: fc.oneof(fc.constant(TRACE), junk),
    spanID: id,
    operationName: fc.oneof(fc.string({ maxLength: 8 }), junk),
    references: fc.oneof(
      fc.array(
        fc.record({
          refType: fc.oneof(fc.constantFrom('CHILD_OF', 'FOLLOWS_FROM'), junk),
          spanID: id,
        }),
        FEW,
      ),
      junk,
    ),
    parentSpanID: id,
    startTime: micros,
    duration: micros,
    tags: jaegerTags,
    logs: fc.oneof(fc.array(fc.record({ timestamp: micros, fields: jaegerTags }), FEW), junk),
    processID: fc.oneof(fc.constantFrom('p1', 'p2', '__proto__'), junk),
    process: fc.oneof(fc.record({ serviceName: junk, tags: jaegerTags }), junk),
    warnings: fc.oneof(fc.array(junk, FEW), junk),
  },
  { requiredKeys: [] },
);

/** Jaeger envelope, bare trace object or bare span array. */
export const jaegerPayload = fc
  .record({
    spans: fc.array(fc.oneof({ weight: 6, arbitrary: jaegerSpan }, junk), { maxLength: 8 }),
    processes: fc.oneof(
      fc.dictionary(
        fc.constantFrom('p1', 'p2', '__proto__'),
        fc.record({ serviceName: junk, tags: jaegerTags }),
      ),
      junk,
    ),
    traceID: fc.oneof(fc.constant(TRACE), junk),
    shape: fc.constantFrom('envelope', 'trace', 'spans'),
    errors: fc.oneof(fc.array(junk, FEW), junk),
  })
  .map(({ spans, processes, traceID, shape, errors }) => {
    const trace = { traceID, spans, processes };
    if (shape === 'spans') return spans;
    return shape === 'trace' ? trace : { data: [trace], errors };
  });

const zipkinEndpoint = fc.oneof(
  fc.record({ serviceName: junk, ipv4: junk, port: junk }, { requiredKeys: [] }),
  junk,
);

const zipkinSpan = fc.record(
  {
    traceId: fc.oneof(fc.constant(TRACE.slice(16)), junk),
    id,
    parentId: id,
    name: fc.oneof(fc.string({ maxLength: 8 }), junk),
    kind: fc.oneof(fc.constantFrom('CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER', 'x'), junk),
    shared: fc.oneof(fc.boolean(), junk),
    timestamp: micros,
    duration: micros,
    localEndpoint: zipkinEndpoint,
    remoteEndpoint: zipkinEndpoint,
    tags: fc.oneof(fc.dictionary(attributeKey, fc.oneof(textValue, junk)), junk),
    annotations: fc.oneof(fc.array(fc.record({ timestamp: micros, value: junk }), FEW), junk),
  },
  { requiredKeys: ['traceId', 'id'] },
);

/** A Zipkin span list, a single span, or a list of lists (search results). */
export const zipkinPayload = fc.oneof(
  fc.array(fc.oneof({ weight: 6, arbitrary: zipkinSpan }, junk), { maxLength: 8 }),
  zipkinSpan,
  fc.array(fc.array(zipkinSpan, FEW), FEW),
);
