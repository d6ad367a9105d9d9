import { createRequire } from 'node:module';
import type OpenApiUtilModule from '@alicloud/openapi-util';
import type * as TeaModule from '@alicloud/tea-typescript';

// The official Alibaba Cloud packages are CommonJS; requiring them gives the same objects under
// vitest and plain Node. They are reference implementations for differential tests only.
const require = createRequire(import.meta.url);

export const OpenApiUtil = (require('@alicloud/openapi-util') as typeof OpenApiUtilModule).default;
export const TeaRequest = (require('@alicloud/tea-typescript') as typeof TeaModule).Request;

export interface PopCoreClient {
  request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<unknown>;
}
export const PopCore = require('@alicloud/pop-core') as new (config: Record<string, unknown>) => PopCoreClient;

/** The official V3 Authorization header for a request as a server received it. */
export function officialAuthorization(
  method: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  payloadHash: string,
  accessKeyId: string,
  accessKeySecret: string,
): string {
  const request = new TeaRequest();
  request.method = method;
  request.pathname = '/';
  request.query = query;
  request.headers = headers;
  return OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SHA256', payloadHash, accessKeyId, accessKeySecret);
}
