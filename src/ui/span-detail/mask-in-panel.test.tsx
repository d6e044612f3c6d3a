// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asNanos, type Span } from '../../model/trace';
import { usePrivacy } from '../../state/privacy';
import { AttributeList } from './AttributeList';
import { SpanHeader } from './SpanHeader';
import { str } from './test-tree';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  act(() => usePrivacy.setState({ maskInPanel: false }));
});

const ATTRIBUTES = [
  str('http.request.header.authorization', 'Bearer sk-live-abcdefghijklmnop'),
  str('user.contact', 'write to jane@example.com'),
  str('http.method', 'POST'),
];

const SPAN: Span = {
  spanId: '00f067aa0ba902b7',
  sourceSpanId: '00f067aa0ba902b7',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  name: 'notify jane@example.com',
  kind: 'client',
  status: { code: 'error', message: 'rejected card 4111 1111 1111 1111' },
  startNs: asNanos(0),
  durationNs: asNanos(10),
  resourceIndex: 0,
  attributes: ATTRIBUTES,
  events: [],
  references: [],
  warnings: [],
};

describe('mask sensitive values in the detail panel', () => {
  it('is off by default: values show as sent', () => {
    render(<AttributeList attributes={ATTRIBUTES} filterLabel="attributes" />);
    expect(screen.getByText('write to jane@example.com')).toBeTruthy();
  });

  it('masks what is shown and what is copied when on', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    act(() => usePrivacy.setState({ maskInPanel: true }));
    render(<AttributeList attributes={ATTRIBUTES} filterLabel="attributes" />);
    const rows = screen.getAllByTestId('detail-attribute').map((row) => row.textContent ?? '');
    expect(rows.join('\n')).not.toContain('sk-live');
    expect(rows.join('\n')).not.toContain('jane@example.com');
    expect(screen.getByText('write to [email]')).toBeTruthy();
    expect(screen.getByText('POST')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy value of user.contact' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('write to [email]'));
  });

  it('is switched in the span header, which masks the name and the error message too', () => {
    render(<SpanHeader span={SPAN} service="mailer" onClose={() => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('notify jane@example.com');
    const toggle = screen.getByRole('switch', { name: 'Mask sensitive values' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    expect(usePrivacy.getState().maskInPanel).toBe(true);
    expect(screen.getByRole('heading').textContent).toBe('notify [email]');
    expect(screen.getByRole('status').textContent).toContain('rejected card [card]');
  });
});
