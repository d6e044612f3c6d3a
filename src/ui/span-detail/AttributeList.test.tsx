// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Attribute } from '../../model/trace';
import { AttributeList } from './AttributeList';
import { VALUE_TRUNCATE_CHARS } from './attribute-text';
import { str } from './test-tree';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderList(attributes: Attribute[]) {
  return render(<AttributeList attributes={attributes} filterLabel="attributes" />);
}

describe('AttributeList', () => {
  it('narrows rows by key or value', () => {
    renderList([str('http.method', 'POST'), str('http.url', '/pay'), str('user.id', 'u-42')]);
    expect(screen.getAllByTestId('detail-attribute')).toHaveLength(3);
    const filter = screen.getByRole('searchbox', { name: 'Filter attributes' });
    fireEvent.change(filter, { target: { value: 'HTTP' } });
    expect(screen.getAllByTestId('detail-attribute')).toHaveLength(2);
    fireEvent.change(filter, { target: { value: 'u-4' } });
    expect(screen.getAllByTestId('detail-attribute').map((row) => row.textContent)).toEqual([
      expect.stringContaining('user.id'),
    ]);
    fireEvent.change(filter, { target: { value: 'nothing' } });
    expect(screen.queryAllByTestId('detail-attribute')).toHaveLength(0);
    expect(screen.getByText('No attribute matches “nothing”')).toBeTruthy();
  });

  it('pretty-prints JSON strings and maps, with a raw toggle', () => {
    const { container } = renderList([
      str('llm.input', '{"role":"user","content":"hi"}'),
      { key: 'tags', value: { type: 'map', value: [str('env', 'prod')] } },
    ]);
    const pres = container.querySelectorAll('pre');
    expect(pres[0]?.textContent).toBe('{\n  "role": "user",\n  "content": "hi"\n}');
    expect(pres[1]?.textContent).toBe('{\n  "env": "prod"\n}');
    fireEvent.click(screen.getAllByRole('button', { name: 'raw' })[0]!);
    expect(container.querySelectorAll('pre')).toHaveLength(1);
    expect(screen.getByText('{"role":"user","content":"hi"}')).toBeTruthy();
  });

  it('truncates a 5 MB value until "show all" is clicked', () => {
    const huge = 'a'.repeat(5_000_000);
    const { container } = renderList([str('blob', huge)]);
    expect(container.textContent!.length).toBeLessThan(VALUE_TRUNCATE_CHARS + 200);
    fireEvent.click(screen.getByRole('button', { name: 'show all (5,000,000 chars)' }));
    expect(container.textContent!.length).toBeGreaterThan(5_000_000);
    fireEvent.click(screen.getByRole('button', { name: 'show less' }));
    expect(container.textContent!.length).toBeLessThan(VALUE_TRUNCATE_CHARS + 200);
  });

  it('copies the full value and says "Copied"', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const value = 'b'.repeat(1000);
    renderList([str('blob', value)]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy value of blob' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(value);
  });

  it('pages through very many attributes', () => {
    renderList(Array.from({ length: 250 }, (_, i) => str(`k${i}`, `v${i}`)));
    expect(screen.getAllByTestId('detail-attribute')).toHaveLength(200);
    fireEvent.click(screen.getByRole('button', { name: 'show 50 more of 50' }));
    expect(screen.getAllByTestId('detail-attribute')).toHaveLength(250);
  });
});
