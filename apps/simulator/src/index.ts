// Public API of @kuzet/simulator: start a simulated fleet, drive its faults, read its log; and a TLS lab.
export { startSimulator } from './simulator';
export type { FaultInput, SimulatorHandle, SimulatorOptions } from './simulator.types';
export type { SimulatedSystemInfo, ActiveFaultView } from './system/simulated-system.types';
export type { SimulatorEvent, SimulatorEventAction } from './events/simulator-event.types';
export type { DownMode, Fault, FaultSource, FaultType, LatencySpec } from './faults/fault.types';
export { FAULT_TYPES } from './faults/fault.types';
export { FaultValidationError } from './faults/fault-validation.error';
export { validateFault } from './faults/fault-validator';
export type {
  Fleet,
  FleetSystem,
  FleetAgency,
  FleetCategory,
  Persona,
  LocalizedName,
  Tier,
  TlsVersion,
} from './fleet/fleet.types';
export { parseFleet } from './fleet/fleet-parser';
export { bundledFleetFile, locateFleetFile, loadFleet } from './fleet/fleet-locator';
export { buildCatalog, CA_FILE_NAME } from './catalog/catalog-builder';
export { writeCatalog } from './catalog/catalog-writer';
export { systemHostname } from './tls/system-certificates';
export { startTlsLab } from './tls-lab/tls-lab';
export type { TlsLabOptions } from './tls-lab/tls-lab';
export type { TlsLabHandle, TlsLabSetup } from './tls-lab/tls-lab.types';
export { TLS_LAB_SETUPS } from './tls-lab/tls-lab-setups';
export type { TlsLabSetupSpec } from './tls-lab/tls-lab-setups';
