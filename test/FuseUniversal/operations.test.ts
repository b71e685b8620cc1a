import { useFuse } from './setup';

describe('Fuse Universal operations', () => {
	const fuse = useFuse({ seedUsers: 30 });
	const LENA = 11488425;
	let serial = 0;
	/** A user of this test's own, created through the emulator's API. */
	const newUser = async () => {
		const name = `own.user.${++serial}.${Date.now()}`;
		const [created] = await fuse.json({ resource: 'user', operation: 'create', username: name, email: `${name}@example.test` });
		fuse.emulator.resetLog();
		return { id: Number(created.id), username: name };
	};

	it('user get / get current user', async () => {
		const [user] = await fuse.json({ resource: 'user', operation: 'get', userId: String(LENA) });
		expect(user).toMatchObject({ id: LENA, username: 'lena.learner' });
		const [me] = await fuse.json({ resource: 'user', operation: 'getMe' });
		expect(me.username).toBe('api.admin');
	});

	it('user get many: ids, email and profile-field filters; Return All pages with page/per_page', async () => {
		const byIds = await fuse.json({ resource: 'user', operation: 'getAll', returnAll: true, filters: { ids: `${LENA}, 11486988` } });
		expect(byIds.map((user) => user.id).sort()).toEqual([11486988, LENA]);
		expect(fuse.calls().at(-1)?.query).toMatchObject({ id: `${LENA},11486988` });
		const byEmail = await fuse.json({ resource: 'user', operation: 'getAll', returnAll: true, filters: { email: 'lena.learner@acme-learning.test' } });
		expect(byEmail.map((user) => user.id)).toEqual([LENA]);
		const byField = await fuse.json({ resource: 'user', operation: 'getAll', returnAll: true, filters: { field: { condition: [{ name: 'username', value: 'lena.learner' }] } } });
		expect(byField.map((user) => user.id)).toEqual([LENA]);
		fuse.emulator.resetLog();
		const all = await fuse.json({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(fuse.emulator.state.users.length);
		expect(new Set(all.map((user) => user.id)).size).toBe(all.length);
		expect(fuse.calls().every((request) => request.query.per_page === '100')).toBe(true);
		const limited = await fuse.json({ resource: 'user', operation: 'getAll', returnAll: false, limit: 7 });
		expect(limited).toHaveLength(7);
	});

	it('user create: the {"users":[…]} body with a generated password + confirmation and profile fields', async () => {
		const [created] = await fuse.json({
			resource: 'user',
			operation: 'create',
			username: 'new.person',
			email: 'new.person@example.test',
			additionalFields: { given_name: 'New', family_name: 'Person' },
			profile: { field: [{ name: 'Department', value: 'Sales' }] },
		});
		const body = fuse.calls().find((request) => request.method === 'POST' && request.path.endsWith('/manage/users'))!.body as { users: Array<Record<string, unknown>> };
		expect(body.users).toHaveLength(1);
		expect(body.users[0]).toMatchObject({ username: 'new.person', email: 'new.person@example.test', given_name: 'New', profile: { Department: 'Sales' } });
		expect(created).toMatchObject({ username: 'new.person', email: 'new.person@example.test' });
		expect(created).not.toHaveProperty('password');
		const duplicate = await fuse.run({ resource: 'user', operation: 'create', username: 'NEW.person', email: 'other@example.test' });
		expect(duplicate.error?.message).toContain('Fuse rejected the data');
	});

	it('user update keeps the username, sets managers (only possible by update) and returns the updated user', async () => {
		const created = await newUser();
		const [updated] = await fuse.json({ resource: 'user', operation: 'update', userId: String(created.id), updateFields: { given_name: 'Renamed', manager_ids: String(LENA) } });
		const put = fuse.calls().find((request) => request.method === 'PUT')!;
		expect(put.body).toMatchObject({ username: created.username, given_name: 'Renamed', manager_ids: [LENA] });
		expect(updated).toMatchObject({ id: created.id, given_name: 'Renamed' });
	});

	it('deactivate then restore', async () => {
		const created = await newUser();
		expect(await fuse.json({ resource: 'user', operation: 'deactivate', userId: String(created.id) })).toEqual([{ id: created.id, deactivated: true }]);
		const [restored] = await fuse.json({ resource: 'user', operation: 'restore', userId: String(created.id) });
		expect(restored.id).toBe(created.id);
		expect(fuse.calls().map((request) => `${request.method} ${request.path.replace(/^\/api\/v5\.0/, '')}`)).toEqual(
			expect.arrayContaining([`DELETE /manage/users/${created.id}`, `PUT /manage/users/${created.id}/restore`]),
		);
	});

	it.each([
		['community', 'communities'],
		['topic', 'topics'],
		['learningPlan', 'learning_plans'],
		['eventOccurrence', 'event_occurrences'],
		['notification', 'notifications'],
		['role', 'roles'],
		['customOption', 'custom_options'],
	])('%s get many unwraps the keyed list', async (resource) => {
		const records = await fuse.json({ resource, operation: 'getAll', returnAll: true });
		expect(records.length).toBeGreaterThan(0);
		expect(records.every((record) => typeof record === 'object' && !Array.isArray(record))).toBe(true);
	});

	it('topic and learning plan get one', async () => {
		const [topic] = await fuse.json({ resource: 'topic', operation: 'getAll', returnAll: false, limit: 1 });
		expect((await fuse.json({ resource: 'topic', operation: 'get', recordId: String(topic.id) }))[0].id).toBe(topic.id);
		const [plan] = await fuse.json({ resource: 'learningPlan', operation: 'getAll', returnAll: false, limit: 1 });
		expect((await fuse.json({ resource: 'learningPlan', operation: 'get', recordId: String(plan.id) }))[0].id).toBe(plan.id);
	});

	it('API request under /api/<version>, refusing other hosts', async () => {
		const [me] = await fuse.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/users/me' });
		expect(me).toHaveProperty('username', 'api.admin');
		const refused = await fuse.run({ resource: 'apiRequest', operation: 'send', method: 'GET', path: 'https://evil.example/api' });
		expect(refused.error?.message).toContain('Refusing to send the credential');
	});
});
