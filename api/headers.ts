/**
 * The security headers every page of the workbench is served with, by either shell:
 * the HTTP server (browser) and Electron's `app://` protocol. Defined once so the two
 * cannot drift apart. No Node or DOM APIs: plain data.
 */

/** Where the page may open sockets: the server's own WebSocket, or nothing (Electron uses IPC). */
export type SocketOrigin = { readonly kind: 'none' } | { readonly kind: 'loopback'; readonly port: number };

export function contentSecurityPolicy(socket: SocketOrigin): string {
  const connect =
    socket.kind === 'loopback' ? `connect-src 'self' ws://127.0.0.1:${socket.port} ws://localhost:${socket.port}` : "connect-src 'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Monaco sets inline styles for layout; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    connect,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function securityHeaders(socket: SocketOrigin): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(socket),
    'x-content-type-options': 'nosniff',
    // The first URL carries the token: never leak it in a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}
