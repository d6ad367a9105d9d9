export { DisksPage } from './routes/DisksPage';
