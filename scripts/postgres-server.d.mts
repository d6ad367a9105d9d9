/** A private PostgreSQL cluster started by startPostgres(). */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust: no password). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server at once and removes its files. */
  stop(): Promise<void>;
  /** Stops the server (ending its sessions at once) but keeps its files for restart(). */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port with the same databases. */
  restart(): Promise<void>;
}

/** The directory of initdb, pg_ctl and postgres; installs Debian's postgresql when missing and root. */
export function ensurePostgresInstalled(): string;

export function startPostgres(): Promise<PostgresServer>;
