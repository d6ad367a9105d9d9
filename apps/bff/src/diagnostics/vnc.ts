/** ECS documents a DescribeInstanceVncUrl address as usable for 15 seconds after it is issued. */
export const VNC_URL_TTL_MS = 15_000;

/** Alibaba Cloud's own web VNC page; it takes the address, the instance and whether it is Windows. */
export const VNC_PAGE_PREFIX = 'https://g.alicdn.com/aliyun/ecs-console-vnc2/';

/** ECS's URL-encoded `VncUrl`, decoded; undefined unless it is a `ws://` or `wss://` URL. */
export function decodeVncUrl(encoded: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  return /^wss?:\/\/[^/\s]+/.test(decoded) ? decoded : undefined;
}

/**
 * The official web VNC page for an address. ECS returns the address URL-encoded once, and the page
 * expects it in the query encoded exactly once, so the decoded address is encoded again here.
 */
export function officialVncPageUrl(version: string, websocketUrl: string, id: string, isWindows: boolean): string {
  return (
    `${VNC_PAGE_PREFIX}${version}/index.html?vncUrl=${encodeURIComponent(websocketUrl)}` +
    `&instanceId=${encodeURIComponent(id)}&isWindows=${isWindows ? 'true' : 'false'}`
  );
}
