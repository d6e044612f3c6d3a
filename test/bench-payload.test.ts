import { describe, expect, it } from 'vitest';
import { writeJaegerPayload } from '../bench/jaeger-payload.mjs';
import { generateJaegerPayload } from './generate-trace';

describe('bench payload writer', () => {
  it.each([1, 2, 500, 3000])('writes exactly generateJaegerPayload(%i) as JSON', (n) => {
    let text = '';
    writeJaegerPayload(n, 8, (piece) => (text += piece), 4096);
    expect(text).toBe(JSON.stringify(generateJaegerPayload(n, 8)));
  });
});
