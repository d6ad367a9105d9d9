import { describe, expect, it } from 'vitest';
import { parseAccessForm, type AccessCheckFormValues } from '@/features/security-groups/components/access-check-form';

const base: AccessCheckFormValues = {
  direction: 'ingress',
  peerKind: 'address',
  address: '203.0.113.5',
  groupId: undefined,
  protocol: 'tcp',
  port: '22',
};

describe('the access check form', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
  ])('reads the address %j as %j', (address, expected) => {
    const result = parseAccessForm({ ...base, address });
    expect(result).toEqual({
      ok: true,
      query: { direction: 'ingress', protocol: 'tcp', port: 22, peer: { kind: 'address', address: expected } },
    });
  });

  it.each([
    ['', 'addressRequired'],
    ['   ', 'addressRequired'],
    ['300.1.1.1', 'addressInvalid'],
    ['10.1', 'addressInvalid'],
    ['0x7f.0.0.1', 'addressInvalid'],
    ['10.0.0.0/8', 'addressInvalid'],
    ['fe80::1%eth0', 'addressInvalid'],
    ['web-1', 'addressInvalid'],
  ])('refuses the address %j (%s)', (address, error) => {
    expect(parseAccessForm({ ...base, address })).toEqual({ ok: false, errors: { address: error } });
  });

  it.each([
    ['', 'portRequired'],
    ['0', 'portInvalid'],
    ['65536', 'portInvalid'],
    ['22-80', 'portInvalid'],
    ['2.5', 'portInvalid'],
    ['-1', 'portInvalid'],
  ])('refuses the port %j for TCP and UDP (%s)', (port, error) => {
    expect(parseAccessForm({ ...base, port })).toEqual({ ok: false, errors: { port: error } });
    expect(parseAccessForm({ ...base, protocol: 'udp', port })).toEqual({ ok: false, errors: { port: error } });
  });

  it('accepts the ports at both ends of the range', () => {
    expect(parseAccessForm({ ...base, port: '1' })).toMatchObject({ ok: true, query: { port: 1 } });
    expect(parseAccessForm({ ...base, port: '65535' })).toMatchObject({ ok: true, query: { port: 65535 } });
  });

  it('asks ICMP and all-protocol traffic without a port, whatever the port field holds', () => {
    for (const protocol of ['icmp', 'all'] as const) {
      const result = parseAccessForm({ ...base, protocol, port: 'not a port' });
      expect(result).toEqual({
        ok: true,
        query: { direction: 'ingress', protocol, peer: { kind: 'address', address: '203.0.113.5' } },
      });
    }
  });

  it('asks ICMP to an IPv6 address as ICMPv6, which ECS rules name apart', () => {
    expect(parseAccessForm({ ...base, protocol: 'icmp', address: '2001:db8::1' })).toMatchObject({
      ok: true,
      query: { protocol: 'icmpv6' },
    });
  });

  it('takes a group as the peer, and needs one picked', () => {
    expect(parseAccessForm({ ...base, direction: 'egress', peerKind: 'group', groupId: 'sg-db' })).toEqual({
      ok: true,
      query: { direction: 'egress', protocol: 'tcp', port: 22, peer: { kind: 'group', groupId: 'sg-db' } },
    });
    expect(parseAccessForm({ ...base, peerKind: 'group', groupId: undefined, port: '' })).toEqual({
      ok: false,
      errors: { group: 'groupRequired', port: 'portRequired' },
    });
  });
});
