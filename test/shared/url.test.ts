import { buildUrl, normaliseBaseUrl } from '../../nodes/shared/transport/url';

describe('normaliseBaseUrl', () => {
	it.each([
		['https://example.com/', 'https://example.com'],
		['  https://example.com/blog//  ', 'https://example.com/blog'],
		['http://127.0.0.1:8080/faveo/public/', 'http://127.0.0.1:8080/faveo/public'],
	])('%s → %s', (input, expected) => {
		expect(normaliseBaseUrl(input)).toBe(expected);
	});

	it('rejects values that are not http(s) URLs', () => {
		expect(() => normaliseBaseUrl('example.com')).toThrow('must start with http:// or https://');
		expect(() => normaliseBaseUrl('')).toThrow();
	});
});

describe('buildUrl', () => {
	const root = 'https://example.com/blog/wp-json/fluent-crm/v2';

	it('joins paths onto a sub-path API root', () => {
		expect(buildUrl({ root }, '/subscribers', { page: 2 })).toEqual({ url: `${root}/subscribers`, qs: { page: 2 } });
		expect(buildUrl({ root }, 'tags/3').url).toBe(`${root}/tags/3`);
	});

	it('puts the route into ?rest_route= for sites without pretty permalinks', () => {
		const base = { root, restRoute: { siteUrl: 'https://example.com/blog', prefix: '/fluent-crm/v2' } };
		expect(buildUrl(base, '/subscribers', { page: 2 })).toEqual({
			url: 'https://example.com/blog/',
			qs: { rest_route: '/fluent-crm/v2/subscribers', page: 2 },
		});
	});
});
