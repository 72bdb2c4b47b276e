import Fastify from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { SECURITY_HEADER_OPTIONS, securityHeaderValues } from './security-headers';

describe('securityHeaderValues', () => {
  it('are exactly the headers @fastify/helmet sets on an answer with the same options', async () => {
    const fastify = Fastify();
    await fastify.register(fastifyHelmet, SECURITY_HEADER_OPTIONS);
    fastify.get('/', async () => 'x');
    const res = await fastify.inject({ method: 'GET', url: '/' });
    await fastify.close();
    const precomputed = new Map(securityHeaderValues());
    expect(precomputed.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(precomputed.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    for (const [name, value] of precomputed) expect([name, res.headers[name]]).toEqual([name, value]);
    // And nothing helmet sets is missing from the precomputed list.
    const fromHelmet = Object.keys(res.headers).filter((h) => !['content-type', 'content-length', 'date', 'connection'].includes(h));
    expect(fromHelmet.sort()).toEqual([...precomputed.keys()].sort());
  });
});
