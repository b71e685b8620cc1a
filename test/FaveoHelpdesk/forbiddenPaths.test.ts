/** The API Request resource never reaches Faveo's dangerous endpoints, however the path is spelled. */
import { API_KEY, useFaveo } from './setup';

const ENDPOINTS: Record<string, { path: string; reason: string }> = {
	api_key: { path: '/v1/helpdesk/api_key', reason: 'regenerates the site’s API key' },
	'database-config': { path: '/v1/database-config', reason: 'belongs to the installer' },
	'system-config': { path: '/v1/system-config', reason: 'belongs to the installer' },
	url: { path: '/v1/helpdesk/url', reason: 'fetch arbitrary URLs' },
	'check-url': { path: '/v1/helpdesk/check-url', reason: 'fetch arbitrary URLs' },
};

/** Every letter percent-encoded, in lower or upper case hex. */
const encodeAll = (text: string, upper = false) => [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).map((code) => (upper ? code.toUpperCase() : code)).join('');

function spellings(path: string): string[] {
	const segments = path.split('/').filter(Boolean);
	const last = segments.at(-1)!;
	const parent = `/${segments.slice(0, -1).join('/')}`;
	const firstEncoded = `%${last.charCodeAt(0).toString(16)}${last.slice(1)}`;
	return [
		path,
		path.slice(1),
		`${path}/`,
		`${path}?x=1`,
		path.toUpperCase(),
		`${parent}/${last[0].toUpperCase()}${last.slice(1)}`,
		`${parent}/${firstEncoded}`,
		`${parent}/${firstEncoded.toUpperCase()}`,
		`${parent}/${last.replace(/[_-]/g, (char) => encodeAll(char))}`,
		`${parent}/${encodeAll(last)}`,
		`${parent}/${encodeAll(last, true)}`,
		`${parent}/%25${last.charCodeAt(0).toString(16)}${last.slice(1)}`,
		`${parent}/%2525${last.charCodeAt(0).toString(16)}${last.slice(1)}`,
		`${parent}%2F${last}`,
		`${parent}//${last}`,
		path.replace(/\//g, '//'),
		`${parent}/./${last}`,
		`${parent}/x/../${last}`,
		`${parent}/%2e/${last}`,
		`/v1/helpdesk/../${path.replace(/^\/v1\//, 'v1/')}`,
		`${parent}/${last}.json`,
		`${parent}/${last};x`,
		`${parent}\\${last}`,
		`${parent}/${last}%00`,
	];
}

const CASES = Object.entries(ENDPOINTS).flatMap(([name, { path, reason }]) => spellings(path).map((spelling) => [name, spelling, reason] as const));

describe('Faveo API Request: forbidden endpoints in any spelling', () => {
	const faveo = useFaveo({ seedTickets: 2 });

	it('covers many spellings of each forbidden endpoint', () => {
		for (const name of Object.keys(ENDPOINTS)) expect(CASES.filter(([endpoint]) => endpoint === name).length).toBeGreaterThanOrEqual(20);
	});

	it.each(CASES)('%s: GET %s is refused and nothing reaches Faveo', async (_name, spelling) => {
		const result = await faveo.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path: spelling });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toMatch(/^(Refusing to|The path ")/);
		expect(faveo.calls()).toEqual([]);
		expect(faveo.emulator.state.settings.apiKey).toBe(API_KEY);
		expect(faveo.emulator.state.trapCalls).toEqual([]);
	});

	it.each(Object.entries(ENDPOINTS))('%s: the refusal says why', async (_name, { path, reason }) => {
		const result = await faveo.run({ resource: 'apiRequest', operation: 'send', method: 'POST', path: path.replace(/_/, '%5F') });
		expect(result.error?.message).toContain(reason);
		expect(faveo.calls()).toEqual([]);
	});

	it('an absolute URL under the API base is checked the same way', async () => {
		const result = await faveo.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path: `${faveo.emulator.siteUrl}/api/v1/helpdesk/%61pi_key` });
		expect(result.error?.message).toContain('regenerates the site’s API key');
		expect(faveo.calls()).toEqual([]);
		expect(faveo.emulator.state.settings.apiKey).toBe(API_KEY);
	});

	it('neighbours of the forbidden endpoints still work', async () => {
		for (const path of ['/v1/helpdesk/priority', '/v1/helpdesk/tickets?page=2']) {
			const result = await faveo.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path });
			expect({ path, error: result.error?.message }).toEqual({ path, error: undefined });
		}
	});

	it('without the guard the emulator would really rotate the key: %61pi_key reaches Faveo’s api_key route', async () => {
		// Proves the table above is meaningful: the emulator routes on the decoded path, like Laravel.
		const login = await fetch(`${faveo.emulator.siteUrl}/api/v1/authenticate`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ username: 'demoadmin', password: 'demopass' }) });
		const { token } = (await login.json()) as { token: string };
		const rotated = await fetch(`${faveo.emulator.siteUrl}/api/v1/helpdesk/%61pi_key`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
		expect(rotated.status).toBe(200);
		expect(faveo.emulator.state.settings.apiKey).not.toBe(API_KEY);
		faveo.emulator.state.settings.apiKey = API_KEY;
		faveo.emulator.state.trapCalls.length = 0;
	});
});
