/** The link a QR code opens: the web chat with the session code filled in. */
export function sessionLink(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/?code=${encodeURIComponent(code)}`;
}

/**
 * Why a link made from this base URL will not open on a young person's phone: no
 * PUBLIC_BASE_URL (the link points at this machine's localhost), or plain http (phones and
 * Teams warn or refuse; an Azure App Service always has https).
 */
export type LinkProblem = 'missing' | 'notHttps';

export function linkProblem(baseUrl: string, configured: boolean): LinkProblem | undefined {
  if (!configured) return 'missing';
  try {
    return new URL(baseUrl).protocol === 'https:' ? undefined : 'notHttps';
  } catch {
    return 'notHttps';
  }
}
