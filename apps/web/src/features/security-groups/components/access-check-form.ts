import { parseAddress, protocolHasPorts, type AccessQuery, type Direction } from '../logic/rules';

/** The protocols the access check asks about: those ECS rules name, besides IANA numbers. */
export const ACCESS_PROTOCOLS = ['tcp', 'udp', 'icmp', 'all'] as const;
export type AccessProtocol = (typeof ACCESS_PROTOCOLS)[number];

/** What the user typed or picked, as text, before it is checked. */
export interface AccessCheckFormValues {
  readonly direction: Direction;
  readonly peerKind: 'address' | 'group';
  readonly address: string;
  readonly groupId: string | undefined;
  readonly protocol: AccessProtocol;
  readonly port: string;
}

export type AccessFormError = 'addressRequired' | 'addressInvalid' | 'groupRequired' | 'portRequired' | 'portInvalid';

export type AccessFormResult =
  | { readonly ok: true; readonly query: AccessQuery }
  | {
      readonly ok: false;
      readonly errors: {
        readonly address?: AccessFormError;
        readonly group?: AccessFormError;
        readonly port?: AccessFormError;
      };
    };

const PORT_PATTERN = /^\d{1,5}$/;

function parsePort(text: string): number | AccessFormError {
  const trimmed = text.trim();
  if (trimmed === '') return 'portRequired';
  if (!PORT_PATTERN.test(trimmed)) return 'portInvalid';
  const port = Number(trimmed);
  return port >= 1 && port <= 65535 ? port : 'portInvalid';
}

/** Checks the form and, when it holds, says what to ask the rules engine. */
export function parseAccessForm(values: AccessCheckFormValues): AccessFormResult {
  const errors: { address?: AccessFormError; group?: AccessFormError; port?: AccessFormError } = {};
  let peer: AccessQuery['peer'] | undefined;
  let protocol: AccessQuery['protocol'] = values.protocol;
  if (values.peerKind === 'address') {
    // One address, IPv4 in dotted-quad form or IPv6, as the rules engine reads it.
    const address = parseAddress(values.address);
    if (values.address.trim() === '') errors.address = 'addressRequired';
    else if (address === undefined) errors.address = 'addressInvalid';
    else peer = { kind: 'address', address: address.text };
    // Ping over IPv6 is ICMPv6, which ECS rules name apart.
    if (address?.family === 6 && protocol === 'icmp') protocol = 'icmpv6';
  } else if (values.groupId) {
    peer = { kind: 'group', groupId: values.groupId };
  } else {
    errors.group = 'groupRequired';
  }
  let port: number | undefined;
  if (protocolHasPorts(values.protocol)) {
    const parsed = parsePort(values.port);
    if (typeof parsed === 'number') port = parsed;
    else errors.port = parsed;
  }
  if (!peer || errors.port) return { ok: false, errors };
  return {
    ok: true,
    query: { direction: values.direction, protocol, peer, ...(port === undefined ? {} : { port }) },
  };
}
