/** Answers that are not what Fuse should send: errors that say so, never data, "nothing" or a password problem. */
import { useFakeClock } from '../harness/fakeClock';
import { ADMIN, useFuse } from './setup';

const LENA = 11488425;
const NOT_JSON = 'Fuse Universal answered with something that is not the expected JSON';

describe('Fuse Universal: every answer is checked', () => {
	const fuse = useFuse({ seedUsers: 250 });
	useFakeClock();

	it.each([
		['an HTML page', { status: 200, kind: 'html' as const }],
		['a cut-off JSON document', { status: 200, kind: 'malformed' as const }],
		['an empty body', { status: 200, kind: 'empty' as const }],
	])('User Get answered with %s is an error, not the raw text as the item', async (_name, fault) => {
		const credentialId = fuse.addCredential();
		fuse.emulator.injectFault({ ...fault, match: `/manage/users/${LENA}` });
		const result = await fuse.run({ resource: 'user', operation: 'get', userId: String(LENA) }, [{}], { credentialId });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(result.error?.description).toContain('HTTP 200');
	});

	it('Get Many with a broken first page is an error, not 0 users', async () => {
		fuse.emulator.injectFault({ status: 200, kind: 'html', match: '/manage/users?' });
		const result = await fuse.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe(NOT_JSON);
	});

	it('Return All with a broken page 2 of 3 is an error, not a shortened list', async () => {
		fuse.emulator.injectFault({ status: 200, kind: 'malformed', match: '/manage/users?', skip: 1 });
		const result = await fuse.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe(NOT_JSON);
		expect(fuse.calls().filter((request) => request.path.endsWith('/manage/users'))).toHaveLength(2);
	});

	it('a wrong password is tried once for 5 items with Continue On Fail, and every item says so', async () => {
		const credentialId = fuse.addCredential({ password: 'Wrong-Password-5!' });
		const result = await fuse.run({ resource: 'user', operation: 'getMe' }, [{}, {}, {}, {}, {}], { credentialId, continueOnFail: true });
		expect(fuse.emulator.counters.failedLogins).toBe(1);
		expect(result.items).toHaveLength(5);
		for (const item of result.items) expect(item.json.error).toContain('Fuse Universal login failed: login name or password rejected (HTTP 401');
	});

	it('a login answered 502 with a gateway page is retried, and a lasting one is a server fault, never a password error', async () => {
		fuse.emulator.injectFault({ status: 502, kind: 'html', match: '/session' });
		const recovered = await fuse.run({ resource: 'user', operation: 'getMe' }, [{}], { credentialId: fuse.addCredential({ loginName: 'lena.learner', password: 'Learn3r-Secret-Pass!' }) });
		expect(recovered.error).toBeUndefined();

		fuse.emulator.injectFault({ status: 502, kind: 'html', match: '/session', times: 'always' });
		const credentialId = fuse.addCredential({ loginName: 'api.admin@acme-learning.test', password: ADMIN.password });
		const failed = await fuse.run({ resource: 'user', operation: 'getMe' }, [{}], { credentialId });
		expect(failed.error?.message).toBe(
			'Fuse Universal could not log in: the server answered HTTP 502 with a web page. This is a server or gateway fault, not a problem with the credentials (tried 4 times)',
		);
		expect(failed.error?.description).toContain('Nothing is wrong with the credentials');
	});

	it('a connection reset on a user create says it may or may not have been done', async () => {
		fuse.emulator.injectFault({ kind: 'reset', method: 'POST', match: '/manage/users' });
		const result = await fuse.run({ resource: 'user', operation: 'create', username: 'reset.person', email: 'reset.person@example.test' });
		expect(result.error?.message).toBe('The connection to Fuse Universal broke before its answer arrived');
		expect(result.error?.description).toContain('may or may not have been processed');
		expect(fuse.calls().filter((request) => request.method === 'POST' && request.path.endsWith('/manage/users'))).toHaveLength(1);
	});

	it('a server that ignores the page number (the same full page twice) stops the item instead of returning duplicates', async () => {
		const page = { users: Array.from({ length: 100 }, (_, index) => ({ id: index + 1, username: `same.${index}` })) };
		fuse.emulator.injectFault({ status: 200, body: page, match: '/manage/users?', times: 2 });
		const result = await fuse.run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toBe('Fuse Universal paging stopped: page 2 repeated page 1: the server seems to ignore the paging parameters');
		expect(result.error?.description).toContain('no record is lost');
	});
});
