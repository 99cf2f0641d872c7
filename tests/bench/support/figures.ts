import { loadavg } from 'node:os';

// One row of a benchmark module's table (scripts/bench.js prints it and writes results.md), and
// the number formats of the modules that return rows.

export interface Row {
	figure: string;
	value: string;
	floor: string;
	target: string;
	/** null: reported only (no target from the issues for this figure). */
	pass: boolean | null;
}

export const fmt = (n: number, d = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
export const mb = (kb: number) => `${fmt(kb / 1024)} MB`;
export const seconds = (t0: number) => (performance.now() - t0) / 1000;
export const cpuSeconds = (c0: NodeJS.CpuUsage) => {
	const c = process.cpuUsage(c0);
	return (c.user + c.system) / 1e6;
};
export const load = () =>
	loadavg()
		.map((x) => x.toFixed(1))
		.join(' / ');
