import type { IDataObject } from 'n8n-workflow';

import type { ApiBase } from './types';

export type ResolvedPath = { path: string; qs: IDataObject } | { refused: string };

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

/**
 * The SSRF guard of the API Request operation: accepts a path relative to the API root (or an
 * absolute URL under it) and returns the relative path plus its query, or why it was refused.
 */
export function resolveApiPath(base: ApiBase, rawInput: string): ResolvedPath {
	let input = String(rawInput ?? '').trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(input) || input.startsWith('//')) {
		if (!input.toLowerCase().startsWith(`${base.root}/`.toLowerCase())) {
			return {
				refused: `Refusing to send the credential to "${input.split('?')[0]}": only URLs under ${base.root} are allowed. Use a path relative to the API, e.g. /subscribers`,
			};
		}
		input = input.slice(base.root.length);
	}
	const [pathPart, queryPart = ''] = input.split(/\?(.*)/s, 2);
	const decoded = decodeFully(pathPart);
	if (decoded === undefined || hasControlCharacters(decoded)) {
		return { refused: `The path "${pathPart}" is not valid: it has broken or repeated URL encoding, or control characters` };
	}
	if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) {
		return { refused: `The path "${pathPart}" climbs out of the API base; use a path under it` };
	}
	return { path: `/${pathPart.replace(/^\/+/, '')}`, qs: parseQuery(queryPart) };
}
