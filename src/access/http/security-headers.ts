import helmet from 'helmet';
import type { RequestHandler, Response } from 'express';
import { cspNonceOf } from './page-hardening.js';

/**
 * helmet's headers. Scripts: the panel's own files and the inline scripts that carry this
 * response's nonce (page-hardening.ts), never 'unsafe-inline'. Styles keep 'unsafe-inline':
 * AdminJS's design system writes styles at run time (styled-components), and a style cannot run
 * code. HSTS only where the panel is served over HTTPS (COOKIE_SECURE): sent over plain HTTP it
 * would tell browsers to refuse the only way the panel is reachable.
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${cspNonceOf(res as unknown as Response)}'`],
        scriptSrcAttr: ["'none'"],
        // Nothing from another origin: the panel uses the system's CJK fonts (src/web/panel-assets.ts).
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: true } : false,
    // helmet's no-referrer makes Chromium send "Origin: null" on the panel's own form posts (the
    // login), which the CSRF check must refuse; same-origin keeps other sites from seeing our URLs.
    referrerPolicy: { policy: 'same-origin' },
  });
}
