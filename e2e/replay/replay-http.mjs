/** Response helpers shared by the replay backends (real status codes and content types). */

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/** @typedef {import('./replay-data.mjs').OtlpTrace} OtlpTrace */

/** @param {ServerResponse} res @param {number} status @param {string} text @param {string} type */
export function send(res, status, text, type) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
export const json = (
  /** @type {ServerResponse} */ res,
  /** @type {unknown} */ body,
  status = 200,
) => send(res, status, JSON.stringify(body), 'application/json');
export const text = (
  /** @type {ServerResponse} */ res,
  /** @type {number} */ status,
  /** @type {string} */ body,
) => send(res, status, body, 'text/plain; charset=utf-8');
/** Go's mux for a route the server does not have. */
export const goNotFound = (/** @type {ServerResponse} */ res) =>
  text(res, 404, '404 page not found\n');
/** Jaeger v3 errors go through http.Error: JSON in a text/plain response. */
export const v3Error = (
  /** @type {ServerResponse} */ res,
  /** @type {number} */ code,
  /** @type {string} */ message,
) => text(res, code, `${JSON.stringify({ error: { httpCode: code, message } })}\n`);

/** @param {string} raw */
export function hexKey(raw) {
  let id = decodeURIComponent(raw);
  if (!/^[0-9a-fA-F]+$/.test(id)) {
    const bytes = Buffer.from(id.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    if (bytes.length !== 8 && bytes.length !== 16) return '';
    id = bytes.toString('hex');
  }
  return id.toLowerCase().padStart(32, '0');
}

/** @param {OtlpTrace} trace @param {string | null} service @param {string | null} operation */
export function matches(trace, service, operation) {
  return trace.spans.some(
    (s) => (!service || s.service === service) && (!operation || s.name === operation),
  );
}
