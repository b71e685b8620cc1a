import { resolveApiPath } from '../../nodes/shared/transport/apiPath';

const base = { root: 'https://crm.example.com/wp-json/fluent-crm/v2' };

describe('resolveApiPath (SSRF guard)', () => {
	it('accepts relative paths with and without a leading slash, keeping their query', () => {
		expect(resolveApiPath(base, 'subscribers')).toEqual({ path: '/subscribers', decodedPath: '/subscribers', qs: {} });
		expect(resolveApiPath(base, '/subscribers?search=ann&tags[]=1&tags[]=2')).toEqual({
			path: '/subscribers',
			decodedPath: '/subscribers',
			qs: { search: 'ann', 'tags[]': ['1', '2'] },
		});
	});

	it('accepts an absolute URL under the API root and makes it relative', () => {
		expect(resolveApiPath(base, 'https://crm.example.com/wp-json/fluent-crm/v2/tags/3')).toEqual({ path: '/tags/3', decodedPath: '/tags/3', qs: {} });
	});

	it.each([
		['/v1/helpdesk/%61pi_key', '/v1/helpdesk/api_key'],
		['/v1/helpdesk/api%5Fkey', '/v1/helpdesk/api_key'],
		['/v1/helpdesk/%2561pi_key', '/v1/helpdesk/api_key'],
		['/v1///helpdesk//api_key', '/v1/helpdesk/api_key'],
		['/v1//helpdesk/api_key/', '/v1/helpdesk/api_key/'],
		['/v1/helpdesk%2Fapi_key', '/v1/helpdesk/api_key'],
	])('sends and checks one canonical form: %s → %s', (input, decoded) => {
		const resolved = resolveApiPath(base, input);
		expect(resolved).toMatchObject({ decodedPath: decoded, path: decoded });
	});

	it('re-encodes what must be encoded in a segment, so the server decodes exactly the checked path', () => {
		expect(resolveApiPath(base, '/users/ann%20lee@example.com')).toMatchObject({ path: '/users/ann%20lee@example.com', decodedPath: '/users/ann lee@example.com' });
		expect(resolveApiPath(base, '/files/a%3Fb')).toMatchObject({ path: '/files/a%3Fb', decodedPath: '/files/a?b' });
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
