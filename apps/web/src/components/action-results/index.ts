export { isOutcomeUnknown, summarizeBatch, type BatchSummary, type ItemResult } from './batch-summary';
export { BatchResultDetails } from './BatchResultDetails';
export { useReportBatch, type BatchReporter, type BatchTexts, type RunningBatch } from './use-report-batch';
