import { describe, expect, it } from 'vitest';
import { errorForStatus, isMissingRoute, proxyUrl, type HttpReply } from './http-fetch';

const reply = (status: number, text: string, contentType = 'text/plain'): HttpReply => ({
  status,
  text,
  contentType,
});

describe('http-fetch', () => {
  it('builds proxy URLs with the source id escaped and parameters encoded', () => {
    expect(proxyUrl('a/b', '/api/search', [['q', '{ x = "y" }']])).toBe(
      '/api/sources/a%2Fb/api/search?q=%7B+x+%3D+%22y%22+%7D',
    );
    expect(proxyUrl('s', '/api/v2/services', new URLSearchParams())).toBe(
      '/api/sources/s/api/v2/services',
    );
  });

  it.each([
    [reply(404, '404 page not found\n'), true],
    [reply(404, '<html>Not Found</html>', 'text/html'), true],
    [reply(405, ''), true],
    [reply(404, ''), false],
    [reply(404, '{"error":{"httpCode":404,"message":"No traces found"}}'), false],
    [reply(404, '{"data":null,"errors":[{"code":404,"msg":"trace not found"}]}'), false],
    [reply(404, '{"error":{"code":"unknown-source","message":"no source"}}'), false],
    [reply(405, '{"error":{"code":"method-not-allowed","message":"GET only"}}'), false],
    [reply(200, 'ok'), false],
  ])('isMissingRoute(%j) is %s', (answer, expected) => {
    expect(isMissingRoute(answer)).toBe(expected);
  });

  it('reads error messages from every backend shape', () => {
    expect(errorForStatus(reply(500, '{"error":{"httpCode":500,"message":"boom"}}')).message).toBe(
      'The backend answered HTTP 500: boom',
    );
    expect(errorForStatus(reply(500, '{"code":13,"message":"rpc boom"}')).message).toBe(
      'The backend answered HTTP 500: rpc boom',
    );
    expect(errorForStatus(reply(404, 'x not found'), { traceId: 'x' }).reason).toBe('not-found');
    expect(errorForStatus(reply(404, 'x not found')).reason).toBe('upstream-error');
  });
});
