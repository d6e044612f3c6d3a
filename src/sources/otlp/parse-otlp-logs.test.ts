import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/fixtures';
import { findAttribute, type ParsedTrace } from '../../model/trace';
import { offsetFromEpochUs } from './otlp-time';
import { NotOtlpError, parseOtlpLogs } from './parse-otlp-logs';
import { parseOtlpTraces } from './parse-otlp';

const DIR = 'llm/otel-genai-openai';

/** [scenario, record count, event names in order], read off the `.logs.json` files. */
const SCENARIOS: readonly (readonly [string, number, readonly string[]])[] = [
  ['rag', 3, ['gen_ai.system.message', 'gen_ai.user.message', 'gen_ai.choice']],
  ['streaming', 3, ['gen_ai.system.message', 'gen_ai.user.message', 'gen_ai.choice']],
  ['server_error', 2, ['gen_ai.system.message', 'gen_ai.user.message']],
  [
    'rate_limit_retry',
    5,
    [
      'gen_ai.system.message',
      'gen_ai.user.message',
      'gen_ai.system.message',
      'gen_ai.user.message',
      'gen_ai.choice',
    ],
  ],
  [
    'agent',
    10,
    [
      'gen_ai.system.message',
      'gen_ai.user.message',
      'gen_ai.choice',
      'gen_ai.system.message',
      'gen_ai.user.message',
      'gen_ai.assistant.message',
      'gen_ai.tool.message',
      'gen_ai.tool.message',
      'gen_ai.tool.message',
      'gen_ai.choice',
    ],
  ],
];

describe('otel-genai-openai log fixtures', () => {
  it.each(SCENARIOS)('%s: %i records that land inside their own spans', (name, count, events) => {
    const records = parseOtlpLogs(loadFixture(`${DIR}/${name}.logs.json`));
    const [parsed] = parseOtlpTraces(loadFixture(`${DIR}/${name}.json`));
    const { trace } = parsed as ParsedTrace;
    expect(records).toHaveLength(count);
    expect(records.map((r) => r.eventName)).toEqual(events);
    for (const record of records) {
      expect(record.traceId).toBe(trace.traceId);
      const span = trace.spans.find((s) => s.spanId === record.spanId);
      expect(span?.name).toMatch(/^chat /);
      expect(record.severityNumber).toBe(9);
      expect(record.resource.serviceName).toBe('support-assistant-api');
      expect(record.scope).toEqual({
        name: '@opentelemetry/instrumentation-openai',
        version: '0.21.0',
      });
      expect(record.body.type).toBe('map');
      const offset = offsetFromEpochUs(record.timeUnixNano ?? '', trace.startEpochUs) ?? -1;
      expect(offset).toBeGreaterThanOrEqual(span?.startNs ?? Infinity);
      expect(offset).toBeLessThanOrEqual((span?.startNs ?? 0) + (span?.durationNs ?? 0));
    }
  });

  it('rag: message content, attributes and times', () => {
    const [system, user, choice] = parseOtlpLogs(loadFixture(`${DIR}/rag.logs.json`));
    expect(system).toMatchObject({
      traceId: '06f5125c05bb73214beed2916dbc3a47',
      spanId: 'cdaad145e97c201a',
      timeUnixNano: '1795275340589000000',
      observedTimeUnixNano: '1795275340589000000',
    });
    expect(system?.severityText).toBeUndefined();
    expect(system?.body).toEqual({
      type: 'map',
      value: [
        {
          key: 'content',
          value: {
            type: 'string',
            value:
              "You are Acme's support assistant. Answer only from the provided context and cite document ids in brackets.",
          },
        },
      ],
    });
    expect(findAttribute(user?.attributes ?? [], 'gen_ai.system')).toEqual({
      type: 'string',
      value: 'openai',
    });
    expect(choice?.timeUnixNano).toBe('1795275340715000000');
    expect(choice?.body.type === 'map' && choice.body.value.map((e) => e.key)).toContain(
      'finish_reason',
    );
  });

  it('agent: the assistant message keeps its nested tool_calls array of maps', () => {
    const records = parseOtlpLogs(loadFixture(`${DIR}/agent.logs.json`));
    const assistant = records.find((r) => r.eventName === 'gen_ai.assistant.message');
    const toolCalls =
      assistant?.body.type === 'map'
        ? findAttribute(assistant.body.value, 'tool_calls')
        : undefined;
    expect(toolCalls?.type).toBe('array');
    expect(toolCalls?.type === 'array' && toolCalls.value.map((v) => v.type)).toEqual([
      'map',
      'map',
      'map',
    ]);
  });
});

describe('parseOtlpLogs leniency', () => {
  it('reads base64 ids, the eventName field, pre-1.0 names, and skips junk records', () => {
    const payload = [
      {
        resourceLogs: [
          {
            instrumentationLibraryLogs: [
              {
                instrumentationLibrary: { name: 'old' },
                logs: [
                  {
                    traceId: 'QpC1h3qZMN55u0KDZTmOzA==',
                    spanId: 'AAAAAAAAAAI=',
                    eventName: 'gen_ai.choice',
                    attributes: [{ key: 'event.name', value: { stringValue: 'ignored' } }],
                    timeUnixNano: 1234,
                    severityText: 'INFO',
                    body: { stringValue: 'hi' },
                  },
                  'junk',
                  { spanId: '', traceId: 42 },
                ],
              },
            ],
          },
        ],
      },
    ];
    const [first, second, ...rest] = parseOtlpLogs(payload);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      traceId: '4290b5877a9930de79bb428365398ecc',
      spanId: '0000000000000002',
      eventName: 'gen_ai.choice',
      timeUnixNano: '1234',
      severityText: 'INFO',
      body: { type: 'string', value: 'hi' },
      resource: { serviceName: 'unknown_service', attributes: [] },
      scope: { name: 'old' },
    });
    expect(second).toMatchObject({ body: { type: 'empty' }, attributes: [] });
    expect(second?.traceId).toBeUndefined();
    expect(second?.spanId).toBeUndefined();
  });

  it('rejects a trace payload as not OTLP logs', () => {
    expect(() => parseOtlpLogs(loadFixture(`${DIR}/rag.json`))).toThrow(NotOtlpError);
  });
});
