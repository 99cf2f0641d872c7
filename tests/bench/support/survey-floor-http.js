// The bare node:http part of the survey floors (survey-floor-server.js on SQLite,
// survey-floor-server-pg.js on PostgreSQL): read the form, store one row, answer 303.
import { createServer } from 'node:http';

/**
 * @typedef {{ unitId: number, answers: number[], sex: string | null, ageBand: string | null }} FloorResponse
 * @param {number} port
 * @param {(r: FloorResponse) => void | Promise<void>} store
 */
export function serveFloor(port, store) {
	createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			const f = new URLSearchParams(body);
			const response = {
				unitId: Number((f.get('form_token') ?? '').split('.')[1]),
				answers: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => Number(f.get(`u${k}`))),
				sex: f.get('sex'),
				ageBand: f.get('age_band')
			};
			const stored = () => res.writeHead(303, { location: '/terima-kasih' }).end();
			const failed = (/** @type {unknown} */ e) => res.writeHead(500).end(String(e));
			// A synchronous store (better-sqlite3) answers at once, without a promise round.
			try {
				const pending = store(response);
				if (pending) pending.then(stored, failed);
				else stored();
			} catch (e) {
				failed(e);
			}
		});
	}).listen(port, '127.0.0.1', () => console.log('ready'));
}
