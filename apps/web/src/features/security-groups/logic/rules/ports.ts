import { protocolHasPorts } from './protocol';
import type { PortSpan, RuleProtocol } from './types';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** An inclusive range of ports, for arithmetic (`'all'` is 1–65535). */
export interface PortInterval {
  readonly from: number;
  readonly to: number;
}

/**
 * ECS's `PortRange` ("22/22", "1/65535", "-1/-1") as a PortSpan for a rule of `protocol`. Protocols
 * without ports always get `'all'` (ECS ignores their range); tcp/udp with `-1/-1` or an unreadable
 * range get every port, since ECS would have refused anything narrower that it could not read.
 */
export function portSpanOf(protocol: RuleProtocol, portRange: string): PortSpan {
  if (!protocolHasPorts(protocol)) return 'all';
  const span = parsePortRange(portRange);
  return span === undefined || span === 'all' ? { from: MIN_PORT, to: MAX_PORT } : span;
}

/**
 * A port range as people and ECS write it: "22", "22/22", "1000-2000", "1000/2000", "-1/-1" or
 * "all" (every port). Undefined when it is not one: out of 1–65535, start after end, not numbers.
 */
export function parsePortRange(text: string): PortSpan | undefined {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'all' || trimmed === '-1/-1' || trimmed === '-1') return 'all';
  const match = /^(\d{1,5})(?:\s*[/-]\s*(\d{1,5}))?$/.exec(trimmed);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < MIN_PORT || to > MAX_PORT || from > to) return undefined;
  return { from, to };
}

/** How the console shows ports: "22", "1000-2000", "All". */
export function formatPorts(ports: PortSpan): string {
  if (ports === 'all') return 'All';
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

/** ECS's `PortRange` for a span ("22/22", "-1/-1"). */
export function toEcsPortRange(ports: PortSpan): string {
  return ports === 'all' ? '-1/-1' : `${ports.from}/${ports.to}`;
}

/** The ports a span covers as an interval. */
export function portInterval(ports: PortSpan): PortInterval {
  return ports === 'all' ? { from: MIN_PORT, to: MAX_PORT } : ports;
}

export function portSpanContains(ports: PortSpan, port: number): boolean {
  const { from, to } = portInterval(ports);
  return port >= from && port <= to;
}

/** Two spans as one, when they overlap or touch (22-80 and 81-90); otherwise undefined. */
export function joinPortSpans(a: PortSpan, b: PortSpan): PortSpan | undefined {
  const x = portInterval(a);
  const y = portInterval(b);
  if (x.from > y.to + 1 || y.from > x.to + 1) return undefined;
  return { from: Math.min(x.from, y.from), to: Math.max(x.to, y.to) };
}
