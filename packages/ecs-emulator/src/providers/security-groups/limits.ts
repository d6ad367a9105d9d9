/**
 * Security groups, their rules and their members (DIGEST §6.4, §7): Describe, Create, Delete,
 * Authorize/Revoke in both directions, Modify (attributes, policy, rules of both directions), Join/LeaveSecurityGroup.
 */

export const MAX_GROUPS_PER_REGION = 100;
export const MAX_RULES_PER_GROUP = 200;
/** A basic group's rules may name at most this many other groups; advanced groups none. */
export const MAX_REFERENCED_GROUPS = 20;
export const MAX_GROUPS_PER_INSTANCE = 5;
export const MAX_TAGS_ON_CREATE = 20;
export const MAX_SECURITY_GROUP_IDS = 100;
export const MAX_PERMISSIONS = 100;
/** How many instances (private IPs) a group can hold, by type (ECS limits). */
export const INSTANCE_CAPACITY = { normal: 2000, enterprise: 65536 } as const;

export const GROUP_PAGES = { defaultPageSize: 10, maxPageSize: 50, tokens: { defaultMax: 10, minMax: 1, maxMax: 100 } };
export const RULE_PAGES = { size: 500, min: 10, max: 1000 };

export const HTTP_PREFIX = /^https?:\/\//i;
/** 2–128 characters: starts with a letter (any script); letters, digits, `:`, `_`, `.`, `-`. */
export const GROUP_NAME = /^\p{L}[\p{L}\p{N}:_.-]{1,127}$/u;
