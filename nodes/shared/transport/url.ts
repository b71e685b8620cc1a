import type { IDataObject } from 'n8n-workflow';

import type { ApiBase } from './types';

/** Normalises what a user pastes as a site or base URL: trims spaces and trailing slashes. */
export function normaliseBaseUrl(raw: unknown): string {
	const text = String(raw ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+/i.test(text)) {
		throw new Error(`"${text}" is not a valid URL: it must start with http:// or https://`);
	}
	return text;
}

/** Joins an API-relative path onto the API base, using `?rest_route=` where the site needs it. */
export function buildUrl(base: ApiBase, path: string, qs: IDataObject = {}): { url: string; qs: IDataObject } {
	const relative = path.startsWith('/') ? path : `/${path}`;
	if (base.restRoute) {
		// The route travels as a query value (encoded once by the request helper), and a query
		// parameter of the caller can never replace it.
		return {
			url: `${base.restRoute.siteUrl}/`,
			qs: { ...qs, rest_route: `${base.restRoute.prefix}${decodeURIComponent(relative)}` },
		};
	}
	return { url: `${base.root}${relative}`, qs };
}
