// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EMBEDDED_SOURCES_ELEMENT_ID } from '../sources/source';
import { embeddedSources } from './source-registry';

function embed(text: string) {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = EMBEDDED_SOURCES_ELEMENT_ID;
  element.textContent = text;
  document.head.append(element);
}

afterEach(() => document.getElementById(EMBEDDED_SOURCES_ELEMENT_ID)?.remove());

describe('embeddedSources', () => {
  it('reads the list the server put in index.html', () => {
    embed(
      '[{"id":"local","name":"Local","kind":"local"},{"id":"prod","name":"P","kind":"jaeger"}]',
    );
    expect(embeddedSources()).toEqual([
      { id: 'local', name: 'Local', kind: 'local' },
      { id: 'prod', name: 'P', kind: 'jaeger' },
    ]);
  });

  it('reads anything missing or malformed as absent, so the page asks the API instead', () => {
    expect(embeddedSources()).toBeUndefined();
    for (const text of ['', '{', '{"id":"x"}', '[{"id":1,"name":"n","kind":"jaeger"}]', '[null]']) {
      embed(text);
      expect(embeddedSources(), text).toBeUndefined();
      document.getElementById(EMBEDDED_SOURCES_ELEMENT_ID)?.remove();
    }
  });
});
