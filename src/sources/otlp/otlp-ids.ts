/**
 * Trace and span ids arrive as hex (spec OTLP/JSON, any case) or base64 (gogo-jsonpb: Tempo,
 * Jaeger v3 up to 1.53; standard or URL-safe, padded or not). Everything becomes lowercase hex.
 */
import { isAbsent, reportInvalid, type ValueContext } from './otlp-values';

const HEX_ID_RE = /^(?:[0-9a-fA-F]{16}|[0-9a-fA-F]{32})$/;
const HEX_RE = /^[0-9a-fA-F]+$/;
const BASE64_RE = /^[A-Za-z0-9+/_-]*={0,2}$/;
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Digit(char: string): number {
  if (char === '-') return 62;
  if (char === '_') return 63;
  return BASE64_DIGITS.indexOf(char);
}

/** Decodes standard or URL-safe base64, padded or not, to lowercase hex; null if malformed. */
export function base64ToHex(text: string): string | null {
  if (!BASE64_RE.test(text)) return null;
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1 || (text.length !== body.length && text.length % 4 !== 0)) return null;
  let hex = '';
  let bits = 0;
  let bitCount = 0;
  for (const char of body) {
    bits = ((bits << 6) | base64Digit(char)) & 0xffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      hex += ((bits >> bitCount) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return hex;
}

/**
 * Normalises a trace or span id to lowercase hex. Exactly 16 or 32 hex digits is hex (any
 * case); otherwise base64 that decodes to 8 or 16 bytes is hex-encoded, so Tempo's zero-padded
 * 64-bit trace ids stay 32 digits. Other all-hex strings (leading zeros stripped) are
 * lowercased. Returns null for anything else; `''` stays `''`.
 */
export function decodeOtlpId(text: string): string | null {
  if (text === '' || HEX_ID_RE.test(text)) return text.toLowerCase();
  const hex = base64ToHex(text);
  if (hex !== null && (hex.length === 16 || hex.length === 32)) return hex;
  return HEX_RE.test(text) ? text.toLowerCase() : null;
}

/**
 * Reads an id field. Absent → `''`. Undecodable strings are kept as sent (ids are opaque)
 * and reported; non-strings are reported and read as `''`.
 */
export function readId(raw: unknown, what: string, ctx: ValueContext): string {
  if (isAbsent(raw)) return '';
  if (typeof raw !== 'string') {
    reportInvalid(ctx, what, raw);
    return '';
  }
  const id = decodeOtlpId(raw);
  if (id !== null) return id;
  reportInvalid(ctx, what, raw);
  return raw;
}

/** True for ids that mean "none": empty, or all zeros (W3C invalid id). */
export function isNullId(id: string): boolean {
  return /^0*$/.test(id);
}
