import type { RequestHandler } from './$types';

/** Liveness for a load balancer (deploy/haproxy.cfg): 200 once the process serves requests. */
export const GET: RequestHandler = () =>
	new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
