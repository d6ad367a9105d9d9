import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Where Alibaba Cloud's VNC proxies answer: ECS's documentation shows DescribeInstanceVncUrl
 * answering `ws://hz01-vncproxy.aliyun.com/websockify/?s=…` (one `<region>NN-vncproxy` host per
 * region; the proxies also speak `wss://`), and its own services live under aliyuncs.com. CSP
 * wildcards cover whole labels only, so the proxies' `*-vncproxy` naming cannot be narrowed further
 * than `*.aliyun.com`. Over HTTPS only `wss://` is allowed: `upgrade-insecure-requests` turns a
 * documented `ws://` address into `wss://` before the policy is checked, so keystrokes never travel
 * in clear from an HTTPS console. Over plain HTTP the whole console is in clear anyway, and a `ws://`
 * address must connect as ECS gave it.
 */
export function alibabaVncProxySources(servedOverHttps: boolean): string[] {
  const secure = ['wss://*.aliyun.com', 'wss://*.aliyuncs.com'];
  return servedOverHttps ? secure : [...secure, 'ws://*.aliyun.com'];
}

export interface SecurityHeaderOptions {
  /**
   * The console is reached over HTTPS (secure cookies on, or an https public URL). Only then may
   * the browser be told to upgrade every request and remember HTTPS (HSTS): over plain HTTP either
   * would turn the page blank under any host name but localhost.
   */
  readonly servedOverHttps: boolean;
  /** WebSocket origins the embedded VNC viewer may connect to, besides the console itself. */
  readonly vncConnectSrc: readonly string[];
}

/** helmet with the console's policy: everything from the console's own origin, nothing framed. */
export function securityHeaders({ servedOverHttps, vncConnectSrc }: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Cloudscape sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", ...vncConnectSrc],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(servedOverHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: servedOverHttps ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    // The same rule as frame-ancestors 'none', for browsers that only read the older header.
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}
