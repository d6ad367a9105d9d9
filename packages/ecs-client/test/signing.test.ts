import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode } from '../src/signing/percent-encode.js';
import { signV2, stringToSignV2 } from '../src/signing/v2.js';
import { EMPTY_BODY_SHA256, sha256Hex, signV3 } from '../src/signing/v3.js';
import { TestServer } from './support/test-server.js';
import { officialAuthorization, OpenApiUtil, PopCore } from './support/official.js';

/** The seed's DescribeRegions example (S0 "Sample 1"), see DIGEST §2. */
const SEED_PARAMS = {
  Timestamp: '2016-02-23T12:46:24Z',
  Format: 'XML',
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  Version: '2014-05-26',
  SignatureVersion: '1.0',
};

describe('percent-encoding', () => {
  it('keeps unreserved characters and encodes the rest in upper-case hex', () => {
    expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
    expect(percentEncode("a b*c!'()/:é")).toBe('a%20b%2Ac%21%27%28%29%2F%3A%C3%A9');
  });

  it('sorts parameters by name', () => {
    expect(canonicalQuery({ b: '2', a: '1 1', 'Tag.1.Key': 'x' })).toBe('Tag.1.Key=x&a=1%201&b=2');
  });
});

describe('signature V2 (HMAC-SHA1) known answers', () => {
  it('reproduces the seed example exactly', () => {
    expect(stringToSignV2('GET', SEED_PARAMS)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signV2('GET', SEED_PARAMS, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('signs the HTTP method: the same parameters sent by POST', () => {
    expect(signV2('POST', SEED_PARAMS, 'testsecret')).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=');
  });

  it('does not produce the value of the common bug (inner & left unencoded)', () => {
    expect(signV2('GET', SEED_PARAMS, 'testsecret')).not.toBe('VyBL52idtt+oImX0NZC+2ngk15Q=');
  });
});

const V3_HEADERS = {
  host: 'ecs.cn-hangzhou.aliyuncs.com',
  'x-acs-action': '',
  'x-acs-version': '2014-05-26',
  'x-acs-date': '2026-01-01T00:00:00Z',
  'x-acs-signature-nonce': '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  'x-acs-content-sha256': EMPTY_BODY_SHA256,
  accept: 'application/json',
};

describe('signature V3 (ACS3-HMAC-SHA256) known answers', () => {
  const cases: { action: string; query: Record<string, string>; signature: string }[] = [
    {
      action: 'StartInstance',
      query: { RegionId: 'cn-hangzhou', InstanceId: 'i-bp1test0001' },
      signature: 'fcc18b854ab977793dd96d445b78c76cd4e3d341723dc2ee1d8e5fa19a82f3fa',
    },
    {
      action: 'DescribeInstances',
      query: { RegionId: 'cn-hangzhou', InstanceName: 'web 01*~/é', 'Tag.1.Key': 'env' },
      signature: '82950e4d3e2d9f1b356b33566d5324ce8b263d293b0ba7228aef9b58d969bc2f',
    },
  ];

  it.each(cases)('$action matches the digest vector', ({ action, query, signature }) => {
    const signed = signV3(
      {
        method: 'POST',
        path: '/',
        query,
        headers: { ...V3_HEADERS, 'x-acs-action': action },
        payloadHash: EMPTY_BODY_SHA256,
      },
      'testid',
      'testsecret',
    );
    expect(signed.signature).toBe(signature);
    expect(signed.authorization).toBe(
      `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=${signature}`,
    );
  });

  it('hashes bodies with SHA-256', () => {
    expect(sha256Hex('')).toBe(EMPTY_BODY_SHA256);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

/** Deterministic pseudo-random strings covering ASCII, reserved characters and multi-byte text. */
function randomStrings(seed: number, count: number): string[] {
  const alphabet = "abcXYZ019 -_.~*!'()/:&=+?%#@é中文😀\t";
  const chars = Array.from(alphabet);
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + (next() % 24) }, () => chars[next() % chars.length]).join(''),
  );
}

describe('differential against the official signers', () => {
  const values = randomStrings(7, 60);

  it('V2 agrees with @alicloud/openapi-util getRPCSignature on random parameters', () => {
    for (let i = 0; i < values.length - 3; i++) {
      const params = {
        ...SEED_PARAMS,
        InstanceName: values[i]!,
        Description: values[i + 1]!,
        'Tag.1.Value': values[i + 2]!,
      };
      for (const method of ['GET', 'POST']) {
        expect(signV2(method, params, values[i + 3]!)).toBe(
          OpenApiUtil.getRPCSignature(params, method, values[i + 3]!),
        );
      }
    }
  });

  it('V3 agrees with @alicloud/openapi-util getAuthorization on random parameters', () => {
    for (let i = 0; i < values.length - 2; i++) {
      const query = { RegionId: 'cn-hangzhou', InstanceName: values[i]!, 'Tag.1.Value': values[i + 1]! };
      const headers = {
        ...V3_HEADERS,
        'x-acs-action': 'DescribeInstances',
        'x-acs-security-token': values[i + 2]!.trim() || 'tok',
      };
      const official = officialAuthorization('POST', query, headers, EMPTY_BODY_SHA256, 'testid', 'testsecret');
      const ours = signV3(
        { method: 'POST', path: '/', query, headers, payloadHash: EMPTY_BODY_SHA256 },
        'testid',
        'testsecret',
      );
      expect(ours.authorization).toBe(official);
    }
  });

  describe('V2 against @alicloud/pop-core over a real socket', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await TestServer.start();
    });
    afterAll(() => server.close());

    it.each(['GET', 'POST'])('verifies the signature pop-core sends by %s', async (method) => {
      const client = new PopCore({
        accessKeyId: 'testid',
        accessKeySecret: 'testsecret',
        endpoint: server.url,
        apiVersion: '2014-05-26',
      });
      await client.request(
        'DescribeInstances',
        { RegionId: 'cn-hangzhou', InstanceName: 'web 01*~/é', Tag: [{ Key: 'env', Value: 'prod' }] },
        { method },
      );
      const received = server.requests.at(-1)!;
      const { Signature, ...signed } = received.params;
      expect(received.method).toBe(method);
      expect(signed['Tag.1.Key']).toBe('env');
      expect(signV2(method, signed, 'testsecret')).toBe(Signature);
    });
  });
});
