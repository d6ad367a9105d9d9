/**
 * The HTTP contract between the BFF and the SPA: what each `/api` route answers, the roles, and the
 * headers both sides use. Both import it, so neither keeps a copy. Nothing here may use Node: the
 * SPA bundles it. ECS's own shapes come from `@ecs-console/ecs-client` (`import type` only in the SPA).
 */
export * from './audit.js';
export * from './diagnostics.js';
export * from './disk-categories.js';
export * from './errors.js';
export * from './fleet.js';
export * from './headers.js';
export * from './roles.js';
export * from './security-groups.js';
export * from './session.js';
export * from './storage.js';
export * from './users.js';
