/**
 * Node flags the API is started with (npm start, the Dockerfile, the test and bench launcher);
 * test/unit/deploy/dockerfile.spec.ts holds every launcher to this list. V8 flags are per process:
 * the embedded probe agent's worker thread gets the same settings.
 *
 * Why: with Node's default old-space limit (a quarter of the machine's memory, 4 GiB here) V8 lets
 * the old generation grow to ~450 MB between full collections at 20,000 checks although the live
 * heap is ~110 MB (decisions 0008, 0009). A 768 MB limit makes V8 pick a smaller growth factor,
 * and --heap-growing-percent=15 caps it at 1.15 × the live heap after each full collection.
 * Pipeline bench at 2,000 checks/s (60 s runs): RSS 395 MB with both flags, 440 MB with the limit
 * alone, 854-891 MB with neither (decision 0009 has the runs and what more collections cost).
 */
export const API_NODE_FLAGS = ['--max-old-space-size=768', '--heap-growing-percent=15'] as const;
