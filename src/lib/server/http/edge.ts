import type { IncomingMessage, Server, ServerResponse } from 'node:http';

// Edges: request handlers the production server (scripts/start.js) runs before SvelteKit, for the
// one path where SvelteKit's per-request machinery (a web Request, streams, hooks, tracing) costs
// more than the work itself: the public survey submission at national scale (README "When one
// machine is not enough"). An edge answers only the common case and hands everything else on,
// unchanged, to SvelteKit, so every rule keeps its one home there. The app registers its edges in
// the server's `init` hook (hooks.server.ts), so they share the app's modules and database
// connection; the start script, bundled apart, finds them here by a global key.

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Takes the request and returns true, or returns false to leave it to SvelteKit (`next`). */
export type Edge = (req: IncomingMessage, res: ServerResponse, next: NodeHandler) => boolean;

const EDGES = Symbol.for('rapor-layanan.edges');
type EdgeHolder = { [EDGES]?: Map<string, Edge> };

export function registerEdge(name: string, edge: Edge): void {
	const holder = globalThis as EdgeHolder;
	(holder[EDGES] ??= new Map()).set(name, edge);
}

export function registeredEdges(): Edge[] {
	return [...((globalThis as EdgeHolder)[EDGES]?.values() ?? [])];
}

/** adapter-node's server (build/index.js exports it): polka, listening through `attach`. */
export interface PolkaServer {
	server: Server;
	attach: NodeHandler;
	handler: NodeHandler;
}

/**
 * Puts the registered edges in front of adapter-node's handler on its own HTTP server, which keeps
 * everything else of adapter-node (listening, timeouts, graceful shutdown). Returns false, and
 * changes nothing, when the server is not shaped as expected (another adapter-node version).
 */
export function putEdgesInFront(app: PolkaServer): boolean {
	const edges = registeredEdges();
	if (edges.length === 0 || !app.server?.listeners('request').includes(app.attach)) return false;
	const next: NodeHandler = (req, res) => app.attach(req, res);
	app.server.removeListener('request', app.attach);
	app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		for (const edge of edges) if (edge(req, res, next)) return;
		next(req, res);
	});
	return true;
}
