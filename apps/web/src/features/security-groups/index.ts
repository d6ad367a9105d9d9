export { SecurityGroupsPage } from './routes/SecurityGroupsPage';
