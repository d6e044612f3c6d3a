// @vitest-environment jsdom
/**
 * "Mask sensitive values" across the whole panel, on the real OpenInference agent trace. No
 * fixture message holds personal data, so the test puts an e-mail address and an API key into
 * the trace in memory (the fixture file is untouched) wherever the panel shows trace text.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLlmFixture } from '../../../test/llm-fixtures';
import { DEFAULT_MASKED_KEYS } from '../../model/mask';
import { traceFromTable } from '../../model/span-table';
import { buildSpanTree, type SpanTree } from '../../model/span-tree';
import type { Attribute, Span } from '../../model/trace';
import { usePrivacy } from '../../state/privacy';
import { SpanDetail } from './SpanDetail';
import { str } from './test-tree';

const LLM_SPAN = 'd0b3458d1545424b';
const EMAIL = 'jane.doe@example.com';
const API_KEY = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t';
/** Put after every "Paris": user message, tool-call arguments, input.value, output.value… */
const SECRET = `(${EMAIL}, ${API_KEY})`;

function withSecret(attributes: readonly Attribute[]): Attribute[] {
  return attributes.map((attribute) =>
    attribute.value.type === 'string'
      ? { key: attribute.key, value: { type: 'string', value: addSecret(attribute.value.value) } }
      : attribute,
  );
}

function addSecret(text: string): string {
  return text.replaceAll('Paris', `Paris ${SECRET}`);
}

function seed(span: Span): Span {
  return {
    ...span,
    attributes: withSecret(span.attributes),
    status: { code: 'error', message: `quota exceeded for ${EMAIL}` },
    events: [
      {
        name: `retry for ${EMAIL}`,
        timeNs: span.startNs,
        attributes: [str('retry.header', `Bearer ${API_KEY}`)],
      },
    ],
    references: span.references.map((reference) => ({
      ...reference,
      attributes: [str('link.note', `from ${EMAIL}`)],
    })),
  };
}

function seededTree(): SpanTree {
  const trace = traceFromTable(loadLlmFixture('openinference-openai/agent').tree.trace);
  return buildSpanTree({
    ...trace,
    spans: trace.spans.map((span) => (span.spanId === LLM_SPAN ? seed(span) : span)),
    resources: trace.resources.map((resource) => ({
      ...resource,
      attributes: [...resource.attributes, str('service.owner', EMAIL)],
    })),
  });
}

const tree = seededTree();

async function renderLlmSpan() {
  const node = tree.nodeById.get(LLM_SPAN);
  if (node === undefined) throw new Error('no LLM span');
  render(<SpanDetail tree={tree} node={node} onSelectSpan={vi.fn()} onClose={vi.fn()} />);
  await screen.findByTestId('detail-input');
  // The resource section starts closed; open it so its attributes are in the DOM too.
  fireEvent.click(screen.getByRole('button', { name: /Resource/ }));
  return screen.getByTestId('span-detail');
}

const writeText = vi.fn(async (_text: string) => {});

beforeEach(() => {
  writeText.mockClear();
  vi.stubGlobal('navigator', { clipboard: { writeText } });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  act(() => usePrivacy.setState({ maskInPanel: false, maskedKeys: DEFAULT_MASKED_KEYS }));
});

describe('SpanDetail with "mask sensitive values"', () => {
  it('shows the values as sent while masking is off', async () => {
    const panel = await renderLlmSpan();
    expect(screen.getByTestId('detail-input').textContent).toContain(EMAIL);
    expect(screen.getByLabelText('Arguments of get_weather').textContent).toContain(API_KEY);
    expect(panel.textContent).toContain(`retry for ${EMAIL}`);
    expect(panel.textContent).toContain(`from ${EMAIL}`);
  });

  it.each(['Markdown', 'Text', 'JSON'])(
    'masks every piece of trace text in the %s view',
    async (view) => {
      act(() => usePrivacy.setState({ maskInPanel: true }));
      const panel = await renderLlmSpan();
      fireEvent.click(screen.getByRole('radio', { name: view }));
      for (const testId of ['detail-input', 'detail-output']) {
        const text = screen.getByTestId(testId).textContent ?? '';
        expect(text).toContain('[email]');
        expect(text).toContain('[api-key]');
      }
      expect(panel.textContent).toContain('quota exceeded for [email]');
      expect(panel.textContent).toContain('retry for [email]');
      expect(panel.textContent).toContain('from [email]');
      expect(panel.textContent).toContain('Bearer [masked]');
      expect(document.body.innerHTML).not.toContain(EMAIL);
      expect(document.body.innerHTML).not.toContain(API_KEY);
      // What stays: the message itself, the models and the ids.
      expect(screen.getByTestId('detail-input').textContent).toContain('Paris');
      expect(screen.getByTestId('detail-model').dataset.value).toBe('gpt-4.1');
    },
  );

  it('masks the tool-call arguments and copies the masked text', async () => {
    act(() => usePrivacy.setState({ maskInPanel: true }));
    await renderLlmSpan();
    const args = screen.getByLabelText('Arguments of get_weather');
    expect(args.textContent).toContain('"city": "Paris ([email], [api-key])"');

    fireEvent.click(screen.getByRole('button', { name: 'Copy arguments of get_weather' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]?.[0]).toContain('"city": "Paris ([email], [api-key])"');

    const input = screen.getByTestId('detail-input');
    fireEvent.click(within(input).getByRole('button', { name: 'Copy user message' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[1]?.[0]).toContain("I'm going to Paris ([email], [api-key])");

    const contents = screen
      .getAllByTestId('detail-attribute')
      .find((row) => row.textContent?.startsWith('llm.input_messages.1.message.content'));
    if (!contents) throw new Error('no message content attribute');
    fireEvent.click(within(contents).getByRole('button', { name: /^Copy value of/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(3));
    for (const [copied] of writeText.mock.calls) {
      expect(copied).not.toContain(EMAIL);
      expect(copied).not.toContain(API_KEY);
    }
  });

  it('copies the text as sent while masking is off', async () => {
    await renderLlmSpan();
    const input = screen.getByTestId('detail-input');
    fireEvent.click(within(input).getByRole('button', { name: 'Copy user message' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]?.[0]).toContain(`Paris ${SECRET}`);
  });

  it('follows the switch in the header without losing the view', async () => {
    const panel = await renderLlmSpan();
    fireEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    expect(panel.textContent).toContain(EMAIL);
    fireEvent.click(screen.getByRole('switch', { name: 'Mask sensitive values' }));
    expect(screen.getByRole('radio', { name: 'JSON' }).getAttribute('aria-checked')).toBe('true');
    expect(document.body.innerHTML).not.toContain(EMAIL);
    // The JSON view stays valid JSON once masked.
    const raw = screen.getByTestId('detail-input').querySelector('pre')?.textContent ?? '';
    expect(JSON.stringify(JSON.parse(raw))).toContain('[email]');
  });
});
