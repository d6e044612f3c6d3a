// @vitest-environment jsdom
import { calcPrice } from '@pydantic/genai-prices';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLlmFixture, spanById } from '../../../test/llm-fixtures';
import { groupLogsBySpan } from '../../model/llm/extract';
import { asNanos, offsetToEpochMillis, type Attribute, type Span } from '../../model/trace';
import { LlmSection } from './LlmSection';

afterEach(cleanup);

const value = (testId: string) => screen.getByTestId(testId).getAttribute('data-value');

function renderFixtureSpan(name: string, spanId: string) {
  const fixture = loadLlmFixture(name);
  const span = spanById(fixture, spanId);
  const logs = groupLogsBySpan(fixture.logs, fixture.tree.trace.traceId).get(spanId);
  const at = offsetToEpochMillis(fixture.tree.trace, span.startNs);
  return render(<LlmSection span={span} logs={logs} spanStartEpochMs={at} />);
}

function syntheticSpan(attributes: Attribute[]): Span {
  return {
    spanId: 'e1',
    sourceSpanId: 'e1',
    traceId: 't1',
    name: 'chat',
    kind: 'client',
    status: { code: 'unset' },
    startNs: asNanos(0),
    durationNs: asNanos(1),
    resourceIndex: 0,
    attributes,
    events: [],
    references: [],
    warnings: [],
  };
}
const s = (key: string, v: string): Attribute => ({ key, value: { type: 'string', value: v } });
const i = (key: string, v: number): Attribute => ({
  key,
  value: { type: 'int', value: String(v) },
});

describe('LlmSection', () => {
  it('shows requested and served model, provider, tokens and the list-price cost', async () => {
    renderFixtureSpan('openinference-openai/agent', 'd0b3458d1545424b');
    expect(value('detail-model')).toBe('gpt-4.1');
    expect(value('detail-response-model')).toBe('gpt-4.1-2025-04-14');
    expect(value('detail-provider')).toBe('openai');
    expect(value('detail-input-tokens')).toBe('298');
    expect(value('detail-cached-tokens')).toBe('128');
    expect(value('detail-output-tokens')).toBe('124');
    const expected = calcPrice(
      { input_tokens: 298, output_tokens: 124, cache_read_tokens: 128, cache_write_tokens: 0 },
      'gpt-4.1-2025-04-14',
      { providerId: 'openai', timestamp: new Date(1795275324748) },
    )?.total_price;
    await waitFor(() => expect(value('detail-cost-usd')).not.toBeNull());
    expect(Number(value('detail-cost-usd'))).toBeCloseTo(expected ?? Number.NaN, 12);
  });

  it('shows the conversation by role and tool calls with pretty-printed arguments', () => {
    renderFixtureSpan('openinference-openai/agent', 'd0b3458d1545424b');
    const input = screen.getByTestId('detail-input');
    expect([...input.querySelectorAll('.llm-role')].map((e) => e.textContent)).toEqual([
      'system',
      'user',
    ]);
    expect(input.textContent).toContain("I'm going to Paris next weekend");
    const output = screen.getByTestId('detail-output');
    expect(within(output).getByText('check_hotel_availability')).toBeTruthy();
    expect(within(output).getByLabelText('Arguments of get_weather').textContent).toBe(
      '{\n  "city": "Paris",\n  "date": "2026-11-28",\n  "unit": "celsius"\n}',
    );
  });

  it('switches the messages to raw JSON', () => {
    renderFixtureSpan('openinference-openai/agent', 'd0b3458d1545424b');
    fireEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    const raw = screen.getByTestId('detail-input').querySelector('pre')?.textContent ?? '';
    expect((JSON.parse(raw) as { role: string }[]).map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('shows content from OTLP log records (official OTel instrumentation)', () => {
    renderFixtureSpan('otel-genai-openai/agent', 'b416d07d5ab3eae8');
    const roles = [...screen.getByTestId('detail-input').querySelectorAll('.llm-role')];
    expect(roles.map((e) => e.textContent)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'tool',
      'tool',
    ]);
    expect(screen.getByTestId('detail-output').textContent).toContain('Here is your trip summary');
    expect(screen.getByTestId('detail-cached-tokens').getAttribute('data-value')).toBeNull();
  });

  it('shows a failed Langfuse generation and its span-recorded $0 cost', () => {
    renderFixtureSpan('langfuse-openai/server_error', '690c0b42bd69fc58');
    expect(
      screen.getByText(
        'Error: 500 The server had an error while processing your request. Sorry about that!',
      ),
    ).toBeTruthy();
    expect(value('detail-cost-usd')).toBe('0');
    expect(screen.queryByTestId('detail-response-model')).toBeNull();
  });

  it('shows a tool span as arguments and result', () => {
    renderFixtureSpan('vercel-ai/agent', '3b9713f17c43a2e6');
    expect(screen.getByTestId('detail-input').textContent).toContain('"unit": "celsius"');
    expect(screen.getByTestId('detail-output').textContent).toContain('"forecast": "light rain"');
    expect(screen.queryByTestId('detail-cost-usd')).toBeNull();
  });

  it('says unknown for a model without a price', async () => {
    render(
      <LlmSection
        span={syntheticSpan([
          s('gen_ai.operation.name', 'chat'),
          s('gen_ai.request.model', 'acme-llm-9000'),
          i('gen_ai.usage.input_tokens', 10),
          i('gen_ai.usage.output_tokens', 5),
        ])}
      />,
    );
    await waitFor(() => expect(screen.getByTestId('detail-cost-usd').textContent).toBe('unknown'));
    expect(value('detail-cost-usd')).toBeNull();
  });

  it('renders an XSS payload in a message as inert text', () => {
    const payload = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) **bold**';
    const { container } = render(
      <LlmSection
        span={syntheticSpan([
          s('gen_ai.operation.name', 'chat'),
          s(
            'gen_ai.input.messages',
            JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: payload }] }]),
          ),
        ])}
      />,
    );
    const input = screen.getByTestId('detail-input');
    expect(container.querySelector('img')).toBeNull();
    expect(input.querySelector('a')).toBeNull();
    expect(input.textContent).toContain(
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) bold',
    );
    expect(input.querySelector('strong')?.textContent).toBe('bold');
    fireEvent.click(screen.getByRole('radio', { name: 'Text' }));
    expect(input.querySelector('strong')).toBeNull();
    expect(input.textContent).toContain(payload);
  });

  it('collapses long content until "show all"', () => {
    const long = `${'word '.repeat(1_000)}END`;
    render(
      <LlmSection
        span={syntheticSpan([
          s('gen_ai.operation.name', 'chat'),
          s(
            'gen_ai.output.messages',
            JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: long }] }]),
          ),
        ])}
      />,
    );
    const output = screen.getByTestId('detail-output');
    expect(output.textContent).not.toContain('END');
    fireEvent.click(within(output).getByRole('button', { name: /show all/ }));
    expect(output.textContent).toContain('END');
  });

  it('renders nothing for a span without LLM data', () => {
    const { container } = render(<LlmSection span={syntheticSpan([s('http.method', 'GET')])} />);
    expect(container.innerHTML).toBe('');
  });
});
