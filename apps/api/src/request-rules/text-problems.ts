import { FieldProblem, findTextFault } from '@kuzet/contracts';

/** A NUL (or absurd nesting) in a request value as a field problem: `email`, `name.en`, `tags.1`, `(body)` for the whole body. */
export function findTextProblem(value: unknown): FieldProblem | undefined {
  const fault = findTextFault(value);
  return fault && { field: fault.path.length ? fault.path.join('.') : '(body)', message: fault.message };
}
