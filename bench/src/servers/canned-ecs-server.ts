import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A stand-in ECS that answers every action with a canned, realistic body and checks nothing, so
 * that what is measured is the client: signing, HTTP, parsing. It speaks just enough HTTP/1.1 over
 * raw sockets (keep-alive, Content-Length bodies) to cost far less per request than any client,
 * so it is not the bottleneck on a 2-core machine. (The emulator, which verifies every signature,
 * is the server for end-to-end benchmarks.)
 */
function instance(i: number) {
  return {
    InstanceId: `i-bp1bench${String(i).padStart(8, '0')}`,
    InstanceName: `web-${i}`,
    Description: '',
    HostName: `iZbp1bench${i}Z`,
    ImageId: 'aliyun_3_x64_20G_alibase_20240819.vhd',
    InstanceType: 'ecs.g7.large',
    InstanceTypeFamily: 'ecs.g7',
    Cpu: 2,
    Memory: 8192,
    OSName: 'Alibaba Cloud Linux 3.2104 LTS 64 bit',
    OSNameEn: 'Alibaba Cloud Linux 3.2104 LTS 64 bit',
    OSType: 'linux',
    Status: 'Running',
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    CreationTime: '2026-01-05T03:21Z',
    StartTime: '2026-01-05T03:22Z',
    ExpiredTime: '2099-12-31T15:59Z',
    InstanceChargeType: 'PostPaid',
    InternetChargeType: 'PayByTraffic',
    InternetMaxBandwidthIn: -1,
    InternetMaxBandwidthOut: 5,
    InstanceNetworkType: 'vpc',
    IoOptimized: true,
    StoppedMode: 'Not-applicable',
    DeletionProtection: false,
    SerialNumber: `5c1b8a2e-0000-4000-8000-${String(i).padStart(12, '0')}`,
    PublicIpAddress: { IpAddress: [`47.96.${i % 256}.${(i * 7) % 256}`] },
    InnerIpAddress: { IpAddress: [] },
    VpcAttributes: {
      VpcId: 'vpc-bp1bench',
      VSwitchId: 'vsw-bp1bench',
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: [`172.16.${i % 256}.${(i * 3) % 256}`] },
    },
    EipAddress: { AllocationId: '', IpAddress: '', InternetChargeType: '' },
    SecurityGroupIds: { SecurityGroupId: ['sg-bp1bench'] },
    OperationLocks: { LockReason: [] },
    Tags: {
      Tag: [
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'team', TagValue: 'platform' },
      ],
    },
  };
}

/** Instances per DescribeInstances answer: `--page-size N` (default 10). */
const pageSizeArg = process.argv.indexOf('--page-size');
const pageSize = pageSizeArg > 0 ? Number(process.argv[pageSizeArg + 1]) : 10;
/**
 * `--pages-file F`: a JSON array of DescribeInstances bodies, answered by PageNumber (page N gets
 * entry N-1, wrapping around), so a comparison with another server can use the very bytes it sent.
 */
const pagesFileArg = process.argv.indexOf('--pages-file');
const pageBodies =
  pagesFileArg > 0 ? (JSON.parse(readFileSync(process.argv[pagesFileArg + 1]!, 'utf8')) as string[]) : undefined;

const bodies: Record<string, string> = {
  DescribeInstances: JSON.stringify({
    RequestId: '473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E',
    TotalCount: 10_000,
    PageNumber: 1,
    PageSize: pageSize,
    Instances: { Instance: Array.from({ length: pageSize }, (_, i) => instance(i)) },
  }),
  StartInstance: JSON.stringify({ RequestId: '473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E' }),
};

/** A whole HTTP answer with the headers the emulator sends (Node's http server adds Date and Keep-Alive). */
function httpResponse(body: string): Buffer {
  const requestId = /"RequestId":"([^"]*)"/.exec(body)?.[1] ?? '';
  return Buffer.from(
    `HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-acs-request-id: ${requestId}\r\nDate: ${new Date().toUTCString()}\r\nConnection: keep-alive\r\n` +
      `Keep-Alive: timeout=65\r\n\r\n${body}`,
  );
}

const responses = new Map<string, Buffer>(Object.entries(bodies).map(([action, body]) => [action, httpResponse(body)]));
const pageResponses = pageBodies?.map(httpResponse);

const HEADER_END = Buffer.from('\r\n\r\n');

function answer(head: string, body: string): Buffer {
  const requestLine = head.slice(0, head.indexOf('\r\n'));
  const action =
    /\r\nx-acs-action:\s*(\w+)/i.exec(head)?.[1] ??
    /[?&]Action=(\w+)/.exec(requestLine)?.[1] ??
    /(?:^|&)Action=(\w+)/.exec(body)?.[1];
  if (action === 'DescribeInstances' && pageResponses) {
    const pageNumber = Number(
      /[?&]PageNumber=(\d+)/.exec(requestLine)?.[1] ?? /(?:^|&)PageNumber=(\d+)/.exec(body)?.[1] ?? 1,
    );
    return pageResponses[(pageNumber - 1) % pageResponses.length]!;
  }
  return responses.get(action ?? '') ?? responses.get('StartInstance')!;
}

function serve(socket: Socket): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const end = pending.indexOf(HEADER_END);
      if (end < 0) return;
      const head = pending.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const total = end + HEADER_END.length + length;
      if (pending.length < total) return;
      // V2 puts Action (and the other parameters) in the form body rather than the query.
      const body = length > 0 ? pending.subarray(end + HEADER_END.length, total).toString('latin1') : '';
      socket.write(answer(head, body));
      pending = pending.subarray(total);
    }
  });
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
