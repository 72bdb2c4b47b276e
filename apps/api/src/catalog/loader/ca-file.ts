import { CheckDocument } from '@kuzet/contracts';
import { posix } from 'node:path';

/**
 * Resolves and reads a check's options.ca_file against the catalog folder, which may not be
 * left: the PEM text travels with the check (as options.ca_pem) so that remote probes, which
 * have no copy of the folder, can use it.
 */
export function resolveCaFile(
  check: CheckDocument,
  readAuxFile: (relPath: string) => string | undefined,
): { pem?: string; problem?: string } {
  const caFile = check.kind === 'http' || check.kind === 'tls' ? check.options.ca_file : undefined;
  if (caFile === undefined) return {};
  const normalized = posix.normalize(caFile.replace(/\\/g, '/'));
  if (normalized === '..' || normalized.startsWith('../') || posix.isAbsolute(normalized)) {
    return { problem: `must stay inside the catalog folder, got "${caFile}"` };
  }
  const text = readAuxFile(normalized);
  if (text === undefined) return { problem: `file not found in the catalog folder: ${normalized}` };
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    return { problem: `${normalized} holds no PEM certificate` };
  return { pem: text };
}
