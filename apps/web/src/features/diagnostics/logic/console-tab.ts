/** The instance page's query parameter naming its open tab (`?tab=console`), so a link can open a tab. */
export const DETAIL_TAB_PARAM = 'tab';

/** The instance page's tab with the VNC console: where Connect leads. */
export const CONSOLE_TAB_ID = 'console';
