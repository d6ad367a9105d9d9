export { SESSION_QUERY_KEY, useSignOut } from './api/session';
export { RequireRole } from './components/RequireRole';
export { RequireSession } from './components/RequireSession';
export { useCurrentSession } from './components/session-context';
export { LoginPage } from './routes/LoginPage';
