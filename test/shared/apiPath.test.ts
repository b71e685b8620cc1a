import { resolveApiPath } from '../../nodes/shared/transport/apiPath';

const base = { root: 'https://crm.example.com/wp-json/fluent-crm/v2' };

describe('resolveApiPath (SSRF guard)', () => {
	it('accepts relative paths with and without a leading slash, keeping their query', () => {
		expect(resolveApiPath(base, 'subscribers')).toEqual({ path: '/subscribers', qs: {} });
		expect(resolveApiPath(base, '/subscribers?search=ann&tags[]=1&tags[]=2')).toEqual({
			path: '/subscribers',
			qs: { search: 'ann', 'tags[]': ['1', '2'] },
		});
	});

	it('accepts an absolute URL under the API root and makes it relative', () => {
		expect(resolveApiPath(base, 'https://crm.example.com/wp-json/fluent-crm/v2/tags/3')).toEqual({ path: '/tags/3', qs: {} });
	});

	it.each([
		'https://attacker.example/steal',
		'//attacker.example/steal',
		'http://crm.example.com/wp-json/fluent-crm/v2/tags', // other scheme = other origin
		'https://crm.example.com/wp-json/wp/v2/users', // same host, outside the API base
		'https://crm.example.com/wp-json/fluent-crm/v2.evil.example/x',
		'file:///etc/passwd',
	])('refuses %s', (input) => {
		expect(resolveApiPath(base, input)).toHaveProperty('refused');
	});

	it.each(['/../wp/v2/users', '/subscribers/../../wp/v2/users', '/%2e%2e/wp/v2/users', '/%252e%252e/wp', '/a/%2E%2E/%2E%2E/b', '/x\\..\\y', '/%E0%A4%A'])(
		'refuses path traversal and broken encoding: %s',
		(input) => {
			expect(resolveApiPath(base, input)).toHaveProperty('refused');
		},
	);
});
