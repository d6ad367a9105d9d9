export { ConnectButton } from './components/ConnectButton';
export { ConsoleOutputTab } from './components/ConsoleOutputTab';
export { ScreenshotTab } from './components/ScreenshotTab';
export { VncConsoleTab } from './components/VncConsoleTab';
