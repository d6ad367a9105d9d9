export { ecsAcceptLanguage, useRegions } from './api/regions';
export { useSelectedRegion } from './hooks/use-selected-region';
