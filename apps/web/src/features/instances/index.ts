export { InstanceDetailPage } from './routes/InstanceDetailPage';
export { InstanceListPage } from './routes/InstanceListPage';
