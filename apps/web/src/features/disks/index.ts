export { DisksPage } from './routes/DisksPage';
export { DiskDetailPage } from './routes/DiskDetailPage';
export { diskPath } from './paths';
export { InstanceDisksSection } from './components/InstanceDisksSection';
