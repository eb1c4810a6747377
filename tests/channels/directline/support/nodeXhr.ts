import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

type Handler = ((this: NodeXMLHttpRequest, event: unknown) => void) | null;

/**
 * The slice of the browser's XMLHttpRequest that RxJS 5's ajax (and so botframework-directlinejs)
 * uses, over node:http. Node has no XMLHttpRequest and no polyfill package is installed; this
 * keeps the real client code path (status handling, Retry-After, JSON parsing) intact.
 * Loopback http only: that is all the protocol tests talk to.
 */
export class NodeXMLHttpRequest {
  readyState = 0;
  status = 0;
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  readonly upload = {};
  onreadystatechange: Handler = null;
  onerror: Handler = null;
  ontimeout: Handler = null;

  private method = 'GET';
  private url = '';
  private readonly requestHeaders: Record<string, string> = {};
  private responseHeaders: IncomingHttpHeaders = {};
  private req?: ClientRequest;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.requestHeaders[name] = value;
  }

  getResponseHeader(name: string): string | null {
    const value = this.responseHeaders[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  send(body?: string): void {
    const req = httpRequest(this.url, { method: this.method, headers: this.requestHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        this.status = res.statusCode ?? 0;
        this.responseHeaders = res.headers;
        this.responseText = Buffer.concat(chunks).toString('utf8');
        this.response = this.responseType === 'json' ? parseJson(this.responseText) : this.responseText;
        this.readyState = 4;
        this.onreadystatechange?.call(this, { type: 'readystatechange' });
      });
    });
    this.req = req;
    if (this.timeout > 0) {
      req.setTimeout(this.timeout, () => {
        req.destroy();
        this.ontimeout?.call(this, { type: 'timeout' });
      });
    }
    req.on('error', (err) => {
      if (this.readyState === 4) return;
      this.readyState = 4;
      this.status = 0;
      this.onerror?.call(this, err);
    });
    req.end(body);
  }

  abort(): void {
    this.readyState = 4;
    this.req?.destroy();
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
