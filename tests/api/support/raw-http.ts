/**
 * Plain node:http requests for what fetch hides: the exact bytes on the wire (fetch decodes
 * gzip and brotli) and the client address (a different loopback address is a different client
 * to the server's per-address login limit).
 */
import http, { type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Source address, e.g. 127.0.0.7: any 127.x.y.z is this machine. */
  localAddress?: string;
}

export function rawRequest(url: string, request: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: request.method ?? 'GET',
        // Node sends DELETE/OPTIONS bodies without framing unless told their length.
        headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        localAddress: request.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** Logs in from a given loopback address; the session cookie ("name=value") or the failed response. */
export async function loginFrom(
  baseUrl: string,
  localAddress: string,
  credentials: { username: string; password: string },
): Promise<RawResponse> {
  return rawRequest(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    localAddress,
  });
}
