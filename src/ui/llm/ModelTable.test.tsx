// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLlmFixture } from '../../../test/llm-fixtures';
import { extractTraceLlm } from '../../model/llm/extract';
import { ModelTable } from './ModelTable';

afterEach(cleanup);

describe('ModelTable', () => {
  it('lists each model with calls, errors, tokens, priced cost and time', async () => {
    const fixture = loadLlmFixture('openinference-anthropic/rate_limit_retry');
    render(<ModelTable tree={fixture.tree} traceLlm={extractTraceLlm(fixture.tree)} />);
    const table = screen.getByRole('table', { name: 'Models' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    const cells = within(rows[1]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toContain('claude-sonnet-4-0');
    expect(cells.slice(0, 4)).toEqual(['2', '1', '35', '67']);
    // 35 × $3 + 67 × $15 per million tokens
    await waitFor(() =>
      expect(within(rows[1]!).getAllByRole('cell')[4]?.textContent).toBe('$0.00111'),
    );
  });

  it('says so when the trace has no model calls', () => {
    const fixture = loadLlmFixture('openinference-openai/server_error');
    render(<ModelTable tree={fixture.tree} traceLlm={extractTraceLlm(fixture.tree)} />);
    expect(screen.getByText('No model calls in this trace.')).toBeTruthy();
  });
});
