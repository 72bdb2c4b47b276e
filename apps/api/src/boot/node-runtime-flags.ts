/**
 * Node flags the API is started with (npm start, the Dockerfile, the test and bench launcher);
 * test/unit/deploy/dockerfile.spec.ts holds every launcher to this list. V8 flags are per process:
 * the embedded probe agent's worker thread gets the same limit.
 *
 * Why: with Node's default old-space limit (a quarter of the machine's memory, 4 GiB here) V8 lets
 * the old generation grow to ~450 MB between full collections at 20,000 checks although the live
 * heap is ~130 MB (decision 0008). A 768 MB limit makes it collect sooner: in the pipeline bench at
 * 2,000 checks/s RSS 441-484 MB instead of 854-891 MB, for 72-81 % of a core instead of 60-63 %
 * (decisions 0007 and 0008 have the runs).
 */
export const API_NODE_FLAGS = ['--max-old-space-size=768'] as const;
