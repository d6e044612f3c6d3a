import { describe, expect, it } from 'vitest';
import { loadLlmFixture, mustCallOf } from '../../test/llm-fixtures';
import type { LlmCall } from './llm/llm-call';
import { asEpochMicros, asNanos, type Span, type Trace } from './trace';
import {
  DEFAULT_MASKED_KEYS,
  MASKED,
  isMaskedKey,
  maskAttributeValue,
  maskLlmCall,
  maskSensitive,
  maskTrace,
  passesLuhn,
} from './mask';

describe('maskSensitive', () => {
  it.each([
    ['mail jane.doe+tag@example.co.uk now', 'mail [email] now'],
    ['call +1 (555) 123-4567 or 555-123-4567', 'call [phone] or [phone]'],
    ['ring +49 30 12345678.', 'ring [phone].'],
    ['key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t done', 'key [api-key] done'],
    ['anthropic sk-ant-api03-abcdefghijklmnop_qrstuvwx', 'anthropic [api-key]'],
    ['aws AKIAIOSFODNN7EXAMPLE', 'aws [api-key]'],
    ['gh ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'gh [api-key]'],
    ['slack xoxb-1234567890-abcdefghij', 'slack [api-key]'],
    ['Authorization: Bearer abc.def-ghi_jkl~mno', `Authorization: Bearer ${MASKED}`],
    ['basic Basic dXNlcjpwYXNzd29yZA==', `basic Basic ${MASKED}`],
    ['jwt eyJhbGciOi.eyJzdWIiOi.SflKxwRJSM', 'jwt [jwt]'],
    ['api_key=9f8e7d6c5b4a39281706f5e4', `api_key=${MASKED}`],
    ['{"client_secret": "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}', `{"client_secret": "${MASKED}"}`],
    ['password=hunter2&user=bob', `password=${MASKED}&user=bob`],
    ['card 4111 1111 1111 1111 paid', 'card [card] paid'],
    ['amex 3782-822463-10005', 'amex [card]'],
  ])('masks %j', (input, expected) => {
    expect(maskSensitive(input)).toBe(expected);
  });

  it.each([
    'trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7',
    'started 1700000000000000000 ns, took 1234567 µs',
    'card-like 4111 1111 1111 1112 fails Luhn',
    'on 2024-01-15 at 10:30:45 from 192.168.100.200 v1.2.3',
    '"max_tokens": 4096, "input_tokens": 12345678901234',
    'tokens: 1,234 and 5,678',
    'a token of 7 chars: abc1234',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(maskSensitive(input)).toBe(input);
  });

  it('keeps JSON valid (LLM messages)', () => {
    const messages = JSON.stringify([
      {
        role: 'user',
        content: 'I am bob@example.com, card 4242 4242 4242 4242, token=abcdefghijklmnop',
      },
    ]);
    const masked = maskSensitive(messages);
    expect(JSON.parse(masked)).toEqual([
      { role: 'user', content: `I am [email], card [card], token=${MASKED}` },
    ]);
  });

  it("masks `key: value` in text for the user's own keys", () => {
    expect(maskSensitive('x-tenant: acme-42 ok', { maskedKeys: ['x-tenant'] })).toBe(
      `x-tenant: ${MASKED} ok`,
    );
    expect(maskSensitive('x-tenant: acme-42 ok')).toBe('x-tenant: acme-42 ok');
  });

  it('stays fast on a 5 MB value', () => {
    const huge = `${'lorem ipsum 12 '.repeat(350_000)} me@example.com`;
    const started = performance.now();
    expect(maskSensitive(huge).endsWith(' [email]')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('passesLuhn', () => {
  it('checks the checksum and the length', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('0')).toBe(false);
  });
});

describe('isMaskedKey', () => {
  it.each([
    ['authorization', true],
    ['http.request.header.authorization', true],
    ['http.request.header.x-api-key', true],
    ['http.response.header.set-cookie', true],
    ['db.password', true],
    ['aws.secret_access_key', true],
    ['oauth.token', true],
    ['gen_ai.usage.input_tokens', false],
    ['llm.token_count.prompt', false],
    ['auth.token_type', false],
    ['http.method', false],
    ['user.email', false],
  ])('%s → %s', (key, expected) => {
    expect(isMaskedKey(key, DEFAULT_MASKED_KEYS)).toBe(expected);
  });
});

describe('maskAttributeValue', () => {
  it('replaces string values under secret keys, keeps numbers, masks text elsewhere', () => {
    expect(
      maskAttributeValue('http.request.header.cookie', { type: 'string', value: 'sid=1' }),
    ).toEqual({ type: 'string', value: MASKED });
    expect(maskAttributeValue('llm.token_count.prompt', { type: 'int', value: '42' })).toEqual({
      type: 'int',
      value: '42',
    });
    expect(maskAttributeValue('note', { type: 'string', value: 'a@b.io' })).toEqual({
      type: 'string',
      value: '[email]',
    });
    const map = maskAttributeValue('headers', {
      type: 'map',
      value: [
        { key: 'Authorization', value: { type: 'string', value: 'Bearer abcdefgh12345' } },
        { key: 'Accept', value: { type: 'string', value: 'application/json' } },
      ],
    });
    expect(map).toEqual({
      type: 'map',
      value: [
        { key: 'Authorization', value: { type: 'string', value: MASKED } },
        { key: 'Accept', value: { type: 'string', value: 'application/json' } },
      ],
    });
  });
});

describe('maskTrace', () => {
  const span: Span = {
    spanId: 'a1',
    sourceSpanId: 'a1',
    traceId: 't1',
    name: 'email bob@example.com',
    kind: 'client',
    status: { code: 'error', message: 'denied for Bearer abcdefghijkl' },
    startNs: asNanos(0),
    durationNs: asNanos(5),
    resourceIndex: 0,
    attributes: [{ key: 'api_key', value: { type: 'string', value: 'short' } }],
    events: [
      {
        name: 'e',
        timeNs: asNanos(1),
        attributes: [{ key: 'phone', value: { type: 'string', value: '+1 555 123 4567' } }],
      },
    ],
    references: [],
    warnings: ['token=abcdefghijklmnopq'],
  };
  const trace: Trace = {
    traceId: 't1',
    startEpochUs: asEpochMicros(1),
    spans: [span],
    resources: [
      {
        serviceName: 'svc',
        attributes: [{ key: 'host.owner', value: { type: 'string', value: 'ops@example.com' } }],
      },
    ],
    warnings: [],
  };

  it('returns a masked copy and leaves the original untouched', () => {
    const masked = maskTrace(trace);
    const [copy] = masked.spans;
    expect(copy?.name).toBe('email [email]');
    expect(copy?.status.message).toBe(`denied for Bearer ${MASKED}`);
    expect(copy?.attributes[0]?.value).toEqual({ type: 'string', value: MASKED });
    expect(copy?.events[0]?.attributes[0]?.value).toEqual({ type: 'string', value: '[phone]' });
    expect(copy?.warnings).toEqual([`token=${MASKED}`]);
    expect(masked.resources[0]?.attributes[0]?.value).toEqual({ type: 'string', value: '[email]' });
    expect(copy?.spanId).toBe('a1');
    expect(span.name).toBe('email bob@example.com');
  });
});

describe('maskLlmCall', () => {
  const fixture = loadLlmFixture('openinference-openai/agent');
  const llm = mustCallOf(fixture, 'd0b3458d1545424b');
  const tool = mustCallOf(fixture, 'ed55926e857aa74e');
  const mask = (text: string) => maskSensitive(text, { maskedKeys: ['user.id'] });
  /** The recorded call with personal data put into its texts, in memory. */
  const seeded = (call: LlmCall): LlmCall =>
    JSON.parse(
      JSON.stringify(call).replaceAll('Paris', 'Paris (bob@example.com, user.id: u-9, ok)'),
    ) as LlmCall;

  it('masks the messages and tool-call arguments of a recorded chat call', () => {
    const masked = maskLlmCall(seeded(llm), mask);
    expect(JSON.stringify(masked)).not.toContain('bob@example.com');
    expect(JSON.stringify(masked)).not.toContain('u-9');
    expect(masked.inputMessages[1]?.parts[0]).toEqual({
      type: 'text',
      text: expect.stringContaining(`I'm going to Paris ([email], user.id: ${MASKED}, ok) next`),
    });
    const args = masked.outputMessages[0]?.toolCalls[0]?.arguments ?? '';
    expect(JSON.parse(args)).toEqual({
      city: `Paris ([email], user.id: ${MASKED}, ok)`,
      date: '2026-11-28',
      unit: 'celsius',
    });
    expect(masked.outputMessages[0]?.toolCalls[0]?.id).toBe(
      llm.outputMessages[0]?.toolCalls[0]?.id,
    );
    expect([masked.requestModel, masked.responseModel, masked.usage]).toEqual([
      llm.requestModel,
      llm.responseModel,
      llm.usage,
    ]);
  });

  it('masks the arguments and result of a recorded tool execution', () => {
    const masked = maskLlmCall(seeded(tool), mask);
    expect(masked.tool?.arguments).toContain('[email]');
    expect(masked.tool?.result).toContain('[email]');
    expect(masked.inputText).toContain('[email]');
    expect(JSON.stringify(masked)).not.toContain('bob@example.com');
  });

  it('changes nothing with the identity masker', () => {
    expect(maskLlmCall(llm, (text) => text)).toEqual(llm);
    expect(maskLlmCall(tool, (text) => text)).toEqual(tool);
  });

  it('runs every free text through the masker', () => {
    const call: LlmCall = {
      ...llm,
      systemInstructions: ['sys'],
      error: { type: 'RateLimit', message: 'err' },
      evaluations: [{ name: 'judge', score: 1, label: 'lbl', explanation: 'why' }],
      embeddingInputs: ['emb'],
      retrievalDocuments: [{ id: 'd1', content: 'doc', metadata: '{"m":1}' }],
      inputText: 'in',
      outputText: 'out',
    };
    const masked = maskLlmCall(call, (text) => `<${text}>`);
    expect(masked.systemInstructions).toEqual(['<sys>']);
    expect(masked.error).toEqual({ type: 'RateLimit', message: '<err>' });
    expect(masked.evaluations).toEqual([
      { name: 'judge', score: 1, label: '<lbl>', explanation: '<why>' },
    ]);
    expect(masked.embeddingInputs).toEqual(['<emb>']);
    expect(masked.retrievalDocuments).toEqual([
      { id: 'd1', content: '<doc>', metadata: '<{"m":1}>' },
    ]);
    expect([masked.inputText, masked.outputText]).toEqual(['<in>', '<out>']);
    expect(masked.toolDefinitions[0]?.description).toBe(`<${llm.toolDefinitions[0]?.description}>`);
    expect(masked.toolDefinitions[0]?.name).toBe(llm.toolDefinitions[0]?.name);
  });
});
