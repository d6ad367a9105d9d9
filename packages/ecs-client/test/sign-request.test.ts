import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256, encodeParams, signV3Canonical } from '../src/index.js';
import { hmacSha256Hex } from '../src/signing/hmac-sha256.js';
import { signRequestV3 } from '../src/signing/sign-request.js';
import { officialAuthorization } from './support/official.js';

const endpoint = { origin: 'https://ecs.cn-hangzhou.aliyuncs.com', host: 'ecs.cn-hangzhou.aliyuncs.com', path: '/' };
const params = encodeParams({
  RegionId: 'cn-hangzhou',
  InstanceName: 'web *(1)! — 网站',
  Tag: [{ Key: 'a b', Value: "it's ~fine" }],
});

describe('the V3 request signer', () => {
  for (const securityToken of [undefined, 'STS.token/with+symbols==']) {
    it(`signs as the general V3 signer and the official SDK do (${securityToken ? 'with' : 'without'} an STS token)`, () => {
      const credentials = { accessKeyId: 'LTAIexample', accessKeySecret: 'secret-ünïcode-key', securityToken };
      const { request, signature } = signRequestV3('DescribeInstances', params, credentials, endpoint, 'test-agent');
      const headers = request.headers;
      const query = request.path.slice(request.path.indexOf('?') + 1);
      const general = signV3Canonical(
        'POST',
        '/',
        query,
        headers,
        EMPTY_BODY_SHA256,
        credentials.accessKeyId,
        credentials.accessKeySecret,
      );
      expect(headers.authorization).toBe(general.authorization);
      expect(signature).toBe(general.signature);
      const official = officialAuthorization(
        'POST',
        params,
        headers,
        EMPTY_BODY_SHA256,
        credentials.accessKeyId,
        credentials.accessKeySecret,
      );
      expect(headers.authorization).toBe(official);
      expect(headers['x-acs-security-token']).toBe(securityToken);
    });
  }
});

describe('HMAC-SHA256 from precomputed pads', () => {
  it('equals createHmac for short, block-sized, long and non-ASCII keys and messages of any length', () => {
    const secrets = ['k', 'x'.repeat(64), 'y'.repeat(65), randomBytes(100).toString('base64'), 'clé-秘密'];
    const messages = ['', 'ACS3-HMAC-SHA256\n' + 'ab'.repeat(32), 'm'.repeat(200), 'ünïcode ✓ 签名'];
    for (const secret of secrets) {
      for (const message of messages) {
        expect(hmacSha256Hex(secret, message)).toBe(createHmac('sha256', secret).update(message, 'utf8').digest('hex'));
      }
    }
  });
});
