// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

afterEach(cleanup);

describe('Markdown', () => {
  it('renders bold, emphasis, inline code and code blocks', () => {
    const { container } = render(
      <Markdown source={'**Refunds** take *5* days: `POST /refund`\n\n```\nnpm test\n```'} />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('Refunds');
    expect(container.querySelector('em')?.textContent).toBe('5');
    expect(container.querySelector('code.llm-md-inline-code')?.textContent).toBe('POST /refund');
    expect(container.querySelector('pre code')?.textContent).toBe('npm test');
  });

  it('renders an HTML payload as text', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { container } = render(<Markdown source={payload} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe(payload);
  });

  it('keeps a javascript: link inert and opens http(s) links safely', () => {
    const { container } = render(
      <Markdown source={'[x](javascript:alert(1)) and [docs](https://example.com/docs)'} />,
    );
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/docs');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(container.textContent).toContain('[x](javascript:alert(1))');
  });

  it('loads an image only when the user asks', () => {
    const { container } = render(<Markdown source={'![chart](https://example.com/c.png)'} />);
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load image: chart' }));
    const img = container.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://example.com/c.png');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });
});
