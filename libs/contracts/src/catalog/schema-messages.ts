/**
 * A zod `error` option for a type mismatch that keeps "required" for a missing value: a custom
 * type message would otherwise also replace the message of an absent field.
 */
export function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : what);
}
