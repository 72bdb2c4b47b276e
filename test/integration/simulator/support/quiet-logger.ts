import pino from 'pino';

/** Tests keep the simulator quiet unless SIM_LOG=debug (or another level) is set. */
export const quietLogger = () => pino({ level: process.env.SIM_LOG ?? 'silent' });
