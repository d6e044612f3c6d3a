/**
 * The hostile-input corpus: malformed and malicious trace payloads in every format Tracefall
 * reads (OTLP/JSON, Tempo's encoding, Jaeger, Zipkin, OTLP JSON Lines). Generated in code;
 * each case is named after what it shows and builds its payload only when asked, so the
 * 100,000-span and 5 MB cases cost nothing until a test runs them.
 *
 * Used by src/sources/hostile.test.ts (every adapter, the file parser, then the tree, critical
 * path and LLM extraction) and server/otlp/hostile.test.ts (the OTLP receiver).
 */
import { encodeSpans } from './encode';
import { rawTextCases } from './raw-text';
import { SCENARIOS } from './scenarios';
import type { HostileCase, HostileExpectation, HostileFormat, NeutralScenario } from './types';
import { wrongTypeCases } from './wrong-types';

export type { HostileCase, HostileExpectation, HostileFormat } from './types';

export const HOSTILE_FORMATS: readonly HostileFormat[] = [
  'otlp',
  'tempo',
  'jaeger',
  'zipkin',
  'jsonl',
];

/** A 32-hex trace id derived from the case name (FNV-1a), so every case is its own trace. */
export function traceIdFor(name: string): string {
  let hash = 0x811c9dc5;
  const parts: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < name.length; i++) {
      hash ^= name.charCodeAt(i) + round;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    parts.push(hash.toString(16).padStart(8, '0'));
  }
  return parts.join('');
}

function expectationOf(scenario: NeutralScenario, format: HostileFormat): HostileExpectation {
  if (typeof scenario.expect === 'string') return scenario.expect;
  return scenario.expect[format] ?? 'accepted';
}

function scenarioCases(): HostileCase[] {
  return SCENARIOS.flatMap((scenario) =>
    HOSTILE_FORMATS.map((format): HostileCase => {
      const name = `${format}: ${scenario.name}`;
      return {
        name,
        format,
        traceId: traceIdFor(name),
        expect: expectationOf(scenario, format),
        isLarge: scenario.isLarge ?? false,
        ...(scenario.keeps && { keeps: scenario.keeps }),
        payload: () => encodeSpans(format, scenario.spans(), traceIdFor(name)),
      };
    }),
  );
}

/** Every case, small and large. Names are unique. */
export function hostileCorpus(): HostileCase[] {
  const cases = [...scenarioCases(), ...wrongTypeCases(traceIdFor), ...rawTextCases(traceIdFor)];
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`corpus: duplicate case name ${c.name}`);
    names.add(c.name);
  }
  return cases;
}

/** The payload as text, as a browser's `File.text()` would decode bytes (U+FFFD for bad UTF-8). */
export function payloadText(hostile: HostileCase): string {
  const payload = hostile.payload();
  return typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
}
