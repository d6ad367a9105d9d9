export { useSignOut } from './api/session';
export { ChangePasswordModal } from './components/ChangePasswordModal';
export { RequireRole } from './components/RequireRole';
export { RequireSession } from './components/RequireSession';
export { LoginPage } from './routes/LoginPage';
