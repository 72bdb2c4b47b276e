// The outcome vocabulary is shared with the probe agents; it lives in libs/contracts.
export { CheckOutcome, CHECK_OUTCOMES, ERROR_CLASSES, isCheckOutcome, isErrorClass } from '@kuzet/contracts';
export type { ErrorClass } from '@kuzet/contracts';
