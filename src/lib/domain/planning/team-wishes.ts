// docs/rules.md §8.7: where the pool allows, a unit's assessors differ in kind (one lecturer, one student)
// and in institution, and nobody visits a unit they visited in the previous period. These are
// wishes: the balance rule and the hard rules (conflicts, one visit per assessor) come first.

export type AssessorKind = 'lecturer' | 'student';

export interface AssessorProfile {
	kind: AssessorKind | null;
	institution: string | null;
}

export type TeamWish = 'mixed_kind' | 'mixed_institution' | 'no_repeat';

export interface TeamWishContext {
	profiles: ReadonlyMap<number, AssessorProfile>;
	/** `assessorId:unitId` of the previous period's visits */
	previous: ReadonlySet<string>;
}

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

/** The wishes `a` would miss by joining `team` on `unitId`. */
export function wishesMissed(
	ctx: TeamWishContext,
	unitId: number,
	a: number,
	team: Iterable<number>
): TeamWish[] {
	const out = new Set<TeamWish>();
	if (ctx.previous.has(`${a}:${unitId}`)) out.add('no_repeat');
	const pa = ctx.profiles.get(a);
	for (const b of team) {
		if (b === a) continue;
		const pb = ctx.profiles.get(b);
		if (pa?.kind && pb?.kind && pa.kind === pb.kind) out.add('mixed_kind');
		if (norm(pa?.institution ?? null) && norm(pa?.institution ?? null) === norm(pb?.institution ?? null))
			out.add('mixed_institution');
	}
	return [...out];
}

/** Every wish a unit's final team misses (each named once per unit). */
export function unmetWishesOf(ctx: TeamWishContext, unitId: number, team: readonly number[]): TeamWish[] {
	const out = new Set<TeamWish>();
	team.forEach((a, i) => {
		for (const w of wishesMissed(ctx, unitId, a, team.slice(0, i))) out.add(w);
		if (ctx.previous.has(`${a}:${unitId}`)) out.add('no_repeat');
	});
	return [...out];
}
