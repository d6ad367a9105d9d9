export { EcsClient, ECS_API_VERSION, type CallOptions, type EcsClientLogger, type EcsClientOptions } from './client.js';
export { EcsError, isEcsError, type EcsErrorDetails, type EcsErrorKind } from './errors.js';
export * from './actions/index.js';
export * from './credentials/index.js';
export { CENTRAL_ENDPOINT, resolveEndpoint, type EndpointOptions } from './endpoints.js';
export { encodeParams, type WireParams } from './params.js';
export { backoffDelayMs, isRetryable, resolveRetryOptions, type RetryOptions } from './retry/retry-policy.js';
export { RetryQuota, type RetryQuotaOptions } from './retry/retry-quota.js';
export {
  listAll,
  listPages,
  paginate,
  paginateItems,
  type ListAllOptions,
  type PaginateOptions,
  type UnpagedRequest,
} from './pagination/paginate.js';
export { waitUntil, type PollObservation, type PollResult, type WaitOptions } from './waiters/wait-until.js';
export { DELETED, waitForState, type WaitableResource, type WaitForStateOptions } from './waiters/resource-states.js';
export { canonicalQuery, percentEncode } from './signing/percent-encode.js';
export { isoTimestamp, signV2, stringToSignV2 } from './signing/v2.js';
export {
  canonicalRequestV3,
  EMPTY_BODY_SHA256,
  sha256Hex,
  signedHeaderNames,
  signV3,
  signV3Canonical,
  stringToSignV3,
  V3_ALGORITHM,
  type V3Signature,
  type V3SigningInput,
} from './signing/v3.js';
export { HttpTransport, type HttpTransportOptions } from './transport/http-transport.js';
