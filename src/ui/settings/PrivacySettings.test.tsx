// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLlmFixture } from '../../../test/llm-fixtures';
import { DEFAULT_MASKED_KEYS } from '../../model/mask';
import { usePrivacy } from '../../state/privacy';
import { SpanDetail } from '../span-detail/SpanDetail';
import { PrivacySettings } from './PrivacySettings';
import { SettingsDialog } from './SettingsDialog';

/** The agent span of the real OpenInference trace: it records `user.id` and `session.id`. */
const fixture = loadLlmFixture('openinference-openai/agent');
const ROOT_SPAN = '65f98da7468b4a88';
const USER_ID = 'user_8c21f0';
const STORAGE_KEY = 'tracefall.privacy.v1';

afterEach(() => {
  cleanup();
  act(() =>
    usePrivacy.setState({
      maskInPanel: false,
      maskOnExport: true,
      maskedKeys: DEFAULT_MASKED_KEYS,
    }),
  );
  localStorage.clear();
});

function storedState(): { maskedKeys?: string[]; maskOnExport?: boolean; maskInPanel?: boolean } {
  const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as {
    state?: { maskedKeys?: string[]; maskOnExport?: boolean; maskInPanel?: boolean };
  };
  return stored.state ?? {};
}

function keysEditor(): HTMLTextAreaElement {
  return screen.getByTestId('settings-mask-keys') as HTMLTextAreaElement;
}

function attributeRow(key: string): HTMLElement {
  const row = screen
    .getAllByTestId('detail-attribute')
    .find((element) => element.querySelector('dt')?.textContent === key);
  if (!row) throw new Error(`no attribute ${key}`);
  return row;
}

describe('PrivacySettings', () => {
  it('is a Privacy section of the settings dialog', () => {
    render(<SettingsDialog onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(within(dialog).getByRole('heading', { name: 'Privacy' })).toBeTruthy();
    expect(within(dialog).getByTestId('settings-mask-keys')).toBeTruthy();
    expect(
      (within(dialog).getByTestId('settings-mask-downloads') as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('lists the default keys and persists an added key', () => {
    render(<PrivacySettings />);
    expect(keysEditor().value.split('\n')).toEqual([...DEFAULT_MASKED_KEYS]);
    fireEvent.change(keysEditor(), { target: { value: `${keysEditor().value}\n  user.id  \n` } });
    expect(usePrivacy.getState().maskedKeys).toEqual([...DEFAULT_MASKED_KEYS, 'user.id']);
    expect(storedState().maskedKeys).toEqual([...DEFAULT_MASKED_KEYS, 'user.id']);
    // The editor keeps what was typed, trailing newline included, so typing goes on naturally.
    expect(keysEditor().value.endsWith('  user.id  \n')).toBe(true);
  });

  it('removes keys and resets them to the defaults', () => {
    render(<PrivacySettings />);
    fireEvent.change(keysEditor(), { target: { value: 'cookie\nx-tenant' } });
    expect(storedState().maskedKeys).toEqual(['cookie', 'x-tenant']);
    fireEvent.click(screen.getByRole('button', { name: 'Reset keys to defaults' }));
    expect(usePrivacy.getState().maskedKeys).toEqual(DEFAULT_MASKED_KEYS);
    expect(storedState().maskedKeys).toEqual([...DEFAULT_MASKED_KEYS]);
    expect(keysEditor().value).toBe(DEFAULT_MASKED_KEYS.join('\n'));
  });

  it('switches masking of downloads and of the panel', () => {
    render(<PrivacySettings />);
    fireEvent.click(screen.getByTestId('settings-mask-downloads'));
    expect(usePrivacy.getState().maskOnExport).toBe(false);
    expect(storedState().maskOnExport).toBe(false);
    fireEvent.click(screen.getByTestId('settings-mask-panel'));
    expect(usePrivacy.getState().maskInPanel).toBe(true);
    expect(storedState().maskInPanel).toBe(true);
  });

  it('masks the value of a key the user adds, in the open span panel', () => {
    act(() => usePrivacy.setState({ maskInPanel: true }));
    const node = fixture.tree.nodeById.get(ROOT_SPAN);
    if (node === undefined) throw new Error('no root span');
    render(
      <>
        <PrivacySettings />
        <SpanDetail tree={fixture.tree} node={node} onSelectSpan={vi.fn()} onClose={vi.fn()} />
      </>,
    );
    const panel = screen.getByTestId('span-detail');
    expect(attributeRow('user.id').textContent).toContain(USER_ID);
    // `session.id` is a secret by default (`session_id`).
    expect(attributeRow('session.id').textContent).toContain('[masked]');

    fireEvent.change(keysEditor(), { target: { value: `${keysEditor().value}\nuser.id` } });
    expect(attributeRow('user.id').textContent).toContain('[masked]');
    expect(panel.innerHTML).not.toContain(USER_ID);
  });
});
