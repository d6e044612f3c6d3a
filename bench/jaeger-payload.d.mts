/** Types for jaeger-payload.mjs (plain JavaScript so the bench runs without a TypeScript loader). */
export function writeJaegerPayload(
  spanCount: number,
  seed: number,
  write: (text: string) => void,
  pieceChars?: number,
): string;

export function buildJaegerPayload(
  spanCount: number,
  seed: number,
): { traceId: string; chunks: Buffer[]; bytes: number };
