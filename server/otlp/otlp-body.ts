/**
 * Reading an OTLP/HTTP request body: content type, size limit (on the wire and after
 * decompression, so a small gzip bomb is refused too) and Content-Encoding.
 */
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** An answer decided while reading the request (status + message for the Status body). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export type BodyFormat = 'json' | 'protobuf';

/** The OTLP/HTTP encodings: `application/json` and `application/x-protobuf` (parameters ignored). */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  return undefined;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `the request body exceeds ${maxBytes} bytes`);
}

/**
 * Reads the whole body; rejects with 413 as soon as it is longer than `maxBytes`, and with 408
 * when it has not all arrived `timeoutMs` after the headers (a slow-loris client trickling
 * bytes would otherwise hold a request slot, counted against the in-flight limit, forever).
 */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const timer = setTimeout(() => {
      finish(new HttpError(408, `the request body did not arrive within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge(maxBytes));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('error', (error) => finish(error));
    req.once('aborted', () => finish(new HttpError(400, 'the request was aborted')));
  });
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const brotli = promisify(zlib.brotliDecompress);

/** Undoes Content-Encoding (gzip, the OTLP exporters' choice; also deflate and br). */
export async function decodeContent(
  body: Buffer,
  encoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === '' || name === 'identity') return body;
  const options = { maxOutputLength: maxBytes };
  try {
    if (name === 'gzip' || name === 'x-gzip') return await gunzip(body, options);
    if (name === 'deflate') return await inflate(body, options);
    if (name === 'br') return await brotli(body, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new HttpError(400, `the body is not valid ${name} data`);
  }
  throw new HttpError(415, `unsupported Content-Encoding "${name}" (use gzip or none)`);
}
