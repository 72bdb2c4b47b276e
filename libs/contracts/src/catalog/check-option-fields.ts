// Where in a check's options secrets may be written. Shared by the secret and env-reference helpers.

/** A path inside a check's options: ['headers', name], ['body'], ['basic_auth', 'password'] (http) or ['send'] (tcp). */
export type OptionPath = readonly [string] | readonly [string, string];

/** Option fields whose text may hold a credential or an env reference: every header value, body, the basic_auth password, send. */
export function secretCapableFields(options: Record<string, unknown>): { path: OptionPath; value: unknown }[] {
  const fields: { path: OptionPath; value: unknown }[] = [];
  if (isRecord(options.headers)) {
    for (const [name, value] of Object.entries(options.headers)) fields.push({ path: ['headers', name], value });
  }
  for (const key of ['body', 'send'] as const) {
    if (options[key] !== undefined) fields.push({ path: [key], value: options[key] });
  }
  if (isRecord(options.basic_auth) && options.basic_auth.password !== undefined) {
    fields.push({ path: ['basic_auth', 'password'], value: options.basic_auth.password });
  }
  return fields;
}

export function getOptionAt(options: Record<string, unknown>, path: OptionPath): unknown {
  if (path.length === 1) return options[path[0]];
  const parent = options[path[0]];
  return isRecord(parent) ? parent[path[1]] : undefined;
}

export function withOptionAt(options: Record<string, unknown>, path: OptionPath, value: unknown): Record<string, unknown> {
  if (path.length === 1) return { ...options, [path[0]]: value };
  const parent = isRecord(options[path[0]]) ? (options[path[0]] as Record<string, unknown>) : {};
  return { ...options, [path[0]]: { ...parent, [path[1]]: value } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
