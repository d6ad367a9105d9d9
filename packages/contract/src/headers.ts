/**
 * Headers the SPA and the BFF agree on. Header names are lower-case, as Node reports them; HTTP
 * compares them case-insensitively.
 */

/** Every state-changing request carries this header with this value, or the BFF answers `403 CsrfCheckFailed`. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'ecs-console';

/**
 * Sent with this value by requests nobody asked for (list refreshes, polling while instances
 * change state): they do not count as activity, so an unattended console still reaches its idle
 * timeout.
 */
export const BACKGROUND_HEADER = 'x-console-background';
export const BACKGROUND_HEADER_VALUE = '1';

/**
 * Set on a successful answer when something went wrong beside it, e.g. ECS applied a change but the
 * audit entry could not be stored. Its value is a `ConsoleWarningCode`; the body's `consoleWarning`
 * says more.
 */
export const WARNING_HEADER = 'x-console-warning';

/** The BFF's own request ID, on every answer. */
export const REQUEST_ID_HEADER = 'x-request-id';
