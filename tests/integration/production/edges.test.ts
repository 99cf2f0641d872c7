import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { putEdgesInFront, registerEdge, type NodeHandler } from '../../../src/lib/server/http/edge';

// scripts/start.js puts the app's edges in front of adapter-node's polka server; here a polka-shaped
// server (an HTTP server listening through `attach`) stands in for build/index.js.
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function polkaShaped(): Promise<{
	app: { server: ReturnType<typeof createServer>; attach: NodeHandler; handler: NodeHandler };
	url: string;
}> {
	const handler: NodeHandler = (_req, res) => res.writeHead(200).end('sveltekit');
	const attach: NodeHandler = (req, res) => setImmediate(handler, req, res);
	const server = createServer();
	server.on('request', attach);
	servers.push(server);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return {
		app: { server, attach, handler },
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	};
}

describe('edges in front of the production server', () => {
	it('answers through a registered edge first and leaves the rest to the server as before', async () => {
		registerEdge('test-edge', (req: IncomingMessage, res: ServerResponse) => {
			if (req.url !== '/edge') return false;
			res.writeHead(201).end('edge');
			return true;
		});
		const { app, url } = await polkaShaped();
		expect(putEdgesInFront(app)).toBe(true);
		expect(app.server.listeners('request')).toHaveLength(1);
		expect(await (await fetch(`${url}/edge`)).text()).toBe('edge');
		expect(await (await fetch(`${url}/other`)).text()).toBe('sveltekit');
	});

	it('changes nothing on a server that does not listen through attach (another adapter version)', async () => {
		const { app, url } = await polkaShaped();
		app.server.removeAllListeners('request');
		app.server.on('request', app.handler);
		expect(putEdgesInFront(app)).toBe(false);
		expect(await (await fetch(`${url}/edge`)).text()).toBe('sveltekit');
	});
});
