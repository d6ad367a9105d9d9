export { ecsAcceptLanguage, useRegions } from './api/regions';
