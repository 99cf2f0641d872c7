import { readFileSync } from 'node:fs';
import { parseInstrumentJson } from '../../../src/lib/domain/instrument/parse';
import type { InstrumentDef } from '../../../src/lib/domain/instrument/types';

export type ShippedCode = 'permenpan-17-2017' | 'pekppp-29-2022';

export function readShippedJson(code: ShippedCode): unknown {
	return JSON.parse(readFileSync(new URL(`../../../db/instruments/${code}.json`, import.meta.url), 'utf8'));
}

export function loadShipped(code: ShippedCode): InstrumentDef {
	return parseInstrumentJson(readShippedJson(code));
}
