/**
 * The one Content-Security-Policy of the kiosk screen: nothing from outside the app, no inline script, no eval.
 * index.html carries it as a meta tag and every server of the app sends it as a header.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "worker-src 'none'"
].join('; ')
