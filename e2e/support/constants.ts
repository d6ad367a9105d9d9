// Overridable so that two runs can share a machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8188);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 9188);
/** The embedded emulator's port, for its fault-injection controls. */
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';
export const E2E_VIEWER = { username: 'e2e.viewer', password: 'e2e-viewer-password' };
export const E2E_OPERATOR = { username: 'e2e.operator', password: 'e2e-operator-password' };

/** The embedded emulator's key: the secret the browser must never see. */
export const E2E_EMULATOR_KEY = { id: 'E2EEMULATORKEY', secret: 'e2e-emulator-secret-MUST-NOT-LEAK-7f3a9c' };
