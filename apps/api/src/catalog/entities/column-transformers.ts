import { ValueTransformer } from 'typeorm';

/** node-pg returns numeric as a string (to keep precision); catalog numbers are small. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
