import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runConfirmed, runForm } from '../../../src/lib/server/http/form-action';
import {
	ok,
	refusalProblems,
	refuse,
	refuseField,
	refuseFields,
	refuseProblems
} from '../../../src/lib/server/service-result';

// How a form action answers (README "Layering"): field errors by field, anything else as `_form`,
// the values sent kept, the use-case never run for a form that does not pass.
const formOf = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.append(k, v);
	return f;
};
const schema = z.object({ email: z.string().email({ error: () => 'bad email' }), password: z.string() });

describe('runForm', () => {
	it('runs the use-case with the parsed input and keeps the values sent, secrets left out', async () => {
		const r = await runForm(formOf({ email: 'a@b.id', password: 'rahasia-panjang' }), schema, async (d) =>
			ok(d.email.toUpperCase())
		);
		expect(r).toEqual({ ok: true, value: 'A@B.ID', values: { email: 'a@b.id' } });
	});

	it('answers a form that does not pass with 400 and its field errors, without running the use-case', async () => {
		let ran = false;
		const r = await runForm(formOf({ email: 'nope', password: 'x' }), schema, async () => {
			ran = true;
			return ok(null);
		});
		expect(ran).toBe(false);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.failure.status).toBe(400);
		expect(r.failure.data).toEqual({ values: { email: 'nope' }, errors: { email: 'bad email' } });
	});

	it('says when to try again after a throttled refusal, and sets no header otherwise', async () => {
		const headers: Record<string, string>[] = [];
		const event = { setHeaders: (h: Record<string, string>) => void headers.push(h) };
		const sent = formOf({ email: 'a@b.id', password: 'p' });
		const throttled = await runForm(
			sent,
			schema,
			async () => ({
				...refuseField(429, 'password', 'srv_password_throttled', { seconds: 30 }),
				retryAfterSeconds: 30
			}),
			{ event }
		);
		expect(throttled.ok ? 0 : throttled.failure.status).toBe(429);
		expect(headers).toEqual([{ 'retry-after': '30' }]);
		await runForm(sent, schema, async () => refuse(409, 'srv_password_current_wrong'), { event });
		expect(headers).toHaveLength(1);
	});

	it("answers a refusal with the service's status: field errors by field, anything else as _form", async () => {
		const sent = formOf({ email: 'a@b.id', password: 'p' });
		const byField = await runForm(sent, schema, async () =>
			refuseField(409, 'email', 'srv_email_taken', { email: 'a@b.id' })
		);
		expect(byField.ok === false && byField.failure.status).toBe(409);
		expect(byField.ok === false && byField.failure.data.errors).toEqual({
			email: 'Email a@b.id sudah dipakai akun lain.'
		});
		const several = await runForm(sent, schema, async () => refuseFields(400, { email: 'x', password: 'y' }));
		expect(several.ok === false && several.failure.data.errors).toEqual({ email: 'x', password: 'y' });
		const whole = await runForm(sent, schema, async () => refuse(404, 'srv_period_not_found'));
		expect(whole.ok === false && whole.failure.status).toBe(404);
		expect(whole.ok === false && whole.failure.data).toEqual({
			values: { email: 'a@b.id' },
			errors: { _form: 'Periode tidak ditemukan.' }
		});
	});

	it("sends a file's row problems, every one of them, beside the form's first", async () => {
		const rows = ['baris 2: kode unit kosong', 'baris 5: nilai harus 1 sampai 4'];
		const r = await runForm(formOf({ email: 'a@b.id', password: 'p' }), schema, async () =>
			refuseProblems(400, rows)
		);
		expect(r.ok === false && r.failure.data).toEqual({
			values: { email: 'a@b.id' },
			errors: { _form: 'baris 2: kode unit kosong' },
			problems: rows
		});
		const plain = await runForm(formOf({ email: 'a@b.id', password: 'p' }), schema, async () =>
			refuse(404, 'srv_period_not_found')
		);
		expect(plain.ok === false && 'problems' in plain.failure.data).toBe(false);
		// the command line and the JSON APIs print a plain refusal as its one problem
		expect(refusalProblems(refuse(404, 'srv_period_not_found'))).toEqual(['Periode tidak ditemukan.']);
		expect(refusalProblems(refuseProblems(400, rows))).toEqual(rows);
	});

	it('names the form on a page of several, and shows a button-only form its problem as _form', async () => {
		const r = await runForm(
			formOf({ to: 'nowhere' }),
			z.object({ to: z.enum(['open', 'closed'], { error: () => 'unknown target' }) }),
			async () => ok(null),
			{ tag: { action: 'status' }, formLevel: true }
		);
		expect(r.ok === false && r.failure.data).toEqual({
			action: 'status',
			values: { to: 'nowhere' },
			errors: { _form: 'unknown target' }
		});
	});
});

describe('runConfirmed', () => {
	it('runs the use-case only when the confirmation was sent', async () => {
		let runs = 0;
		const use = async () => {
			runs += 1;
			return ok(null);
		};
		const refused = await runConfirmed(formOf({}), use);
		expect(refused.ok === false && refused.failure.status).toBe(400);
		expect(refused.ok === false && Object.keys(refused.failure.data.errors)).toEqual(['_form']);
		expect(runs).toBe(0);
		expect((await runConfirmed(formOf({ confirm: 'ya' }), use)).ok).toBe(true);
		expect(runs).toBe(1);
	});
});
