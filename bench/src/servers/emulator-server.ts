import { startEmulator } from '@ecs-console/ecs-emulator';

/**
 * The emulator in its own process for benchmarks. Options come as JSON in argv[2]; the process
 * sends `{ url, credentials }` once listening and answers `'stats'` messages with the server-side
 * time of every DescribeInstances answered since the last ask.
 */
const options = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof startEmulator>[0];
const durations: number[] = [];
const emulator = await startEmulator({
  ...options,
  onRequest: (entry) => {
    if (entry.action === 'DescribeInstances') durations.push(entry.ms);
  },
});
process.on('message', (message) => {
  if (message === 'stats') process.send?.({ durations: durations.splice(0) });
});
process.send?.({ url: emulator.url, credentials: emulator.credentials });

// A normal exit on kill, so a --cpu-prof run writes this process's profile too.
process.once('SIGTERM', () => process.exit(0));
