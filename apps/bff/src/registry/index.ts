import { instanceEntries } from './instances.js';
import { networkEntries } from './network.js';
import { storageEntries } from './storage.js';
import type { RegistryEntry } from './types.js';

/**
 * Every ECS action the console may call, and how. Anything else is 404 UnknownAction.
 * DescribeInstanceVncUrl is deliberately absent: its URL is a credential and gets its own route.
 */
export const actionRegistry: Readonly<Record<string, RegistryEntry>> = {
  ...instanceEntries,
  ...storageEntries,
  ...networkEntries,
};

export type { RegistryEntry } from './types.js';
