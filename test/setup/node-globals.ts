/**
 * Tests run with Node 20's globals on every supported Node. Node 21+ adds a global `navigator`;
 * node-forge's BigInteger (the simulator's test certificates) then takes its browser code path,
 * which under Jest on Node 24 made one RSA-2048 signature take ~5 s instead of milliseconds, and
 * the simulator's start (~40 certificates) overran every hook timeout.
 */
if ((globalThis as { navigator?: unknown }).navigator !== undefined) {
  Object.defineProperty(globalThis, 'navigator', { value: undefined, configurable: true, writable: true });
}
