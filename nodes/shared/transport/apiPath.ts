import type { IDataObject } from 'n8n-workflow';

import type { ApiBase } from './types';

/** `path` is what is sent; `decodedPath` is what the server routes on, for checks. */
export type ResolvedPath = { path: string; decodedPath: string; qs: IDataObject } | { refused: string };

function decodeFully(text: string): string | undefined {
	let current = text;
	for (let round = 0; round < 4; round++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			return undefined;
		}
		if (next === current) return current;
		current = next;
	}
	return undefined;
}

const hasControlCharacters = (text: string) => [...text].some((char) => char.charCodeAt(0) < 0x20 || char === '\\');

function parseQuery(query: string): IDataObject {
	const qs: IDataObject = {};
	for (const [key, value] of new URLSearchParams(query)) {
		const previous = qs[key];
		qs[key] = previous === undefined ? value : ([] as string[]).concat(previous as string[], value);
	}
	return qs;
}

/** Keeps the characters a path segment may carry literally; encodes everything else. */
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/%(40|3A|2C|3B|3D|2B|24|21|2A|27|28|29)/gi, (escaped) => decodeURIComponent(escaped));

/**
 * The SSRF guard of the API Request operation: accepts a path relative to the API root (or an
 * absolute URL under it) and returns its one canonical form — decoded until stable, `//` collapsed,
 * re-encoded segment by segment — plus its query, or why it was refused. Servers decode a path
 * before they route it, so every check runs on the canonical form and exactly that form is sent.
 */
export function resolveApiPath(base: ApiBase, rawInput: string): ResolvedPath {
	let input = String(rawInput ?? '').trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(input) || input.startsWith('//')) {
		if (!input.toLowerCase().startsWith(`${base.root}/`.toLowerCase())) {
			return {
				refused: `Refusing to send the credential to "${input.split('?')[0]}": only URLs under ${base.root} are allowed. Use a path relative to that API base instead`,
			};
		}
		input = input.slice(base.root.length);
	}
	const [pathPart, queryPart = ''] = input.split(/\?(.*)/s, 2);
	const decoded = decodeFully(pathPart);
	if (decoded === undefined || hasControlCharacters(decoded)) {
		return { refused: `The path "${pathPart}" is not valid: it has broken or repeated URL encoding, or control characters` };
	}
	const segments = decoded.split('/').filter((segment) => segment !== '');
	if (segments.some((segment) => segment === '..' || segment === '.')) {
		return { refused: `The path "${pathPart}" climbs out of the API base; use a path under it` };
	}
	const trailing = segments.length && decoded.endsWith('/') ? '/' : '';
	return { path: `/${segments.map(encodeSegment).join('/')}${trailing}`, decodedPath: `/${segments.join('/')}${trailing}`, qs: parseQuery(queryPart) };
}
