export { SnapshotsPage } from './routes/SnapshotsPage';
