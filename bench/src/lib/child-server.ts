import { fork } from 'node:child_process';

export interface ChildServer {
  readonly url: string;
  /** Whatever else the script sent with its first message. */
  readonly info: Readonly<Record<string, unknown>>;
  /** Sends a message and resolves with the script's next reply. */
  ask(message: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts a server script in its own process, so the server and the code under measurement do not
 * share a core. The script sends `{ url }` over IPC once it listens.
 */
export function startChildServer(
  script: URL,
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<ChildServer> {
  const child = fork(script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server ${script.pathname} exited with ${code}`)));
    child.once('message', (message: { url: string }) => {
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        info: message,
        ask: (question) =>
          new Promise((answer) => {
            child.once('message', answer);
            child.send(question);
          }),
        close: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}
