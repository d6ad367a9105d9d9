/**
 * Ports that should not be open to the whole internet: remote administration, databases and caches,
 * container and cluster control planes, file sharing. `category` sets a world-open finding's
 * severity: administration and data stores are high, the rest medium.
 */
export interface AdminPort {
  readonly port: number;
  readonly service: string;
  readonly category: 'administration' | 'database' | 'fileSharing';
}

export const ADMIN_PORTS: readonly AdminPort[] = [
  { port: 21, service: 'FTP', category: 'fileSharing' },
  { port: 22, service: 'SSH', category: 'administration' },
  { port: 23, service: 'Telnet', category: 'administration' },
  { port: 135, service: 'Windows RPC', category: 'administration' },
  { port: 139, service: 'NetBIOS', category: 'fileSharing' },
  { port: 445, service: 'SMB', category: 'fileSharing' },
  { port: 1433, service: 'SQL Server', category: 'database' },
  { port: 1521, service: 'Oracle', category: 'database' },
  { port: 2049, service: 'NFS', category: 'fileSharing' },
  { port: 2375, service: 'Docker', category: 'administration' },
  { port: 2376, service: 'Docker (TLS)', category: 'administration' },
  { port: 2379, service: 'etcd', category: 'database' },
  { port: 3306, service: 'MySQL', category: 'database' },
  { port: 3389, service: 'RDP', category: 'administration' },
  { port: 5432, service: 'PostgreSQL', category: 'database' },
  { port: 5900, service: 'VNC', category: 'administration' },
  { port: 5984, service: 'CouchDB', category: 'database' },
  { port: 6379, service: 'Redis', category: 'database' },
  { port: 6443, service: 'Kubernetes API', category: 'administration' },
  { port: 9200, service: 'Elasticsearch', category: 'database' },
  { port: 9300, service: 'Elasticsearch transport', category: 'database' },
  { port: 10250, service: 'Kubelet', category: 'administration' },
  { port: 11211, service: 'Memcached', category: 'database' },
  { port: 27017, service: 'MongoDB', category: 'database' },
];
