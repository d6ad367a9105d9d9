import ipaddr from 'ipaddr.js';
import type { RulePeer } from './types';

/**
 * Addresses and CIDR blocks. ipaddr.js parses; here addresses become unsigned integers (bigint, so
 * IPv4 and IPv6 share the code) and a block becomes the inclusive interval [first, last], which is
 * what coverage and aggregation need.
 */

export type Family = 4 | 6;

export interface ParsedAddress {
  readonly family: Family;
  readonly value: bigint;
  /** Canonical text (IPv6 compressed, RFC 5952). */
  readonly text: string;
}

export interface ParsedCidr {
  readonly family: Family;
  /** Normalised "network/length": host bits cleared, IPv6 compressed. */
  readonly cidr: string;
  readonly length: number;
  readonly first: bigint;
  readonly last: bigint;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function fromBigInt(value: bigint, family: Family): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes: number[] = [];
  for (let index = 0; index < BITS[family] / 8; index += 1) {
    bytes.unshift(Number((value >> BigInt(index * 8)) & 0xffn));
  }
  return ipaddr.fromByteArray(bytes);
}

/**
 * An IPv4 address in dotted four-part decimal only (ipaddr.js's general parser also reads "10.1" or
 * "0x7f.1", which nobody means in a rule), or an IPv6 address without a zone.
 */
function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

/** An IPv4 or IPv6 address; undefined when the text is not one. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const ip = parseIp(text.trim());
  if (!ip) return undefined;
  return { family: ip.kind() === 'ipv4' ? 4 : 6, value: toBigInt(ip), text: ip.toString() };
}

/**
 * A CIDR block ("10.0.0.0/8") or a single address (read as /32 or /128, as ECS does), with host bits
 * cleared ("10.1.2.3/8" → "10.0.0.0/8"). Undefined when the text is neither.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
  // Analysis compares every pair of rules, so each rule's block is read many times.
  if (parsedCidrs.has(text)) return parsedCidrs.get(text);
  if (parsedCidrs.size >= PARSED_CIDR_CACHE_SIZE) parsedCidrs.clear();
  const parsed = readCidr(text);
  parsedCidrs.set(text, parsed);
  return parsed;
}

const PARSED_CIDR_CACHE_SIZE = 10_000;
const parsedCidrs = new Map<string, ParsedCidr | undefined>();

function readCidr(text: string): ParsedCidr | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addressText = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const ip = parseIp(addressText);
  if (!ip) return undefined;
  const family: Family = ip.kind() === 'ipv4' ? 4 : 6;
  const bits = BITS[family];
  let length = bits;
  if (slash >= 0) {
    const lengthText = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lengthText)) return undefined;
    length = Number(lengthText);
    if (length > bits) return undefined;
  }
  return cidrOf(toBigInt(ip), length, family);
}

function cidrOf(anyAddress: bigint, length: number, family: Family): ParsedCidr {
  const hostBits = BigInt(BITS[family] - length);
  const first = (anyAddress >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family, cidr: `${fromBigInt(first, family).toString()}/${length}`, length, first, last };
}

/** Whether the block contains the address; families never match each other. */
export function cidrContains(block: ParsedCidr, address: ParsedAddress): boolean {
  return block.family === address.family && address.value >= block.first && address.value <= block.last;
}

/** The whole internet of a family: 0.0.0.0/0 or ::/0. */
export function isWorld(peer: RulePeer): boolean {
  return peer.kind === 'cidr' && parseCidr(peer.cidr)?.length === 0;
}

/**
 * The fewest CIDR blocks whose union is exactly [first, last] (the classic range-to-prefix split:
 * from `first`, repeatedly take the largest aligned block that fits).
 */
export function cidrsOfRange(first: bigint, last: bigint, family: Family): ParsedCidr[] {
  const bits = BITS[family];
  const blocks: ParsedCidr[] = [];
  let start = first;
  while (start <= last) {
    let hostBits = 0;
    while (hostBits < bits) {
      const size = 1n << BigInt(hostBits + 1);
      if (start % size !== 0n || start + size - 1n > last) break;
      hostBits += 1;
    }
    const block = cidrOf(start, bits - hostBits, family);
    blocks.push(block);
    start = block.last + 1n;
  }
  return blocks;
}
