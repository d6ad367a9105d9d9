export { ConnectButton } from './components/ConnectButton';
export { ConsoleOutputTab } from './components/ConsoleOutputTab';
export { ScreenshotTab } from './components/ScreenshotTab';
export { VncConsoleTab } from './components/VncConsoleTab';
export { CONSOLE_TAB_ID, DETAIL_TAB_PARAM } from './logic/console-tab';
