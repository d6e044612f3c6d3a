// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLlmFixture } from '../../../test/llm-fixtures';
import { extractTraceLlm } from '../../model/llm/extract';
import { LlmRowBadges } from './LlmRowBadges';

afterEach(cleanup);

const fixture = loadLlmFixture('vercel-ai/agent');
const { calls } = extractTraceLlm(fixture.tree);
const callOfSpan = (spanId: string) => {
  const call = calls[fixture.tree.nodeById.get(spanId) as number];
  if (!call) throw new Error(`no call for ${spanId}`);
  return call;
};

describe('LlmRowBadges', () => {
  it('shows kind, model, tokens and cost on request', () => {
    const { container } = render(
      <LlmRowBadges
        call={callOfSpan('f7e4b046349ba965')}
        cost={{ source: 'pricing', total: 0.002 }}
        showTokens
        showCost
      />,
    );
    expect(screen.getByRole('img', { name: 'LLM' })).toBeTruthy();
    expect(screen.getByText('gpt-4.1').getAttribute('title')).toBe('gpt-4.1 → gpt-4.1-2025-04-14');
    expect(container.querySelector('.llm-row-tokens')?.textContent).toBe('296→176');
    expect(container.querySelector('.llm-row-cost')?.textContent).toBe('$0.002');
  });

  it('leaves out tokens and cost unless asked, and an unknown cost always', () => {
    const { container } = render(
      <LlmRowBadges call={callOfSpan('3b9713f17c43a2e6')} cost={{ source: 'unknown' }} showCost />,
    );
    expect(screen.getByRole('img', { name: 'Tool' })).toBeTruthy();
    expect(container.querySelector('.llm-model-pill')).toBeNull();
    expect(container.querySelector('.llm-row-tokens')).toBeNull();
    expect(container.querySelector('.llm-row-cost')).toBeNull();
  });
});
